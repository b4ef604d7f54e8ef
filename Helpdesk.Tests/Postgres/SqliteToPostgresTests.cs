using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Data.Transfer;
using Helpdesk.Core.Events;
using Helpdesk.Core.Knowledge.Search;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Postgres;

/// <summary>`migrate-to-postgres`: a demo desk on SQLite moves to PostgreSQL and carries on there where it stopped.</summary>
public sealed class SqliteToPostgresTests
{
    [Fact]
    public async Task ADemoDeskMovesWithItsNumbersConversationsAuditAndEventSequence()
    {
        await using var sqlite = await TestDatabase.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["DemoData:Enabled"] = "true", ["DemoData:Tickets"] = "40",
        }, provider: DatabaseOptions.SqliteProvider);
        await using var postgres = new TestDatabase(provider: DatabaseOptions.PostgresProvider);

        var report = await sqlite.Get<SqliteToPostgres>().RunAsync(sqlite.ConnectionString, postgres.ConnectionString);
        await postgres.InitializeAsync();

        await using (var from = sqlite.CreateDbContext())
        await using (var to = postgres.CreateDbContext())
        {
            Assert.Equal(await Tickets(from), await Tickets(to));
            Assert.Equal(await Comments(from), await Comments(to));
            Assert.Equal(await Audit(from), await Audit(to));
            Assert.Equal(await Events(from), await Events(to));
            Assert.Equal(await from.Users.Select(u => u.Email).OrderBy(e => e).ToListAsync(), await to.Users.Select(u => u.Email).OrderBy(e => e).ToListAsync());
            Assert.Equal(await from.Tickets.CountAsync(), report.Tables.Single(t => t.Table == "Tickets").Rows);
        }

        // The desk carries on: the next ticket gets the next number and the next event sequence.
        await using var check = postgres.CreateDbContext();
        var lastNumber = await check.Tickets.MaxAsync(t => t.Number);
        var lastEvent = await check.Events.MaxAsync(e => e.Id);
        var alice = await check.Users.Where(u => u.Email == "alice@example.test").Select(u => u.Id).SingleAsync();
        var category = await check.Categories.Where(c => !c.NeedsSystemDetails && c.IsActive && c.ParentId == null).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var requester = await postgres.Get<CallerDirectory>().ForUserAsync(alice) ?? throw new InvalidOperationException("no Alice");
        var created = await postgres.Get<ITicketCommandHandler<CreateTicket>>().HandleAsync(requester, new CreateTicket(new NewTicketData
        {
            RequesterId = alice, CategoryId = category, Subject = "After the move", Description = "Filed on PostgreSQL.",
        }));
        Assert.True(created.Succeeded, created.Error?.Message + " " + string.Join("; ", created.Error?.Fields.Select(f => f.Key + ": " + string.Join(", ", f.Value)) ?? []));
        Assert.Equal(lastNumber + 1, created.Value!.Number);
        Assert.True(await check.Events.MaxAsync(e => e.Id) > lastEvent);

        // The knowledge base is searchable there (the tsvector column fills itself from the copied rows).
        var admin = await check.Users.Where(u => u.Email == "admin@helpdesk.test").Select(u => u.Id).SingleAsync();
        var staff = await postgres.Get<CallerDirectory>().ForUserAsync(admin) ?? throw new InvalidOperationException("no admin");
        Assert.NotEmpty(await postgres.Get<IArticleSearch>().SearchAsync(staff, new ArticleSearchQuery("password")));
    }

    private static Task<List<string>> Tickets(HelpdeskDbContext db) =>
        db.Tickets.OrderBy(t => t.Number).Select(t => t.Number + " " + t.Subject + " " + t.Status + " v" + t.Version).ToListAsync();

    private static Task<List<string>> Comments(HelpdeskDbContext db) =>
        db.Comments.OrderBy(c => c.Id).Select(c => c.Id + " " + c.TicketId + " " + c.Body).ToListAsync();

    private static Task<List<string>> Audit(HelpdeskDbContext db) =>
        db.Audit.OrderBy(a => a.Id).Select(a => a.Id + " " + a.TicketId + " " + a.Field + " " + a.NewValue).ToListAsync();

    // PostgreSQL keeps microseconds (SQLite text kept 100 ns ticks): times are compared to the microsecond.
    private static async Task<List<string>> Events(HelpdeskDbContext db) =>
        [.. (await db.Events.OrderBy(e => e.Id).ToListAsync()).Select(e => $"{e.Id} {e.Kind} {e.TicketId} {e.At:yyyy-MM-ddTHH:mm:ss.ffffff} {e.Row}")];
}
