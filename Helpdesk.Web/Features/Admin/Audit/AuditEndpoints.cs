using System.Text;
using Helpdesk.Core.Admin;
using Helpdesk.Web.Features.Account;

namespace Helpdesk.Web.Features.Admin.Audit;

/// <summary>GET /admin/audit.csv: the audit viewer's filter as a CSV download (admins; anyone else gets 404).</summary>
public static class AuditEndpoints
{
    public const string CsvUrl = "/admin/audit.csv";

    public static void MapAdminEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet(CsvUrl, async (HttpContext http, Helpdesk.Core.People.CallerDirectory directory, AuditQueries audit,
            string? ticket, int? person, AdminArea? area, string? subject, DateTime? from, DateTime? to, CancellationToken ct) =>
        {
            var caller = await CurrentCaller.FromPrincipalAsync(directory, http.User, ct);
            var csv = caller is null ? null : await audit.CsvAsync(caller, new AuditFilter(ticket, person, area, subject,
                from?.ToUniversalTime(), to?.ToUniversalTime()), ct);
            if (csv is null) return Results.NotFound();
            return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8",
                $"helpdesk-audit-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
        }).RequireAuthorization().ExcludeFromDescription();
}
