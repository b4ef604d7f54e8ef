using System.Text.RegularExpressions;
using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Tickets.Queries;

/// <summary>The working queues must read the partial open-ticket indexes, not scan every ticket ever filed.</summary>
// Fills a SQLite file directly and reads EXPLAIN QUERY PLAN: not part of the PostgreSQL pass (scripts/test.sh).
[Trait("Database", "SqliteOnly")]
public sealed partial class QueuePlanTests(QueuePlanTests.ManyTickets fixture) : IClassFixture<QueuePlanTests.ManyTickets>
{
    public static TheoryData<string, QueueView> Queues => new()
    {
        { "admin", QueueView.AllOpen },
        { "agent", QueueView.AllOpen },
        { "agent", QueueView.MyTeams },
        { "agent", QueueView.Mine },
        { "admin", QueueView.MyTeams },
        { "admin", QueueView.Mine },
    };

    [Theory]
    [MemberData(nameof(Queues))]
    public async Task AWorkingQueueReadsAPartialOpenTicketIndex(string who, QueueView view)
    {
        var caller = who == "admin" ? fixture.Desk.Admin : fixture.Desk.Dana;

        var plan = await PlanAsync(caller, new QueueQuery { View = view, Sort = QueueSort.UpdatedDesc });

        var ticketSteps = plan.Where(step => TicketsStep().IsMatch(step)).ToList();
        Assert.NotEmpty(ticketSteps);
        Assert.All(ticketSteps, step => Assert.Contains("IX_Tickets_Open_", step));
    }

    [Fact]
    public async Task TheQueueStillReturnsTheRightTickets()
    {
        var page = await fixture.Db.Get<TicketQueries>().ListAsync(fixture.Desk.Dana, new QueueQuery { View = QueueView.Mine, Take = 200 });

        Assert.Equal(fixture.OpenAssignedToDana, page.Total);
        Assert.All(page.Items, r => Assert.Equal((true, (int?)fixture.Desk.Dana.UserId), (r.IsOpen, r.AssigneeId)));
        Assert.Equal(page.Items.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id), page.Items);
    }

    /// <summary>EXPLAIN QUERY PLAN of the queue's own SQL, with the parameters EF declared bound as they would be.</summary>
    private async Task<List<string>> PlanAsync(Caller caller, QueueQuery query)
    {
        await using var db = fixture.Db.CreateDbContext();
        var text = fixture.Db.Get<TicketQueries>().ToSql(db, caller, query);
        var lines = text.Split('\n');
        await using var connection = new SqliteConnection(fixture.Db.ConnectionString);
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

    /// <summary>A step reading the Tickets table (EF aliases it "t"; the other tables are t0, a, a0, c).</summary>
    [GeneratedRegex(@"^(SCAN|SEARCH) t\b")]
    private static partial Regex TicketsStep();

    /// <summary>Four hundred tickets, most of them closed as in a desk that has run for a while, then ANALYZE.</summary>
    public sealed class ManyTickets : DeskFixture
    {
        public int OpenAssignedToDana { get; private set; }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using var db = Db.CreateDbContext();
            var start = new DateTime(2025, 1, 1, 8, 0, 0, DateTimeKind.Utc);
            var agents = new int?[] { Desk.Dana.UserId, Desk.Sam.UserId, null };
            for (var i = 0; i < 400; i++)
            {
                var at = start.AddHours(7 * i);
                var infra = i % 4 == 0;
                var ticket = Ticket.Create(TicketNumber.First + i, new NewTicketData
                {
                    RequesterId = i % 2 == 0 ? Desk.Alice.UserId : Desk.Bob.UserId, CategoryId = infra ? Desk.Network : Desk.General,
                    Subject = $"Request {i}", Description = "Something is broken.", Impact = (Impact)(i % 3 + 1), Urgency = (Urgency)(i % 3 + 1),
                }, infra ? Desk.Infrastructure : Desk.ServiceDesk, Tier.L1, at);
                ticket.Assign(infra ? Desk.Ines.UserId : agents[i % 3], at.AddMinutes(5));
                if (i % 10 < 7)
                {
                    ticket.ChangeStatus(TicketStatus.Open, at.AddMinutes(10));
                    ticket.ChangeStatus(TicketStatus.Resolved, at.AddHours(1), resolution: "Fixed.");
                    ticket.ChangeStatus(TicketStatus.Closed, at.AddHours(2));
                }
                else if (!infra && agents[i % 3] == Desk.Dana.UserId) OpenAssignedToDana++;
                db.Tickets.Add(ticket);
            }
            await db.SaveChangesAsync();
            await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        }
    }
}
