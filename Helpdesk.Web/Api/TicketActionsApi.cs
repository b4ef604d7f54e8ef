using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Helpdesk.Web.Api;

/// <summary>The workflow: status, assignment, escalation and links. Each accepts If-Match (412 when the ticket changed since).</summary>
public static class TicketActionsApi
{
    public static void MapTicketActionsApi(this RouteGroupBuilder api)
    {
        var ticket = api.MapGroup("/tickets/{number}").WithTags("Ticket workflow")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);

        ticket.MapPost("/status", ChangeStatusAsync).WithName("ChangeTicketStatus")
            .WithSummary("Change the status")
            .WithDescription("Resolving needs a resolution, rejecting a reason. A requester may only close a resolved ticket or reopen it.");
        ticket.MapPost("/assign", AssignAsync).WithName("AssignTicket")
            .WithSummary("Assign or unassign")
            .WithDescription("assigneeId must be an active member of the ticket's team; null puts it back in the team's queue. Staff only.");
        ticket.MapPost("/escalate", EscalateAsync).WithName("EscalateTicket")
            .WithSummary("Escalate to a higher tier")
            .WithDescription("Optionally to another team (the ticket then leaves its assignee). Staff only.");
        ticket.MapPost("/links", LinkAsync).WithName("LinkTickets")
            .WithSummary("Link to another ticket")
            .WithDescription("kind: ParentOf (the other is a follow-up), Related or DuplicateOf. Staff only. " +
                             "If-Match is checked in the same transaction as the link.");
    }

    internal static Task<Results<Ok<TicketResource>, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        string number, ChangeStatusRequest body, ApiCaller me, HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch,
        ITicketCommandHandler<ChangeStatus> handler, TicketDetailsQuery details, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (body.Status is not { } status) return Invalid("status", L["Choose a status."]);
        return TicketsApi.RunAsync(http, me, number, ifMatch, details, L,
            (n, version) => handler.HandleAsync(me.Caller, new ChangeStatus(n, status, body.Resolution, body.Reason, version), ct), ct);
    }

    internal static Task<Results<Ok<TicketResource>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        string number, AssignRequest body, ApiCaller me, HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch,
        ITicketCommandHandler<AssignTicket> handler, TicketDetailsQuery details, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        TicketsApi.RunAsync(http, me, number, ifMatch, details, L,
            (n, version) => handler.HandleAsync(me.Caller, new AssignTicket(n, body.AssigneeId, version), ct), ct);

    internal static Task<Results<Ok<TicketResource>, ValidationProblem, ProblemHttpResult>> EscalateAsync(
        string number, EscalateRequest body, ApiCaller me, HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch,
        ITicketCommandHandler<EscalateTicket> handler, TicketDetailsQuery details, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (body.Tier is not { } tier) return Invalid("tier", L["Choose the tier to escalate to."]);
        return TicketsApi.RunAsync(http, me, number, ifMatch, details, L,
            (n, version) => handler.HandleAsync(me.Caller, new EscalateTicket(n, tier, body.Reason ?? "", body.TeamId, version), ct), ct);
    }

    internal static async Task<Results<Ok<TicketResource>, ValidationProblem, ProblemHttpResult>> LinkAsync(
        string number, LinkRequest body, ApiCaller me, HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch,
        ITicketCommandHandler<LinkTickets> handler, TicketQueries queries, TicketDetailsQuery details, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.OtherNumber is null) errors["otherNumber"] = [L["Give the other ticket's number."]];
        if (body.Kind is null) errors["kind"] = [L["Choose the kind of link."]];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return await TicketsApi.RunAsync(http, me, number, ifMatch, details, L,
            (n, version) => handler.HandleAsync(me.Caller, new LinkTickets(n, body.OtherNumber!.Value, body.Kind!.Value, version), ct), ct);
    }

    private static Task<Results<Ok<TicketResource>, ValidationProblem, ProblemHttpResult>> Invalid(string field, string message) =>
        Task.FromResult<Results<Ok<TicketResource>, ValidationProblem, ProblemHttpResult>>(ApiProblems.Validation(field, message));
}
