using System.Data.Common;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Reports;

/// <summary>
/// The historical reports. Each is about the tickets created in the filter's range (local days)
/// that match its filters, is computed by GROUP BY in SQL, and answers null to anyone but leads and admins.
/// </summary>
public sealed partial class ReportQueries(IDbContextFactory<HelpdeskDbContext> dbs, ReportClock clock)
{
    public const int TopN = 10;
    public const int HistoryCap = 1000;
    public const string All = "All";

    public TimeZoneInfo Zone => clock.Zone;

    /// <summary>Tickets created per period, by channel and by category.</summary>
    public async Task<IReadOnlyList<VolumeRow>?> VolumeAsync(Caller caller, ReportFilter filter, bool byCategory, CancellationToken ct = default)
    {
        if (!ReportAccess.CanRead(caller)) return null;
        await using var s = await OpenAsync(filter, ct);
        var key = byCategory ? "t.\"CategoryId\"" : "t.\"Channel\"";
        // The database folds tickets into UTC hours; hours fold into local days, weeks or months here (at most 24 per day and key).
        var hours = await s.Sql.ListAsync(s.Connection, $"""
            SELECT {s.Sql.Hour("t.\"CreatedAt\"")}, {key}, COUNT(*) FROM "Tickets" t WHERE {s.Sql.Where} GROUP BY 1, 2
            """, r => (Hour: ReportSql.ParseHour(r.GetString(0)), Key: ReportSql.Int(r, 1), Count: ReportSql.Int(r, 2)), ct);
        string Name(int k) => byCategory ? s.CategoryName(k) : ((Channel)k).ToString();
        return [.. hours
            .GroupBy(h => (Period: ReportClock.PeriodOf(ReportClock.DayOf(h.Hour, clock.Zone), s.Filter.Grouping), Key: Name(h.Key)))
            .Select(g => new VolumeRow(g.Key.Period, g.Key.Key, g.Sum(h => h.Count)))
            .OrderBy(r => r.Period).ThenByDescending(r => r.Tickets).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

    /// <summary>First response and resolution: median and p90 per priority, ranked in SQL by window functions.</summary>
    public async Task<IReadOnlyList<TimeRow>?> TimesAsync(Caller caller, ReportFilter filter, CancellationToken ct = default)
    {
        if (!ReportAccess.CanRead(caller)) return null;
        await using var s = await OpenAsync(filter, ct);
        var (response, resolution) = await BothPercentilesAsync(s.Connection, s.Sql, ct);
        TimeRow Row(string name, Percentiles? a, Percentiles? b) =>
            new(name, a?.Count ?? 0, a?.MedianHours, a?.P90Hours, b?.Count ?? 0, b?.MedianHours, b?.P90Hours);
        var rows = Enum.GetValues<Priority>()
            .Where(p => response.ContainsKey((int)p) || resolution.ContainsKey((int)p))
            .Select(p => Row(p.ToString(), response.GetValueOrDefault((int)p), resolution.GetValueOrDefault((int)p)))
            .ToList();
        rows.Add(Row(All, response.GetValueOrDefault(0), resolution.GetValueOrDefault(0)));
        return rows;
    }

    /// <summary>Tickets with targets and those that missed one (from the recorded breaches), per priority.</summary>
    public async Task<IReadOnlyList<SlaRow>?> SlaAsync(Caller caller, ReportFilter filter, CancellationToken ct = default)
    {
        if (!ReportAccess.CanRead(caller)) return null;
        await using var s = await OpenAsync(filter, ct);
        var rows = await s.Sql.ListAsync(s.Connection, $"""
            SELECT t."Priority", COUNT(*),
              {ReportSql.Count("EXISTS (SELECT 1 FROM \"SlaBreaches\" b WHERE b.\"TicketId\" = t.\"Id\")")},
              {ReportSql.Count("EXISTS (SELECT 1 FROM \"SlaBreaches\" b WHERE b.\"TicketId\" = t.\"Id\" AND b.\"Target\" = 0)")},
              {ReportSql.Count("EXISTS (SELECT 1 FROM \"SlaBreaches\" b WHERE b.\"TicketId\" = t.\"Id\" AND b.\"Target\" = 1)")}
            FROM "Tickets" t WHERE {s.Sql.Where} AND (t."FirstResponseDueAt" IS NOT NULL OR t."ResolutionDueAt" IS NOT NULL
              OR EXISTS (SELECT 1 FROM "SlaBreaches" b WHERE b."TicketId" = t."Id"))
            GROUP BY t."Priority" ORDER BY t."Priority"
            """, r => SlaOf(((Priority)ReportSql.Int(r, 0)).ToString(), ReportSql.Int(r, 1), ReportSql.Int(r, 2), ReportSql.Int(r, 3), ReportSql.Int(r, 4)), ct);
        rows.Add(SlaOf(All, rows.Sum(r => r.WithTargets), rows.Sum(r => r.Breached), rows.Sum(r => r.FirstResponseBreaches), rows.Sum(r => r.ResolutionBreaches)));
        return rows;
    }

    private static SlaRow SlaOf(string priority, int with, int breached, int response, int resolution) =>
        new(priority, with, breached, response, resolution, Percent(with - breached, with));

    /// <summary>
    /// Reopen rate (of the tickets ever resolved, those reopened), escalation rate per tier (of the
    /// tickets that were ever at the tier, those escalated above it) and the share resolved at L1
    /// (of the tickets resolved now, those that never left L1), from the audit trail.
    /// </summary>
    public async Task<IReadOnlyList<RateRow>?> RatesAsync(Caller caller, ReportFilter filter, CancellationToken ct = default)
    {
        if (!ReportAccess.CanRead(caller)) return null;
        await using var s = await OpenAsync(filter, ct);
        const string everResolved = """EXISTS (SELECT 1 FROM "Audit" a WHERE a."TicketId" = t."Id" AND a."Field" = 'Status' AND a."NewValue" = 'Resolved')""";
        const string reopened = """EXISTS (SELECT 1 FROM "Audit" a WHERE a."TicketId" = t."Id" AND a."Field" = 'Status' AND a."NewValue" = 'Reopened')""";
        static string LeftTier(string tier) => $"""EXISTS (SELECT 1 FROM "Audit" a WHERE a."TicketId" = t."Id" AND a."Field" = 'Tier' AND a."OldValue" = '{tier}')""";
        var r = await s.Sql.OneAsync(s.Connection, $"""
            SELECT {ReportSql.Count(everResolved)}, {ReportSql.Count($"{everResolved} AND {reopened}")},
              {ReportSql.Count($"t.\"Tier\" = 1 OR {LeftTier("L1")}")}, {ReportSql.Count(LeftTier("L1"))},
              {ReportSql.Count($"t.\"Tier\" = 2 OR {LeftTier("L2")}")}, {ReportSql.Count(LeftTier("L2"))},
              {ReportSql.Count("t.\"ResolvedAt\" IS NOT NULL")}, {ReportSql.Count("t.\"ResolvedAt\" IS NOT NULL AND t.\"Tier\" = 1")}
            FROM "Tickets" t WHERE {s.Sql.Where}
            """, x => Enumerable.Range(0, 8).Select(i => ReportSql.Int(x, i)).ToArray(), ct);
        return
        [
            new("Reopened", r[1], r[0], Percent(r[1], r[0])),
            new("Escalated from L1", r[3], r[2], Percent(r[3], r[2])),
            new("Escalated from L2", r[5], r[4], Percent(r[5], r[4])),
            new("Resolved at L1", r[7], r[6], Percent(r[7], r[6])),
        ];
    }

    public static double? Percent(int count, int outOf) => outOf == 0 ? null : Math.Round(100.0 * count / outOf, 1);

    private static double? Hours(double? seconds) => seconds is { } x ? Math.Round(Math.Max(0, x) / 3600.0, 2) : null;

    private sealed record Percentiles(int Count, double? MedianHours, double? P90Hours);

    /// <summary>Nearest-rank median and p90 of a duration per key: the database sorts, numbers and picks the two rows.</summary>
    private static async Task<Dictionary<int, Percentiles>> PercentilesAsync(DbConnection c, ReportSql sql, string key, string seconds, string measured, CancellationToken ct)
    {
        var rows = await sql.ListAsync(c, $"""
            WITH d AS (SELECT {key} AS k, {seconds} AS s FROM "Tickets" t WHERE {sql.Where} AND {measured}),
                 r AS (SELECT k, s, ROW_NUMBER() OVER (PARTITION BY k ORDER BY s) AS rn, COUNT(*) OVER (PARTITION BY k) AS n FROM d)
            SELECT k, n, MAX(CASE WHEN rn = (n * 50 + 99) / 100 THEN s END), MAX(CASE WHEN rn = (n * 90 + 99) / 100 THEN s END)
            FROM r GROUP BY k, n
            """, r => (Key: ReportSql.Int(r, 0), Value: new Percentiles(ReportSql.Int(r, 1), Hours(ReportSql.NullableDouble(r, 2)), Hours(ReportSql.NullableDouble(r, 3)))), ct);
        return rows.ToDictionary(r => r.Key, r => r.Value);
    }

    /// <summary>
    /// Both durations per priority and over all (key 0) in one pass over the tickets: each ticket's
    /// durations are computed once (a materialised CTE), then numbered per (measure, key).
    /// </summary>
    private static async Task<(Dictionary<int, Percentiles> Response, Dictionary<int, Percentiles> Resolution)> BothPercentilesAsync(DbConnection c, ReportSql sql, CancellationToken ct)
    {
        var rows = await sql.ListAsync(c, $"""
            WITH d AS MATERIALIZED (SELECT t."Priority" AS k, CASE WHEN t."FirstRespondedAt" IS NULL THEN NULL ELSE {sql.FirstResponseSeconds} END AS fr,
                   CASE WHEN t."ResolvedAt" IS NULL THEN NULL ELSE {sql.ResolutionSeconds} END AS res FROM "Tickets" t WHERE {sql.Where}),
                 x AS (SELECT 0 AS m, k, fr AS s FROM d WHERE fr IS NOT NULL UNION ALL SELECT 0, 0, fr FROM d WHERE fr IS NOT NULL
                       UNION ALL SELECT 1, k, res FROM d WHERE res IS NOT NULL UNION ALL SELECT 1, 0, res FROM d WHERE res IS NOT NULL),
                 r AS (SELECT m, k, s, ROW_NUMBER() OVER (PARTITION BY m, k ORDER BY s) AS rn, COUNT(*) OVER (PARTITION BY m, k) AS n FROM x)
            SELECT m, k, n, MAX(CASE WHEN rn = (n * 50 + 99) / 100 THEN s END), MAX(CASE WHEN rn = (n * 90 + 99) / 100 THEN s END)
            FROM r GROUP BY m, k, n
            """, r => (Measure: ReportSql.Int(r, 0), Key: ReportSql.Int(r, 1), Value: new Percentiles(ReportSql.Int(r, 2), Hours(ReportSql.NullableDouble(r, 3)), Hours(ReportSql.NullableDouble(r, 4)))), ct);
        return (rows.Where(r => r.Measure == 0).ToDictionary(r => r.Key, r => r.Value), rows.Where(r => r.Measure == 1).ToDictionary(r => r.Key, r => r.Value));
    }

    private async Task<Session> OpenAsync(ReportFilter filter, CancellationToken ct)
    {
        filter = filter.Normalised();
        var db = await dbs.CreateDbContextAsync(ct);
        var categories = await db.Categories.AsNoTracking().Select(c => new CategoryNode(c.Id, c.ParentId, c.Name)).ToListAsync(ct);
        var tree = new CategoryTree(categories);
        var sql = ReportSql.For(filter, clock.StartOf(filter.From), clock.StartOf(filter.To.AddDays(1)),
            filter.CategoryId is { } category ? tree.WithDescendants(category) : null, Data.DatabaseProvider.IsPostgres(db));
        await db.Database.OpenConnectionAsync(ct);
        return new Session(db, db.Database.GetDbConnection(), sql, filter, tree);
    }

    private sealed record Session(HelpdeskDbContext Db, DbConnection Connection, ReportSql Sql, ReportFilter Filter, CategoryTree Tree) : IAsyncDisposable
    {
        public string CategoryName(int id) => Tree.PathOf(id);
        public ValueTask DisposeAsync() => Db.DisposeAsync();
    }
}
