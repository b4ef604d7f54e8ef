using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Reports;

public sealed partial class ReportQueries
{
    /// <summary>
    /// The <see cref="TopN"/> most frequent values of a dimension in the range, each beside its count
    /// in the same-length period before (growth in percent; null when it is new). One GROUP BY over both periods.
    /// </summary>
    public async Task<IReadOnlyList<RecurringRow>?> RecurringAsync(Caller caller, ReportFilter filter, RecurringDimension dimension, CancellationToken ct = default)
    {
        if (!ReportAccess.CanRead(caller)) return null;
        filter = filter.Normalised();
        await using var s = await OpenAsync(filter.Previous with { To = filter.To }, ct);
        var (key, join) = dimension switch
        {
            RecurringDimension.Category => ("t.\"CategoryId\"", ""),
            RecurringDimension.Subject => ("t.\"SubjectKey\"", ""),
            RecurringDimension.Requester => ("t.\"RequesterId\"", ""),
            RecurringDimension.Department => ("u.\"Department\"", "JOIN \"AspNetUsers\" u ON u.\"Id\" = t.\"RequesterId\""),
            RecurringDimension.Asset => ("t.\"System_AssetTag\"", ""),
            _ => ("t.\"System_Application\"", ""),
        };
        var text = dimension is not (RecurringDimension.Category or RecurringDimension.Requester);
        var from = s.Sql.Param(clock.StartOf(filter.From));
        var rows = await s.Sql.ListAsync(s.Connection, $"""
            SELECT {key} AS k, {ReportSql.Count($"t.\"CreatedAt\" >= {from}")} AS cur, {ReportSql.Count($"t.\"CreatedAt\" < {from}")} AS prev
            FROM "Tickets" t {join} WHERE {s.Sql.Where} AND {key} IS NOT NULL{(text ? $" AND {key} <> ''" : "")}
            GROUP BY {key} HAVING {ReportSql.Count($"t.\"CreatedAt\" >= {from}")} > 0 ORDER BY cur DESC, prev DESC, k LIMIT {TopN}
            """, r => (Key: r.GetValue(0), Current: ReportSql.Int(r, 1), Previous: ReportSql.Int(r, 2)), ct);
        var names = dimension == RecurringDimension.Requester
            ? await NamesAsync(s.Db, rows.Select(r => Convert.ToInt32(r.Key, System.Globalization.CultureInfo.InvariantCulture)), ct)
            : null;
        string Label(object k) => dimension switch
        {
            RecurringDimension.Category => s.CategoryName(Convert.ToInt32(k, System.Globalization.CultureInfo.InvariantCulture)),
            RecurringDimension.Requester => names!.GetValueOrDefault(Convert.ToInt32(k, System.Globalization.CultureInfo.InvariantCulture), $"#{k}"),
            _ => Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
        return [.. rows.Select(r => new RecurringRow(dimension.ToString(), Label(r.Key), r.Current, r.Previous,
            r.Previous == 0 ? null : Math.Round(100.0 * (r.Current - r.Previous) / r.Previous, 1)))];
    }

    private static async Task<Dictionary<int, string>> NamesAsync(Data.HelpdeskDbContext db, IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => list.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
    }

    /// <summary>
    /// Every ticket of one requester (<see cref="ReportFilter.RequesterId"/>) or department in the range,
    /// newest first (the first <see cref="HistoryCap"/> unless <paramref name="all"/>), with totals over all of them.
    /// </summary>
    public async Task<HistoryReport?> HistoryAsync(Caller caller, ReportFilter filter, bool all = false, CancellationToken ct = default)
    {
        if (!ReportAccess.CanRead(caller) || (filter.RequesterId is null && string.IsNullOrWhiteSpace(filter.Department))) return null;
        await using var s = await OpenAsync(filter, ct);
        const string breached = """EXISTS (SELECT 1 FROM "SlaBreaches" b WHERE b."TicketId" = t."Id")""";
        var totals = await s.Sql.OneAsync(s.Connection, $"""
            SELECT COUNT(*), {ReportSql.Count("t.\"IsOpen\"")}, {ReportSql.Count("t.\"ResolvedAt\" IS NOT NULL")}, {ReportSql.Count(breached)}
            FROM "Tickets" t WHERE {s.Sql.Where}
            """, r => (Tickets: ReportSql.Int(r, 0), Open: ReportSql.Int(r, 1), Resolved: ReportSql.Int(r, 2), Breached: ReportSql.Int(r, 3)), ct);
        var median = await PercentilesAsync(s.Connection, s.Sql, "0", s.Sql.ResolutionSeconds, "t.\"ResolvedAt\" IS NOT NULL", ct);
        var limit = all ? "" : $"LIMIT {HistoryCap}";
        var rows = await s.Sql.ListAsync(s.Connection, $"""
            SELECT t."Number", t."Subject", r."DisplayName", r."Department", t."CreatedAt", t."Status", t."Priority", t."CategoryId",
              t."Channel", tm."Name", a."DisplayName", {s.Sql.FirstResponseSeconds}, CASE WHEN t."ResolvedAt" IS NULL THEN NULL ELSE {s.Sql.ResolutionSeconds} END, {breached}
            FROM "Tickets" t JOIN "AspNetUsers" r ON r."Id" = t."RequesterId" JOIN "Teams" tm ON tm."Id" = t."TeamId"
              LEFT JOIN "AspNetUsers" a ON a."Id" = t."AssigneeId"
            WHERE {s.Sql.Where} ORDER BY t."CreatedAt" DESC, t."Id" DESC {limit}
            """, r => new HistoryRow(TicketNumber.Format(ReportSql.Int(r, 0)), r.GetString(1), r.GetString(2), ReportSql.NullableString(r, 3),
                ReportSql.Utc(r, 4), ((TicketStatus)ReportSql.Int(r, 5)).ToString(), ((Priority)ReportSql.Int(r, 6)).ToString(), s.CategoryName(ReportSql.Int(r, 7)),
                ((Channel)ReportSql.Int(r, 8)).ToString(), r.GetString(9), ReportSql.NullableString(r, 10),
                Hours(ReportSql.NullableDouble(r, 11)), Hours(ReportSql.NullableDouble(r, 12)), ReportSql.Bool(r, 13)), ct);
        return new HistoryReport(rows,
            new HistoryTotals(totals.Tickets, totals.Open, totals.Resolved, totals.Breached, median.GetValueOrDefault(0)?.MedianHours),
            !all && totals.Tickets > rows.Count);
    }
}
