using System.Globalization;
using CsvHelper;
using Helpdesk.Core.Tickets.Queries;
using Tickets_ = Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Reports;

/// <summary>A report as rows of text: a header row, then one row per report row, numbers in invariant culture.</summary>
public sealed record CsvTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>Reports and ticket lists as CSV (CsvHelper; UTF-8 with a header row; a leading = + - @ never becomes a formula).</summary>
public static class ReportCsv
{
    public static string Write(CsvTable table)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Injection = CsvInjection.Escape }, true))
        {
            csv.WriteHeader([.. table.Header]);
            foreach (var row in table.Rows) csv.WriteRecord([.. row]);
            csv.Flush();
        }
        return text.ToString();
    }

    /// <summary>UTF-8 with a byte-order mark, so spreadsheets pick the encoding without asking.</summary>
    public static byte[] Utf8(CsvTable table) => [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(Write(table))];

    private static string N(double? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);
    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string T(DateTime utc) => utc.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    public static CsvTable Volume(IEnumerable<VolumeRow> rows, string keyName) =>
        new(["period", keyName, "tickets"], [.. rows.Select(r => (IReadOnlyList<string>)[D(r.Period), r.Key, N(r.Tickets)])]);

    public static CsvTable Times(IEnumerable<TimeRow> rows) =>
        new(["priority", "responded", "first_response_median_h", "first_response_p90_h", "resolved", "resolution_median_h", "resolution_p90_h"],
            [.. rows.Select(r => (IReadOnlyList<string>)[r.Priority, N(r.Responded), N(r.FirstResponseMedianHours), N(r.FirstResponseP90Hours),
                N(r.Resolved), N(r.ResolutionMedianHours), N(r.ResolutionP90Hours)])]);

    public static CsvTable Sla(IEnumerable<SlaRow> rows) =>
        new(["priority", "with_targets", "breached", "first_response_breaches", "resolution_breaches", "compliance_percent"],
            [.. rows.Select(r => (IReadOnlyList<string>)[r.Priority, N(r.WithTargets), N(r.Breached), N(r.FirstResponseBreaches), N(r.ResolutionBreaches), N(r.CompliancePercent)])]);

    public static CsvTable Rates(IEnumerable<RateRow> rows) =>
        new(["measure", "count", "out_of", "percent"], [.. rows.Select(r => (IReadOnlyList<string>)[r.Measure, N(r.Count), N(r.OutOf), N(r.Percent)])]);

    public static CsvTable Recurring(IEnumerable<RecurringRow> rows) =>
        new(["dimension", "value", "tickets", "previous_period", "growth_percent"],
            [.. rows.Select(r => (IReadOnlyList<string>)[r.Dimension, r.Key, N(r.Tickets), N(r.PreviousTickets), N(r.GrowthPercent)])]);

    public static CsvTable History(IEnumerable<HistoryRow> rows) =>
        new(["number", "subject", "requester", "department", "created_utc", "status", "priority", "category", "channel", "team", "assignee",
             "first_response_h", "resolution_h", "sla_breached"],
            [.. rows.Select(r => (IReadOnlyList<string>)[r.Number, r.Subject, r.Requester, r.Department ?? "", T(r.CreatedAtUtc), r.Status, r.Priority,
                r.Category, r.Channel, r.Team, r.Assignee ?? "", N(r.FirstResponseHours), N(r.ResolutionHours), r.SlaBreached ? "yes" : "no"])]);

    public static CsvTable Overview(LiveOverview o)
    {
        var rows = new List<IReadOnlyList<string>>();
        void Add(string section, string key, string value) => rows.Add([section, key, value]);
        foreach (var r in o.OpenByStatus) Add("open by status", r.Key, N(r.Count));
        foreach (var r in o.OpenByPriority) Add("open by priority", r.Key, N(r.Count));
        foreach (var r in o.OpenByTeam) Add("open by team", r.Key, N(r.Count));
        foreach (var r in o.OpenByTier) Add("open by tier", r.Key, N(r.Count));
        Add("today", "created", N(o.CreatedToday));
        Add("today", "resolved", N(o.ResolvedToday));
        foreach (var b in o.Backlog) Add("backlog", D(b.Day), N(b.Open));
        Add("sla today", "met", N(o.SlaToday.Met));
        Add("sla today", "breached", N(o.SlaToday.Breached));
        Add("sla today", "compliance_percent", N(o.SlaToday.CompliancePercent));
        Add("sla this week", "met", N(o.SlaThisWeek.Met));
        Add("sla this week", "breached", N(o.SlaThisWeek.Breached));
        Add("sla this week", "compliance_percent", N(o.SlaThisWeek.CompliancePercent));
        Add("median last 7 days", "first_response_h", N(o.MedianFirstResponseHours));
        Add("median last 7 days", "resolution_h", N(o.MedianResolutionHours));
        foreach (var r in o.LoadPerAgent) Add("open per agent", r.Key, N(r.Count));
        return new(["section", "key", "value"], rows);
    }

    /// <summary>A dashboard list view, as its rows.</summary>
    public static CsvTable Tickets(IEnumerable<TicketRow> rows) =>
        new(["number", "subject", "status", "priority", "tier", "team", "assignee", "requester", "department", "category", "channel", "created_utc", "updated_utc", "sla_state", "sla_due_utc"],
            [.. rows.Select(r => (IReadOnlyList<string>)[Tickets_.TicketNumber.Format(r.Number), r.Subject, r.Status.ToString(), r.Priority.ToString(), r.Tier.ToString(),
                r.TeamName, r.AssigneeName ?? "", r.RequesterName, r.RequesterDepartment ?? "", r.CategoryName, r.Channel.ToString(),
                T(r.CreatedAt), T(r.UpdatedAt), r.SlaState.ToString(), r.SlaDueAt is { } due ? T(due) : ""])]);
}
