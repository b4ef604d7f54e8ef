using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Helpdesk.Tests.Postgres;

/// <summary>
/// What only PostgreSQL has to show (the Core suite itself runs on it in scripts/test.sh's second
/// pass): its own migrations match the model, foreign keys hold, and two app servers writing into one
/// database at once still number tickets without gaps or duplicates and log events in commit order.
/// </summary>
public sealed class PostgresDatabaseTests
{
    [Fact]
    public async Task ThePostgresMigrationsApplyAndMatchTheModel()
    {
        await using var database = new TestDatabase(provider: DatabaseOptions.PostgresProvider);
        await using (var empty = database.CreateDbContext())
            Assert.NotEmpty(await empty.Database.GetPendingMigrationsAsync());

        await database.InitializeAsync();

        await using var db = database.CreateDbContext();
        Assert.True(db.IsPostgres());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.False(db.Database.HasPendingModelChanges(),
            "The model changed without a PostgreSQL migration: run `dotnet ef migrations add <Name> --project Helpdesk.Migrations.Postgres --startup-project Helpdesk.Migrations.Postgres --output-dir Migrations`.");
    }

    [Fact]
    public async Task ARowPointingAtAMissingTicketIsRejected()
    {
        await using var database = await TestDatabase.CreateAsync(provider: DatabaseOptions.PostgresProvider);
        await using var db = database.CreateDbContext();

        var error = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "Comments" ("TicketId", "Kind", "Body", "IsInternal", "CreatedAt") VALUES (4242, 0, 'orphan', false, now());"""));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
    }

    [Fact]
    public async Task TwoServersCreatingAtOnceNumberTicketsWithoutGapsAndLogEventsInCommitOrder()
    {
        await using var a = await TestDatabase.CreateAsync(provider: DatabaseOptions.PostgresProvider);
        var desk = await Desk.CreateAsync(a);
        await using var b = TestDatabase.SecondServer(a);
        await b.InitializeAsync();
        const int PerServer = 25;

        Task<Result<TicketRow>> Create(TestDatabase server, int i) =>
            server.Get<ITicketCommandHandler<CreateTicket>>().HandleAsync(desk.Alice, new CreateTicket(new NewTicketData
            {
                RequesterId = desk.Alice.UserId, CategoryId = desk.General, Subject = $"Concurrent {i}", Description = "Two servers at once.",
            }));
        var results = await Task.WhenAll(Enumerable.Range(0, PerServer).SelectMany(i => new[] { Create(a, i), Create(b, i) }));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        var numbers = results.Select(r => r.Value!.Number).Order().ToList();
        Assert.Equal(Enumerable.Range(TicketNumber.First, 2 * PerServer), numbers);

        await using var db = a.CreateDbContext();
        var created = await (from e in db.Events
                             join t in db.Tickets on e.TicketId equals t.Id
                             where e.Kind == Helpdesk.Core.Events.TicketEventKind.Created
                             orderby e.Id
                             select t.Number).ToListAsync();
        // Numbers are allocated and events written inside one serialized transaction each, so the
        // log's order is the numbers' order: a reader of "events after N" never skips one committed late.
        Assert.Equal(numbers, created);
    }
}
