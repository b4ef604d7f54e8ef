using Helpdesk.Core.Data;
using Helpdesk.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task EveryMigrationAppliesToAnEmptyFile()
    {
        await using var database = new TestDatabase();
        await using (var db = database.CreateDbContext())
            Assert.NotEmpty(await db.Database.GetPendingMigrationsAsync());

        await database.InitializeAsync();

        await using var migrated = database.CreateDbContext();
        Assert.Empty(await migrated.Database.GetPendingMigrationsAsync());
        Assert.Equal(migrated.Database.GetMigrations(), await migrated.Database.GetAppliedMigrationsAsync());
        Assert.Equal(0, await migrated.Tickets.CountAsync());
    }

    [Fact]
    public async Task TheMigrationsMatchTheModel()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run `dotnet ef migrations add`.");
    }

    [Fact]
    public async Task InitializingTwiceIsHarmless()
    {
        await using var database = await TestDatabase.CreateAsync();

        await database.InitializeAsync();

        await using var db = database.CreateDbContext();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    [Trait("Database", "SqliteOnly")] // PostgreSQL: Helpdesk.Tests/Postgres
    public async Task AContextsConnectionUsesWalAndEnforcesForeignKeys()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync();

        Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
        Assert.Equal(1L, await PragmaAsync(db, "foreign_keys"));
        Assert.True((long)(await PragmaAsync(db, "busy_timeout"))! > 0);
    }

    [Fact]
    [Trait("Database", "SqliteOnly")] // PostgreSQL: Helpdesk.Tests/Postgres
    public async Task ARowPointingAtAMissingTicketIsRejected()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        var error = await Assert.ThrowsAsync<SqliteException>(() => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO Comments (TicketId, Kind, Body, IsInternal, CreatedAt) VALUES (4242, 0, 'orphan', 0, '2026-01-01');"));

        Assert.Contains("FOREIGN KEY", error.Message);
    }

    private static async Task<object?> PragmaAsync(HelpdeskDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return await command.ExecuteScalarAsync();
    }
}
