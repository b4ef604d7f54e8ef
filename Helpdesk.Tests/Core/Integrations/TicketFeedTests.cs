using System.Text.RegularExpressions;
using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Core.Tickets.Queries;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Tests.Core.Integrations;

/// <summary>The API's cursor paging (<see cref="TicketFeed"/>): every row once, in the queue's order, and seeks in the partial indexes.</summary>
// Fills a SQLite file directly and reads EXPLAIN QUERY PLAN: not part of the PostgreSQL pass (scripts/test.sh).
[Trait("Database", "SqliteOnly")]
public sealed partial class TicketFeedTests(QueuePlanTests.ManyTickets many) : IClassFixture<QueuePlanTests.ManyTickets>
{
    public static TheoryData<QueueSort> Sorts => [.. Enum.GetValues<QueueSort>()];

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task PagesVisitEveryTicketOnceInTheQueuesOrderEvenWhenTimestampsTie(QueueSort sort)
    {
        await using var desk = await IntegrationDesk.CreateAsync();
        // Tickets filed in the same instant tie on every timestamp: only the id tells them apart.
        for (var i = 0; i < 9; i++) await desk.Desk.ATicket().About($"Same instant {i}").WithPriority((Impact)(i % 3 + 1), Urgency.Soon);
        desk.Clock.Advance(TimeSpan.FromMinutes(1));
        for (var i = 0; i < 4; i++) await desk.Desk.ATicket().About($"A minute later {i}");
        var query = new QueueQuery { View = QueueView.All, Sort = sort, Take = 4 };
        var expected = (await desk.Db.Get<TicketQueries>().ListAsync(desk.Desk.Admin, query with { Take = 200 })).Items;

        List<TicketRow> seen = [];
        TicketCursor? after = null;
        do
        {
            var page = await desk.Db.Get<TicketFeed>().PageAsync(desk.Desk.Admin, query, after);
            Assert.InRange(page.Items.Count, 1, 4);
            seen.AddRange(page.Items);
            after = page.Next is null ? null : TicketCursor.TryDecode(page.Next.Encode(), out var decoded) ? decoded : throw new InvalidOperationException();
        } while (after is not null);

        Assert.Equal(13, seen.Count);
        Assert.Equal(expected.Select(r => r.Id).Order(), seen.Select(r => r.Id).Order());
        Assert.Equal(QueueMatcher.Sort(seen, sort).ThenByDescending(r => r.Id).Select(r => r.Id), seen.Select(r => r.Id));
    }

    [Fact]
    public async Task ARequesterPagesOnlyThroughTheirOwnTickets()
    {
        var query = new QueueQuery { View = QueueView.All, Take = 150 };
        var feed = many.Db.Get<TicketFeed>();

        var page = await feed.PageAsync(many.Desk.Bob, query, null);
        var rest = await feed.PageAsync(many.Desk.Bob, query, page.Next);

        Assert.Equal((150, 50), (page.Items.Count, rest.Items.Count));
        Assert.All(page.Items.Concat(rest.Items), r => Assert.Equal(many.Desk.Bob.UserId, r.RequesterId));
        Assert.Null(rest.Next);
    }

    [Fact]
    public void ACursorIsOpaqueRoundTripsAndRefusesGarbage()
    {
        var cursor = new TicketCursor(QueueSort.UpdatedDesc, new DateTime(2026, 3, 2, 9, 0, 0, 123, DateTimeKind.Utc).Ticks + 4567, 42, 0);

        Assert.True(TicketCursor.TryDecode(cursor.Encode(), out var back));
        Assert.Equal(cursor, back);
        Assert.Matches("^[A-Za-z0-9_-]+$", cursor.Encode());
        foreach (var garbage in new[] { "", "abc", "!!!", Convert.ToBase64String("2.0.1.2.3"u8.ToArray()), Convert.ToBase64String("1.99.1.2.3"u8.ToArray()), new string('A', 500) })
            Assert.False(TicketCursor.TryDecode(garbage, out _), garbage);
    }

    public static TheoryData<string, QueueView, QueueSort> Queues => new()
    {
        { "admin", QueueView.AllOpen, QueueSort.UpdatedDesc },
        { "admin", QueueView.AllOpen, QueueSort.UpdatedAsc },
        { "agent", QueueView.MyTeams, QueueSort.UpdatedDesc },
        { "agent", QueueView.Mine, QueueSort.UpdatedDesc },
    };

    [Theory]
    [MemberData(nameof(Queues))]
    public async Task TheNextPageOfAWorkingQueueSeeksInAPartialOpenTicketIndex(string who, QueueView view, QueueSort sort)
    {
        var caller = who == "admin" ? many.Desk.Admin : many.Desk.Dana;
        var query = new QueueQuery { View = view, Sort = sort, Take = 20 };
        var first = await many.Db.Get<TicketFeed>().PageAsync(caller, query, null);

        var plan = await PlanAsync(caller, query, first.Next);

        var ticketSteps = plan.Where(step => TicketsStep().IsMatch(step)).ToList();
        Assert.NotEmpty(ticketSteps);
        Assert.All(ticketSteps, step => Assert.Contains("IX_Tickets_Open_", step));
    }

    private async Task<List<string>> PlanAsync(Caller caller, QueueQuery query, TicketCursor? after)
    {
        await using var db = many.Db.CreateDbContext();
        var lines = many.Db.Get<TicketFeed>().ToSql(db, caller, query, after).Split('\n');
        await using var connection = new SqliteConnection(many.Db.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        foreach (var param in lines.Select(l => ParamLine().Match(l)).Where(m => m.Success))
        {
            var value = param.Groups["value"].Value.Trim();
            command.Parameters.AddWithValue(param.Groups["name"].Value,
                value.StartsWith('\'') ? value.Trim('\'').Replace("''", "'") : long.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        }
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        return plan;
    }

    [GeneratedRegex(@"^\.param set (?<name>@\w+) (?<value>.+)$")]
    private static partial Regex ParamLine();

    [GeneratedRegex(@"^(SCAN|SEARCH) t\b")]
    private static partial Regex TicketsStep();
}
