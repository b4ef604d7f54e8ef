using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Web.Features.Account;

namespace Helpdesk.Web.Features.Tickets;

/// <summary>
/// Downloads of ticket attachments. The file came from a stranger's e-mail: it is always sent as a
/// download (never rendered on our origin) with sniffing off. A ticket the caller may not see has
/// no files: 404, as for a missing one.
/// </summary>
public static class AttachmentEndpoints
{
    public static void MapAttachmentEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/tickets/{number:int}/attachments/{id:long}", async (int number, long id, HttpContext http, CallerDirectory callers, TicketFiles files, CancellationToken ct) =>
        {
            var caller = await CurrentCaller.FromPrincipalAsync(callers, http.User, ct);
            if (caller is null) return Results.Challenge();
            var file = await files.OpenAsync(caller, number, id, ct);
            if (file is null) return Results.NotFound();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(file.Content, "application/octet-stream", file.FileName);
        }).RequireAuthorization();
}
