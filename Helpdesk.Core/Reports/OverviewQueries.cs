using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Reports;

/// <summary>
/// The live overview: a handful of GROUP BYs, each on an index (open tickets on the partial
/// IX_Tickets_Open_Report and IX_Tickets_Open_Assignee, today on CreatedAt/ResolvedAt, the backlog
/// on IX_Audit_Field_At), read in one snapshot transaction with the event sequence it includes.
/// </summary>
public sealed class OverviewQueries(IDbContextFactory<HelpdeskDbContext> dbs, ReportClock clock)
{
    public const int BacklogDays = 30;
    public const int MedianDays = 7;

    private static readonly string ClosedStatuses = string.Join(", ",
        Enum.GetValues<TicketStatus>().Where(s => !s.IsOpen()).Select(s => $"'{s}'"));

    public async Task<LiveOverview?> LoadAsync(Caller caller, CancellationToken ct = default)
    {
        if (!ReportAccess.CanRead(caller)) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var c = db.Database.GetDbConnection();
        await using var tx = await c.BeginTransactionAsync(ct);
        db.Database.UseTransaction(tx);
        var asOf = await db.Events.MaxAsync(e => (long?)e.Id, ct) ?? 0;

        var now = clock.UtcNow;
        var today = clock.Today;
        var dayStart = clock.StartOf(today);
        var weekStart = clock.StartOf(ReportClock.WeekOf(today));
        var backlogStart = clock.StartOf(today.AddDays(-(BacklogDays - 1)));
        var q = new ReportSql(DatabaseProvider.IsPostgres(db));
        var pDay = q.Param(dayStart);
        var pWeek = q.Param(weekStart);
        var pBacklog = q.Param(backlogStart);
        var pMedian = q.Param(now.AddDays(-MedianDays));

        var open = await q.ListAsync(c, """
            SELECT t."Status", t."Priority", t."TeamId", t."Tier", COUNT(*) FROM "Tickets" t WHERE t."IsOpen" GROUP BY 1, 2, 3, 4
            """, r => (Status: (TicketStatus)ReportSql.Int(r, 0), Priority: (Priority)ReportSql.Int(r, 1), Team: ReportSql.Int(r, 2), Tier: (Tier)ReportSql.Int(r, 3), Count: ReportSql.Int(r, 4)), ct);
        var load = await q.ListAsync(c, """
            SELECT t."AssigneeId", COUNT(*) FROM "Tickets" t WHERE t."IsOpen" GROUP BY 1
            """, r => (Agent: ReportSql.NullableInt(r, 0), Count: ReportSql.Int(r, 1)), ct);
        var createdToday = await q.OneAsync(c, $"""SELECT COUNT(*) FROM "Tickets" t WHERE t."CreatedAt" >= {pDay}""", r => ReportSql.Int(r, 0), ct);
        var resolvedToday = await q.OneAsync(c, $"""SELECT COUNT(*) FROM "Tickets" t WHERE t."ResolvedAt" >= {pDay}""", r => ReportSql.Int(r, 0), ct);

        async Task<SlaPeriod> SlaSince(string from) => await q.OneAsync(c, $"""
            SELECT {ReportSql.Count($"t.\"SlaState\" = {(int)SlaState.Met}")}, {ReportSql.Count($"t.\"SlaState\" = {(int)SlaState.Breached}")},
              (SELECT COUNT(*) FROM "SlaBreaches" b WHERE b."BreachedAt" >= {from})
            FROM "Tickets" t WHERE t."ResolvedAt" >= {from}
            """, r => new SlaPeriod(ReportSql.Int(r, 0), ReportSql.Int(r, 1), ReportSql.Int(r, 2)), ct);
        var slaToday = await SlaSince(pDay);
        var slaWeek = await SlaSince(pWeek);

        async Task<double?> Median(string seconds, string measured) => await q.OneAsync(c, $"""
            WITH d AS (SELECT {seconds} AS s FROM "Tickets" t WHERE t."CreatedAt" >= {pMedian} AND {measured}),
                 r AS (SELECT s, ROW_NUMBER() OVER (ORDER BY s) AS rn, COUNT(*) OVER () AS n FROM d)
            SELECT MAX(CASE WHEN rn = (n * 50 + 99) / 100 THEN s END) FROM r
            """, r => ReportSql.NullableDouble(r, 0) is { } x ? Math.Round(Math.Max(0, x) / 3600.0, 2) : (double?)null, ct);
        var medianResponse = await Median(q.FirstResponseSeconds, "t.\"FirstRespondedAt\" IS NOT NULL");
        var medianResolution = await Median(q.ResolutionSeconds, "t.\"ResolvedAt\" IS NOT NULL");

        var created = await q.ListAsync(c, $"""
            SELECT {q.Hour("t.\"CreatedAt\"")}, COUNT(*) FROM "Tickets" t WHERE t."CreatedAt" >= {pBacklog} GROUP BY 1
            """, r => (Hour: ReportSql.ParseHour(r.GetString(0)), Count: ReportSql.Int(r, 1)), ct);
        // Status changes that moved a ticket into or out of the open set, per hour.
        var moves = await q.ListAsync(c, $"""
            SELECT {q.Hour("a.\"At\"")}, {ReportSql.Count($"a.\"OldValue\" NOT IN ({ClosedStatuses}) AND a.\"NewValue\" IN ({ClosedStatuses})")},
              {ReportSql.Count($"a.\"OldValue\" IN ({ClosedStatuses}) AND a.\"NewValue\" NOT IN ({ClosedStatuses})")}
            FROM "Audit" a WHERE a."Field" = 'Status' AND a."At" >= {pBacklog} GROUP BY 1
            """, r => (Hour: ReportSql.ParseHour(r.GetString(0)), Closed: ReportSql.Int(r, 1), Reopened: ReportSql.Int(r, 2)), ct);

        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var agentIds = load.Where(l => l.Agent is not null).Select(l => l.Agent!.Value).ToList();
        var agents = await db.Users.AsNoTracking().Where(u => agentIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        await tx.CommitAsync(ct);

        var openNow = open.Sum(o => o.Count);
        return new LiveOverview(asOf,
            [.. open.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => new CountRow(g.Key.ToString(), g.Sum(o => o.Count)))],
            [.. open.GroupBy(o => o.Priority).OrderBy(g => g.Key).Select(g => new CountRow(g.Key.ToString(), g.Sum(o => o.Count)))],
            [.. open.GroupBy(o => o.Team).Select(g => new CountRow(teams.GetValueOrDefault(g.Key, $"#{g.Key}"), g.Sum(o => o.Count)))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal)],
            [.. open.GroupBy(o => o.Tier).OrderBy(g => g.Key).Select(g => new CountRow(g.Key.ToString(), g.Sum(o => o.Count)))],
            createdToday, resolvedToday,
            Backlog(today, openNow, created, moves),
            slaToday, slaWeek, medianResponse, medianResolution,
            [.. load.Select(l => new CountRow(l.Agent is { } id ? agents.GetValueOrDefault(id, $"#{id}") : Unassigned, l.Count))
                .OrderByDescending(r => r.Count).ThenBy(r => r.Key, StringComparer.Ordinal)]);
    }

    /// <summary>The label of open tickets nobody is assigned.</summary>
    public const string Unassigned = "(unassigned)";

    /// <summary>
    /// Open tickets at the end of each of the last days (today: now), walked back from the open count
    /// now: a ticket created after a day's end was not there yet; one closed after it was still open; one reopened after it was closed.
    /// </summary>
    private List<BacklogRow> Backlog(DateOnly today, int openNow, List<(DateTime Hour, int Count)> created, List<(DateTime Hour, int Closed, int Reopened)> moves)
    {
        var delta = new Dictionary<DateOnly, int>();
        foreach (var (hour, count) in created) Add(hour, count);
        foreach (var (hour, closed, reopened) in moves) Add(hour, reopened - closed);
        void Add(DateTime hour, int d)
        {
            var day = ReportClock.DayOf(hour, clock.Zone);
            delta[day] = delta.GetValueOrDefault(day) + d;
        }
        var rows = new List<BacklogRow>();
        var open = openNow;
        for (var day = today; day > today.AddDays(-BacklogDays); day = day.AddDays(-1))
        {
            rows.Add(new BacklogRow(day, open));
            open -= delta.GetValueOrDefault(day);
        }
        rows.Reverse();
        return rows;
    }
}
