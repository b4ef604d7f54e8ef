using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;

namespace Helpdesk.Tests.Core.Tickets.Queries;

/// <summary>
/// Live views decide in memory whether an event's row belongs to them; the database decides when
/// they load. The two must agree, or rows would appear and vanish on reload.
/// </summary>
public sealed class QueueMatcherTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Desk _desk = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _desk = await Desk.CreateAsync(_db);
        var rng = new Random(7);
        Caller[] requesters = [_desk.Alice, _desk.Bob];
        Caller?[] assignees = [null, _desk.Dana, _desk.Sam];
        TicketStatus[] statuses = [TicketStatus.New, TicketStatus.Open, TicketStatus.InProgress, TicketStatus.Pending, TicketStatus.Resolved, TicketStatus.Closed];
        for (var i = 0; i < 40; i++)
        {
            var network = rng.Next(3) == 0;
            var builder = _desk.ATicket().RequestedBy(requesters[rng.Next(2)])
                .InCategory(network ? _desk.Network : _desk.General)
                .About(rng.Next(2) == 0 ? $"Printer jam {i}" : $"VPN drops {i}")
                .WithPriority((Impact)rng.Next(1, 4), (Urgency)rng.Next(1, 4))
                .InStatus(statuses[rng.Next(statuses.Length)]);
            // Only members of the ticket's team can take it: Ines for network tickets, Dana or Sam otherwise.
            var assignee = network ? (rng.Next(2) == 0 ? null : _desk.Ines) : assignees[rng.Next(assignees.Length)];
            await (assignee is null ? builder : builder.AssignedTo(assignee));
        }
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    public static TheoryData<string, QueueView, string?> Views() => new()
    {
        { "Dana", QueueView.Mine, null },
        { "Dana", QueueView.UnassignedInMyTeams, null },
        { "Dana", QueueView.MyTeams, null },
        { "Dana", QueueView.AllOpen, null },
        { "Ines", QueueView.MyTeams, null },
        { "Admin", QueueView.AllOpen, null },
        { "Admin", QueueView.All, null },
        { "Alice", QueueView.MyRequests, null },
        { "Admin", QueueView.All, "printer" },
        { "Dana", QueueView.MyTeams, "HD-1003" },
    };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task TheInMemoryMatcherAgreesWithTheDatabaseFilter(string who, QueueView view, string? search)
    {
        var caller = who switch { "Dana" => _desk.Dana, "Ines" => _desk.Ines, "Alice" => _desk.Alice, _ => _desk.Admin };
        var everything = await _db.Get<TicketQueries>().ListAsync(_desk.Admin, new QueueQuery { View = QueueView.All, Take = 200 });
        QueueQuery[] queries =
        [
            new() { View = view, Search = search },
            new() { View = view, Search = search, Statuses = [TicketStatus.Open, TicketStatus.InProgress] },
            new() { View = view, Search = search, Priorities = [Priority.P2, Priority.P3], Tiers = [Tier.L1] },
            new() { View = view, Search = search, CategoryIds = [_desk.Network], TeamId = _desk.Infrastructure },
        ];
        foreach (var query in queries)
        {
            var fromDatabase = (await _db.Get<TicketQueries>().ListAsync(caller, query with { Take = 200 })).Items.Select(r => r.Number).Order().ToList();
            var inMemory = everything.Items.Where(r => QueueMatcher.Matches(caller, query, r)).Select(r => r.Number).Order().ToList();
            Assert.Equal(fromDatabase, inMemory);
        }
    }

    [Fact]
    public async Task EveryViewReturnsOnlyTicketsTheCallerMaySee()
    {
        // Some views skip the access filter because they imply it; this keeps that true for every kind of caller.
        foreach (var caller in new[] { _desk.Dana, _desk.Ines, _desk.Alice, _desk.Bob, _desk.Admin })
            foreach (var view in Enum.GetValues<QueueView>())
            {
                var page = await _db.Get<TicketQueries>().ListAsync(caller, new QueueQuery { View = view, Take = 200 });
                Assert.All(page.Items, r => Assert.True(TicketAccess.CanSee(caller, r), $"{caller.DisplayName} got HD-{r.Number} in {view}"));
                var snapshot = await _db.Get<TicketQueries>().SnapshotAsync(caller, new QueueQuery { View = view, Take = 200 });
                Assert.Equal(page.Total, snapshot.Page.Total);
                Assert.Equal(page.Total, snapshot.Counts.ByStatus.Values.Sum());
            }
    }

    [Fact]
    public async Task SortingInMemoryMatchesTheDatabaseOrder()
    {
        foreach (var sort in Enum.GetValues<QueueSort>())
        {
            var query = new QueueQuery { View = QueueView.All, Sort = sort, Take = 200 };
            var fromDatabase = (await _db.Get<TicketQueries>().ListAsync(_desk.Admin, query)).Items;
            var shuffled = fromDatabase.OrderBy(_ => Guid.NewGuid());
            Assert.Equal(fromDatabase.Select(r => r.Id), QueueMatcher.Sort(shuffled, sort).Select(r => r.Id));
        }
    }
}
