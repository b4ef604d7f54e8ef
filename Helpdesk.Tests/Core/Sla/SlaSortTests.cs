using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Core.Sla;

/// <summary>"Sort by SLA due": the database, the in-memory twin and the API's cursor pages agree.</summary>
public sealed class SlaSortTests : SlaTest
{
    [Fact]
    public async Task TicketsDueSoonestComeFirstThenThoseWithoutATargetInEveryReader()
    {
        await PolicyAsync(Priority.P4, response: 60, resolution: 600);
        await PolicyAsync(Priority.P3, response: 30, resolution: 600);
        for (var i = 0; i < 3; i++)
        {
            await FileAsync();                                               // P4: due in an hour
            await FileAsync(impact: Impact.Individual, urgency: Urgency.BlocksWork); // P3: due in half an hour
            await FileAsync(impact: Impact.Individual, urgency: Urgency.CanWait);    // P5: no policy
            Clock.Advance(TimeSpan.FromMinutes(7));
        }
        var query = new QueueQuery { View = QueueView.All, Sort = QueueSort.SlaDueAsc, Take = 200 };
        var fromDatabase = (await Db.Get<TicketQueries>().ListAsync(Desk.Admin, query)).Items;

        Assert.Equal(9, fromDatabase.Count);
        Assert.Equal(fromDatabase.Where(r => r.SlaDueAt is not null).OrderBy(r => r.SlaDueAt).Select(r => r.SlaDueAt), fromDatabase.Take(6).Select(r => r.SlaDueAt));
        Assert.All(fromDatabase.Skip(6), r => Assert.Null(r.SlaDueAt));
        Assert.Equal(fromDatabase.Select(r => r.Id), QueueMatcher.Sort(fromDatabase.OrderBy(_ => Guid.NewGuid()), QueueSort.SlaDueAsc).Select(r => r.Id));

        List<TicketRow> paged = [];
        TicketCursor? after = null;
        do
        {
            var page = await Db.Get<TicketFeed>().PageAsync(Desk.Admin, query with { Take = 2 }, after);
            paged.AddRange(page.Items);
            after = page.Next;
        } while (after is not null);
        Assert.Equal(fromDatabase.Select(r => r.Id), paged.Select(r => r.Id));
    }
}
