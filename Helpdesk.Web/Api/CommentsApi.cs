using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Helpdesk.Web.Api;

/// <summary>A ticket's conversation: read it, reply in public, add an internal note (staff).</summary>
public static class CommentsApi
{
    public static void MapCommentsApi(this RouteGroupBuilder api)
    {
        var comments = api.MapGroup("/tickets/{number}").WithTags("Comments").ProducesProblem(StatusCodes.Status404NotFound);

        comments.MapGet("/comments", ListAsync).WithName("ListComments")
            .WithSummary("The conversation, oldest first")
            .WithDescription("Public replies, system entries and (for staff only) internal notes.");
        comments.MapGet("/comments/{id:long}", GetAsync).WithName("GetComment").WithSummary("One comment");
        comments.MapPost("/replies", ReplyAsync).WithName("ReplyToTicket")
            .WithSummary("Reply in public (the requester sees it)")
            .WithDescription("If-Match is checked in the same transaction as the reply (412 when the ticket changed).")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        comments.MapPost("/notes", NoteAsync).WithName("AddInternalNote")
            .WithSummary("Add an internal note (staff only; never shown to the requester)")
            .WithDescription("An @Name of a colleague makes them a collaborator, as in the app.")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    internal static async Task<Results<Ok<IReadOnlyList<CommentResource>>, ProblemHttpResult>> ListAsync(
        string number, ApiCaller me, TicketDetailsQuery details, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!TicketNumber.TryParse(number, out var n) || await details.GetAsync(me.Caller, n, ct) is not { } ticket)
            return TicketsApi.NotFound(L, number);
        return TypedResults.Ok<IReadOnlyList<CommentResource>>([.. ticket.Conversation.Select(CommentResource.From)]);
    }

    internal static async Task<Results<Ok<CommentResource>, ProblemHttpResult>> GetAsync(
        string number, long id, ApiCaller me, TicketDetailsQuery details, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!TicketNumber.TryParse(number, out var n) || await details.GetAsync(me.Caller, n, ct) is not { } ticket)
            return TicketsApi.NotFound(L, number);
        return ticket.Conversation.FirstOrDefault(c => c.Id == id) is { } comment
            ? TypedResults.Ok(CommentResource.From(comment))
            : ApiProblems.NotFound(L["Comment {0} was not found on {1}.", id, ticket.Row.DisplayNumber]);
    }

    internal static Task<Results<Created<CommentResource>, ValidationProblem, ProblemHttpResult>> ReplyAsync(
        string number, CommentRequest body, ApiCaller me, HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch,
        ITicketCommandHandler<AddComment> handler, TicketQueries queries, TicketDetailsQuery details, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        AddAsync(number, body, isInternal: false, me, http, ifMatch, handler, queries, details, L, ct);

    internal static Task<Results<Created<CommentResource>, ValidationProblem, ProblemHttpResult>> NoteAsync(
        string number, CommentRequest body, ApiCaller me, HttpContext http, [FromHeader(Name = "If-Match")] string? ifMatch,
        ITicketCommandHandler<AddComment> handler, TicketQueries queries, TicketDetailsQuery details, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        AddAsync(number, body, isInternal: true, me, http, ifMatch, handler, queries, details, L, ct);

    private static async Task<Results<Created<CommentResource>, ValidationProblem, ProblemHttpResult>> AddAsync(
        string number, CommentRequest body, bool isInternal, ApiCaller me, HttpContext http, string? ifMatch,
        ITicketCommandHandler<AddComment> handler, TicketQueries queries, TicketDetailsQuery details, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!TicketNumber.TryParse(number, out var n)) return TicketsApi.NotFound(L, number);
        if (!ETags.TryParseIfMatch(ifMatch, out var version)) return TicketsApi.PreconditionFailed(L);
        var result = await handler.HandleAsync(me.Caller, new AddComment(n, body.Body ?? "", isInternal, version), ct);
        if (result.Error is { } error) return ApiProblems.Fail<Created<CommentResource>>(error, preconditioned: version is not null);
        var ticket = await details.GetAsync(me.Caller, n, ct);
        var kind = isInternal ? CommentKind.InternalNote : CommentKind.PublicReply;
        // The command's own comment: by this caller, of this kind, written at the ticket's new update time.
        var comment = ticket?.Conversation.Where(c => c.AuthorId == me.Caller.UserId && c.Kind == kind).OrderByDescending(c => c.At).ThenByDescending(c => c.Id).FirstOrDefault();
        if (ticket is null || comment is null) return TicketsApi.NotFound(L, number);
        http.Response.Headers.ETag = ETags.For(ticket.Row.Version);
        return TypedResults.Created($"{TicketsApi.Location(n)}/comments/{comment.Id}", CommentResource.From(comment));
    }
}
