using Helpdesk.Core.Application;
using Helpdesk.Core.People;
using Helpdesk.Core.Reports;
using Helpdesk.Web.Features.Account;

namespace Helpdesk.Web.Features.Reports;

/// <summary>
/// GET /reports/{report}.csv with the report page's own query string, and /tickets.csv for a
/// dashboard list view. Reports answer 404 to anyone but leads and admins (the check is Core's);
/// a ticket list holds only what the caller may see.
/// </summary>
public static class ReportsEndpoints
{
    public const string OverviewCsv = "/reports/overview.csv";
    public const string TicketsCsv = "/tickets.csv";
    public const int MaxTicketRows = 10_000;

    public static string CsvHref(string report, ReportFilter filter) => $"/reports/{report}.csv{ReportLink.Query(filter)}";

    public static void MapReportsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/{report}.csv", async (string report, HttpContext http, CallerDirectory directory, ReportQueries reports,
            OverviewQueries overview, ReportClock clock, CancellationToken ct) =>
        {
            var caller = await CurrentCaller.FromPrincipalAsync(directory, http.User, ct);
            var filter = ReportLink.Parse(http.Request.Query, clock.Today);
            CsvTable? table = caller is null ? null : report switch
            {
                "overview" => await overview.LoadAsync(caller, ct) is { } o ? ReportCsv.Overview(o) : null,
                "volume-channel" => await reports.VolumeAsync(caller, filter, false, ct) is { } v ? ReportCsv.Volume(v, "channel") : null,
                "volume-category" => await reports.VolumeAsync(caller, filter, true, ct) is { } v ? ReportCsv.Volume(v, "category") : null,
                "times" => await reports.TimesAsync(caller, filter, ct) is { } t ? ReportCsv.Times(t) : null,
                "sla" => await reports.SlaAsync(caller, filter, ct) is { } s ? ReportCsv.Sla(s) : null,
                "rates" => await reports.RatesAsync(caller, filter, ct) is { } r ? ReportCsv.Rates(r) : null,
                "recurring" => await RecurringAsync(reports, caller, filter, ct) is { } r ? ReportCsv.Recurring(r) : null,
                "history" => await reports.HistoryAsync(caller, filter, all: true, ct) is { } h ? ReportCsv.History(h.Rows) : null,
                _ => null,
            };
            if (table is null) return Results.NotFound();
            var name = report == "overview" ? $"helpdesk-overview-{clock.UtcNow:yyyy-MM-dd-HHmm}.csv" : ReportLink.FileName(report, filter);
            return Results.File(ReportCsv.Utf8(table), "text/csv; charset=utf-8", name);
        }).RequireAuthorization().ExcludeFromDescription();

        app.MapGet(TicketsCsv, async (HttpContext http, CallerDirectory directory, Helpdesk.Core.Tickets.Queries.TicketQueries tickets, CancellationToken ct) =>
        {
            var caller = await CurrentCaller.FromPrincipalAsync(directory, http.User, ct);
            if (caller is not { IsStaff: true }) return Results.NotFound();
            var query = QueueLink.Parse(http.Request.Query);
            var rows = new List<Helpdesk.Core.Tickets.Queries.TicketRow>();
            for (var skip = 0; skip < MaxTicketRows; skip += Helpdesk.Core.Tickets.Queries.TicketQueries.MaxPage)
            {
                var page = await tickets.ListAsync(caller, query with { Skip = skip, Take = Helpdesk.Core.Tickets.Queries.TicketQueries.MaxPage }, ct);
                rows.AddRange(page.Items);
                if (page.Items.Count < Helpdesk.Core.Tickets.Queries.TicketQueries.MaxPage) break;
            }
            return Results.File(ReportCsv.Utf8(ReportCsv.Tickets(rows)), "text/csv; charset=utf-8", QueueLink.FileName(query));
        }).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<IReadOnlyList<RecurringRow>?> RecurringAsync(ReportQueries reports, Caller caller, ReportFilter filter, CancellationToken ct)
    {
        var all = new List<RecurringRow>();
        foreach (var d in Enum.GetValues<RecurringDimension>())
        {
            if (await reports.RecurringAsync(caller, filter, d, ct) is not { } rows) return null;
            all.AddRange(rows);
        }
        return all;
    }
}
