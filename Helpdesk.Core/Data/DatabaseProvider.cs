using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Data;

/// <summary>
/// The one place that turns "Database:Provider" into EF Core options. SQLite keeps its migrations in
/// Helpdesk.Core/Data/Migrations; PostgreSQL's live in the Helpdesk.Migrations.Postgres assembly
/// (generated from the same model), which the host references.
/// </summary>
public static class DatabaseProvider
{
    public const string PostgresMigrationsAssembly = "Helpdesk.Migrations.Postgres";

    public static DbContextOptionsBuilder Use(this DbContextOptionsBuilder options, DatabaseOptions db)
    {
        if (db.IsPostgres)
            return UsePostgres(options, db.ConnectionString);
        if (!db.IsSqlite)
            throw new InvalidOperationException($"Database provider '{db.Provider}' is not supported. Use \"{DatabaseOptions.SqliteProvider}\" or \"{DatabaseOptions.PostgresProvider}\".");
        return options.UseSqlite(db.ResolveSqlite()).AddInterceptors(new SqlitePragmas());
    }

    public static DbContextOptionsBuilder UsePostgres(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrationsAssembly))
            .AddInterceptors(new PostgresWriteLock());

    public static bool IsPostgres(this HelpdeskDbContext db) => db.Database.IsNpgsql();

    /// <summary>
    /// A read-only transaction that sees one snapshot for all its queries (a page, its counters and
    /// the event sequence they reflect). SQLite: a plain transaction on the connection. PostgreSQL:
    /// REPEATABLE READ (READ COMMITTED would give each statement its own snapshot). Neither takes the
    /// write lock EF's transactions take.
    /// </summary>
    public static async Task<DbTransaction> BeginSnapshotAsync(this HelpdeskDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var tx = db.IsPostgres()
            ? await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct)
            : await connection.BeginTransactionAsync(ct);
        await db.Database.UseTransactionAsync(tx, ct);
        return tx;
    }
}
