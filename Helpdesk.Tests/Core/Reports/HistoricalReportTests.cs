using Helpdesk.Core.Reports;
using Helpdesk.Core.Tickets;
using static Helpdesk.Tests.Core.Reports.ReportsDesk;

namespace Helpdesk.Tests.Core.Reports;

/// <summary>Every figure of the historical reports over <see cref="ReportsDesk"/>, worked out by hand.</summary>
public sealed class HistoricalReportTests(ReportsDesk desk) : IClassFixture<ReportsDesk>
{
    private ReportQueries Reports => desk.Db.Get<ReportQueries>();
    private static readonly ReportFilter Week = new() { From = new(2026, 3, 2), To = new(2026, 3, 9) };

    [Fact]
    public async Task VolumeCountsTicketsPerDayByChannelAndByCategory()
    {
        var byChannel = await Reports.VolumeAsync(desk.Lead, Week, byCategory: false);
        Assert.Equal(
        [
            new VolumeRow(new(2026, 3, 2), "Email", 1), new VolumeRow(new(2026, 3, 2), "Web", 1),
            new VolumeRow(new(2026, 3, 6), "Phone", 1), new VolumeRow(new(2026, 3, 9), "Web", 1),
        ], byChannel);
        var byCategory = await Reports.VolumeAsync(desk.Lead, Week, byCategory: true);
        Assert.Equal(
        [
            new VolumeRow(new(2026, 3, 2), "General", 1), new VolumeRow(new(2026, 3, 2), "Network", 1),
            new VolumeRow(new(2026, 3, 6), "Laptop", 1), new VolumeRow(new(2026, 3, 9), "General", 1),
        ], byCategory);
    }

    [Fact]
    public async Task VolumeGroupsByMondayWeeksAndMonths()
    {
        var weeks = await Reports.VolumeAsync(desk.Lead, Week with { Grouping = ReportGrouping.Week }, byCategory: false);
        Assert.Equal(
        [
            new VolumeRow(new(2026, 3, 2), "Email", 1), new VolumeRow(new(2026, 3, 2), "Phone", 1), new VolumeRow(new(2026, 3, 2), "Web", 1),
            new VolumeRow(new(2026, 3, 9), "Web", 1),
        ], weeks);
        var months = await Reports.VolumeAsync(desk.Lead, Week with { Grouping = ReportGrouping.Month }, byCategory: false);
        Assert.Equal([new VolumeRow(new(2026, 3, 1), "Web", 2), new VolumeRow(new(2026, 3, 1), "Email", 1), new VolumeRow(new(2026, 3, 1), "Phone", 1)], months);
    }

    [Fact]
    public async Task FiltersNarrowEveryReport()
    {
        Assert.Equal([new VolumeRow(new(2026, 3, 2), "Web", 1), new VolumeRow(new(2026, 3, 9), "Web", 1)],
            await Reports.VolumeAsync(desk.Lead, Week with { Channel = Channel.Web }, false));
        Assert.Equal([new VolumeRow(new(2026, 3, 2), "Email", 1)],
            await Reports.VolumeAsync(desk.Lead, Week with { TeamId = desk.Desk.Infrastructure, To = new(2026, 3, 5) }, false));
        Assert.Equal([new VolumeRow(new(2026, 3, 6), "Phone", 1)],
            await Reports.VolumeAsync(desk.Lead, Week with { CategoryId = desk.Desk.Laptop }, false));
        Assert.Equal([new VolumeRow(new(2026, 3, 2), "Email", 1), new VolumeRow(new(2026, 3, 9), "Web", 1)],
            await Reports.VolumeAsync(desk.Lead, Week with { Department = "Finance", RequesterId = desk.Desk.Bob.UserId }, false));
        Assert.Empty((await Reports.VolumeAsync(desk.Lead, Week with { Department = "Legal" }, false))!);
    }

    [Fact]
    public async Task TimesAreMedianAndP90ByNearestRankPerPriority()
    {
        var rows = await Reports.TimesAsync(desk.Lead, Week);
        Assert.Equal(
        [
            // T2: replied after 1 h; resolved after 29 h of which 24 h pending on the requester.
            new TimeRow("P2", 1, 1.0, 1.0, 1, 5.0, 5.0),
            // T3: replied on Monday to a Friday-evening call: 64 h, weekend included.
            new TimeRow("P3", 1, 64.0, 64.0, 0, null, null),
            // T1: replied after 30 min; resolved after 31 h of which 28 h stood resolved before the reopen. T4 not replied yet.
            new TimeRow("P4", 1, 0.5, 0.5, 1, 3.0, 3.0),
            // First responses 0.5, 1, 64: median = 2nd of 3, p90 = 3rd. Resolutions 3, 5: median = 1st of 2, p90 = 2nd.
            new TimeRow("All", 3, 1.0, 64.0, 2, 3.0, 5.0),
        ], rows);
    }

    [Fact]
    public async Task SlaComplianceCountsRecordedBreachesAndPendingDoesNotCount()
    {
        var rows = await Reports.SlaAsync(desk.Lead, Week);
        Assert.Equal(
        [
            new SlaRow("P2", 1, 0, 0, 0, 100.0),   // T2: 5 h of 6 h thanks to the pause
            new SlaRow("P4", 2, 1, 1, 0, 50.0),    // T1 met; T4 missed its first response
            new SlaRow("All", 3, 1, 1, 0, 66.7),
        ], rows);
    }

    [Fact]
    public async Task ReopenEscalationAndL1RatesComeFromTheAuditTrail()
    {
        var rows = await Reports.RatesAsync(desk.Lead, Week);
        Assert.Equal(
        [
            new RateRow("Reopened", 1, 2, 50.0),           // T1 of T1, T2
            new RateRow("Escalated from L1", 1, 3, 33.3),  // T3 of T1, T3, T4
            new RateRow("Escalated from L2", 0, 2, 0.0),   // T2 (created at L2) and T3 (escalated to L2) stayed
            new RateRow("Resolved at L1", 1, 2, 50.0),     // T1 of T1, T2
        ], rows);
    }

    [Fact]
    public async Task RecurringProblemsCompareWithThePeriodBefore()
    {
        // 6-9 March against 2-5 March.
        var range = new ReportFilter { From = new(2026, 3, 6), To = new(2026, 3, 9) };
        Assert.Equal([new RecurringRow("Category", "General", 1, 1, 0.0), new RecurringRow("Category", "Laptop", 1, 0, null)],
            await Reports.RecurringAsync(desk.Lead, range, RecurringDimension.Category));
        Assert.Equal([new RecurringRow("Subject", "vpn drops after # min", 2, 0, null)],
            await Reports.RecurringAsync(desk.Lead, range, RecurringDimension.Subject));
        Assert.Equal([new RecurringRow("Requester", "Alice Martin", 1, 1, 0.0), new RecurringRow("Requester", "Bruno Costa", 1, 1, 0.0)],
            await Reports.RecurringAsync(desk.Lead, range, RecurringDimension.Requester));
        Assert.Equal([new RecurringRow("Department", "Finance", 2, 2, 0.0)],
            await Reports.RecurringAsync(desk.Lead, range, RecurringDimension.Department));
        Assert.Equal([new RecurringRow("Asset", "PC-1234", 1, 0, null)],
            await Reports.RecurringAsync(desk.Lead, range, RecurringDimension.Asset));
        Assert.Empty((await Reports.RecurringAsync(desk.Lead, range, RecurringDimension.Application))!);
        // Growth: the week of 9 March against the week before has 1 General ticket (T4) against 1 (T1)... and over a single day:
        var monday = new ReportFilter { From = new(2026, 3, 9), To = new(2026, 3, 9) };
        Assert.Equal([new RecurringRow("Department", "Finance", 1, 0, null)], await Reports.RecurringAsync(desk.Lead, monday, RecurringDimension.Department));
    }

    [Fact]
    public async Task ARequestersHistoryListsEveryTicketWithTotals()
    {
        var alice = await Reports.HistoryAsync(desk.Lead, Week with { RequesterId = desk.Desk.Alice.UserId });
        Assert.NotNull(alice);
        Assert.Equal([TicketNumber.Format(desk.T3), TicketNumber.Format(desk.T1)], alice.Rows.Select(r => r.Number));
        var t3 = alice.Rows[0];
        Assert.Equal(("Laptop", "Phone", "Infrastructure", 64.0, (double?)null, false), (t3.Category, t3.Channel, t3.Team, t3.FirstResponseHours, t3.ResolutionHours, t3.SlaBreached));
        Assert.Equal(Utc(3, 6, 17), t3.CreatedAtUtc);
        Assert.Equal((0.5, (double?)3.0), (alice.Rows[1].FirstResponseHours, alice.Rows[1].ResolutionHours));
        Assert.Equal(new HistoryTotals(2, 1, 1, 0, 3.0), alice.Totals);
        Assert.False(alice.Capped);

        var finance = await Reports.HistoryAsync(desk.Lead, Week with { Department = "Finance" });
        Assert.Equal(new HistoryTotals(4, 2, 2, 1, 3.0), finance!.Totals);
        Assert.True(finance.Rows.Single(r => r.Number == TicketNumber.Format(desk.T4)).SlaBreached);
    }

    [Fact]
    public async Task AgentsAndRequestersGetNoReport()
    {
        foreach (var caller in new[] { desk.Desk.Dana, desk.Desk.Alice })
        {
            Assert.Null(await Reports.VolumeAsync(caller, Week, false));
            Assert.Null(await Reports.TimesAsync(caller, Week));
            Assert.Null(await Reports.SlaAsync(caller, Week));
            Assert.Null(await Reports.RatesAsync(caller, Week));
            Assert.Null(await Reports.RecurringAsync(caller, Week, RecurringDimension.Requester));
            Assert.Null(await Reports.HistoryAsync(caller, Week with { RequesterId = desk.Desk.Alice.UserId }));
            Assert.Null(await desk.Db.Get<OverviewQueries>().LoadAsync(caller));
        }
        Assert.NotNull(await Reports.TimesAsync(desk.Desk.Admin, Week));
    }
}
