using Helpdesk.Core.Reports;

namespace Helpdesk.Tests.Core.Reports;

/// <summary>The live overview over <see cref="ReportsDesk"/> on Monday 9 March, 12:00.</summary>
public sealed class LiveOverviewTests(ReportsDesk desk) : IClassFixture<ReportsDesk>
{
    [Fact]
    public async Task OverviewCountsOpenTicketsTodayTheBacklogAndSla()
    {
        var o = await desk.Db.Get<OverviewQueries>().LoadAsync(desk.Lead);
        Assert.NotNull(o);
        Assert.Equal(2, o.Open);   // T3 and T4
        Assert.Equal([new CountRow("P3", 1), new CountRow("P4", 1)], o.OpenByPriority);
        Assert.Equal([new CountRow("L1", 1), new CountRow("L2", 1)], o.OpenByTier);
        Assert.Equal([new CountRow("Infrastructure", 1), new CountRow("Service desk", 1)], o.OpenByTeam);
        Assert.Equal(2, o.OpenByStatus.Sum(r => r.Count));
        Assert.Equal(2, o.LoadPerAgent.Sum(r => r.Count));
        Assert.Equal((1, 0), (o.CreatedToday, o.ResolvedToday));
        // Nothing resolved today or this week (weeks start on Monday); T4's breach was recorded today.
        Assert.Equal(new SlaPeriod(0, 0, 1), o.SlaToday);
        Assert.Equal(new SlaPeriod(0, 0, 1), o.SlaThisWeek);
        // Created in the last 7 days (since Mon 2 March 12:00): T3 replied after 64 h; T4 not yet; none resolved.
        Assert.Equal(64.0, o.MedianFirstResponseHours);
        Assert.Null(o.MedianResolutionHours);

        // End of each day: Mon 2 T2 pending (1), Tue 3 both resolved (0), Fri 6 T3 (1) until Mon 9 with T4 (2).
        Assert.Equal(OverviewQueries.BacklogDays, o.Backlog.Count);
        Assert.Equal(new DateOnly(2026, 3, 9), o.Backlog[^1].Day);
        var tail = o.Backlog.TakeLast(9).Select(b => (b.Day.Day, b.Open));
        Assert.Equal([(1, 0), (2, 1), (3, 0), (4, 0), (5, 0), (6, 1), (7, 1), (8, 1), (9, 2)], tail);
        Assert.All(o.Backlog.SkipLast(9), b => Assert.Equal(0, b.Open));
    }

    [Fact]
    public async Task ComplianceIsTheShareOfResolvedTicketsThatMetTheirTargets()
    {
        Assert.Equal(75.0, new SlaPeriod(3, 1, 0).CompliancePercent);
        Assert.Null(new SlaPeriod(0, 0, 2).CompliancePercent);
        await Task.CompletedTask;
    }
}
