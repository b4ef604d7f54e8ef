using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Helpdesk.Core.Integrations;
using Helpdesk.Core.Integrations.Idempotency;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Web.Resources;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Helpdesk.Web.Api;

/// <summary>/api/v1/tickets: open, read, list and change tickets, through the same Core queries and handlers as the pages.</summary>
public static class TicketsApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static void MapTicketsApi(this RouteGroupBuilder api)
    {
        var tickets = api.MapGroup("/tickets").WithTags("Tickets");

        tickets.MapPost("/", CreateAsync).WithName("CreateTicket")
            .WithSummary("Open a ticket")
            .WithDescription("Send an Idempotency-Key header (any unique string, e.g. a UUID) to make retries safe: the same key with the same body " +
                             "answers the first response again (header Idempotent-Replayed: true) and never makes a second ticket.")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        tickets.MapGet("/", ListAsync).WithName("ListTickets")
            .WithSummary("List tickets")
            .WithDescription("The dashboard's views and filters, newest change first by default, with cursor paging: pass nextCursor as cursor " +
                             "(with the same filters) or follow next. Requesters see their own tickets only.");

        tickets.MapGet("/{number}", GetAsync).WithName("GetTicket")
            .WithSummary("Get a ticket by number")
            .WithDescription("`number` is 1042 or HD-1042. The ETag header (\"v7\") is the ticket's version: send it as If-Match when changing it. " +
                             "A ticket you may not see answers 404, exactly like a missing one.")
            .Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound);

        tickets.MapPatch("/{number}", UpdateAsync).WithName("UpdateTicket")
            .WithSummary("Change priority or category fields")
            .WithDescription("Fields left out stay as they are. Staff only. With If-Match, a ticket changed since answers 412.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    internal static async Task<Results<Created<TicketResource>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateTicketRequest body, ApiCaller me, HttpContext http,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        ITicketCommandHandler<CreateTicket> create, TicketDetailsQuery details, IdempotencyStore idempotency,
        IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(idempotencyKey)) return WithETag(http, (await CreateOnceAsync(body, me, create, details, ct)).Result);
        if (idempotencyKey.Length > IdempotencyRecord.KeyMax)
            return ApiProblems.Validation(IdempotencyKeyHeader, L["Keep the Idempotency-Key under {0} characters.", IdempotencyRecord.KeyMax]);

        Results<Created<TicketResource>, ValidationProblem, ProblemHttpResult>? first = null;
        var outcome = await idempotency.RunAsync(me.Caller.UserId, idempotencyKey, RequestHash(body), async _ =>
        {
            // Once started, finish: a ticket created for a request that then gave up must still be remembered.
            var (result, resource) = await CreateOnceAsync(body, me, create, details, CancellationToken.None);
            first = result;
            return resource is null ? null
                : new StoredResponse(StatusCodes.Status201Created, JsonSerializer.Serialize(resource, IntegrationJson.Options), Location(resource.Number));
        }, ct);

        switch (outcome.Outcome)
        {
            case IdempotencyOutcome.Replayed:
                var stored = outcome.Response!;
                var replayed = JsonSerializer.Deserialize<TicketResource>(stored.Body, IntegrationJson.Options)!;
                http.Response.Headers["Idempotent-Replayed"] = "true";
                http.Response.Headers.ETag = ETags.For(replayed.Version);
                return TypedResults.Created(stored.Location, replayed);
            case IdempotencyOutcome.KeyReused:
                return ApiProblems.Status(StatusCodes.Status422UnprocessableEntity,
                    L["This Idempotency-Key was already used for a different request. Use a new key for a new ticket."]);
            case IdempotencyOutcome.Unfinished:
                return ApiProblems.Status(StatusCodes.Status409Conflict,
                    L["An earlier request with this Idempotency-Key did not finish; the ticket may or may not exist. List your recent tickets before trying again with a new key."]);
            default:
                return WithETag(http, first!);
        }
    }

    private static Results<Created<TicketResource>, ValidationProblem, ProblemHttpResult> WithETag(
        HttpContext http, Results<Created<TicketResource>, ValidationProblem, ProblemHttpResult> result)
    {
        if (result.Result is Created<TicketResource> { Value: { } created }) http.Response.Headers.ETag = ETags.For(created.Version);
        return result;
    }

    private static async Task<(Results<Created<TicketResource>, ValidationProblem, ProblemHttpResult> Result, TicketResource? Resource)> CreateOnceAsync(
        CreateTicketRequest body, ApiCaller me, ITicketCommandHandler<CreateTicket> create, TicketDetailsQuery details, CancellationToken ct)
    {
        var data = new NewTicketData
        {
            Subject = body.Subject ?? "",
            Description = body.Description ?? "",
            CategoryId = body.CategoryId ?? 0,
            RequesterId = body.RequesterId ?? me.Caller.UserId,
            Impact = body.Impact ?? Impact.Individual,
            Urgency = body.Urgency ?? Urgency.Soon,
            Channel = Channel.Api,
            System = body.System?.ToDetails(),
            CustomFields = body.CustomFields,
        };
        var result = await create.HandleAsync(me.Caller, new CreateTicket(data, body.AssignToMe, body.ParentNumber), ct);
        if (result.Error is { } error) return (ApiProblems.Fail<Created<TicketResource>>(error, preconditioned: false), null);
        var resource = TicketResource.From((await details.GetAsync(me.Caller, result.Value!.Number, ct))!);
        return (TypedResults.Created(Location(resource.Number), resource), resource);
    }

    internal static async Task<Results<Ok<TicketList>, ValidationProblem>> ListAsync(
        [AsParameters] TicketListQuery query, ApiCaller me, HttpContext http, TicketFeed feed, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var sort = query.Sort ?? QueueSort.UpdatedDesc;
        var errors = new Dictionary<string, string[]>();
        if (query.Limit is { } limit && (limit < 1 || limit > TicketQueries.MaxPage))
            errors["limit"] = [L["Ask for 1 to {0} tickets per page.", TicketQueries.MaxPage]];
        TicketCursor? after = null;
        if (query.Cursor is { Length: > 0 } && (!TicketCursor.TryDecode(query.Cursor, out after) || after!.Sort != sort))
            errors["cursor"] = [L["This cursor is not valid for this sort: pass nextCursor from the previous page with the same parameters."]];
        var fields = (query.Field ?? []).Select(f => f.Split(':', 2)).ToList();
        if (fields.Any(f => f.Length != 2 || f[0].Length == 0))
            errors["field"] = [L["Write each field condition as key:value (field=os:windows-11)."]];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);

        var page = await feed.PageAsync(me.Caller, new QueueQuery
        {
            View = query.View ?? QueueView.AllOpen,
            Statuses = query.Status, Priorities = query.Priority, Tiers = query.Tier, CategoryIds = query.Category,
            TeamId = query.Team, Search = query.Q, Sort = sort, Take = query.Limit ?? 50,
            Fields = fields.Count == 0 ? null : [.. fields.Select(f => new FieldFilter(f[0], f[1]))],
        }, after, ct);
        var next = page.Next?.Encode();
        return TypedResults.Ok(new TicketList([.. page.Items.Select(TicketSummary.From)], next, next is null ? null : NextLink(http.Request, next)));
    }

    internal static async Task<Results<Ok<TicketResource>, ProblemHttpResult, StatusCodeHttpResult>> GetAsync(
        string number, ApiCaller me, HttpContext http, TicketDetailsQuery details, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        if (!TicketNumber.TryParse(number, out var n) || await details.GetAsync(me.Caller, n, ct) is not { } ticket)
            return NotFound(L, number);
        http.Response.Headers.ETag = ETags.For(ticket.Row.Version);
        if (ETags.NoneMatch(http.Request.Headers.IfNoneMatch, ticket.Row.Version)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(TicketResource.From(ticket));
    }

    internal static Task<Results<Ok<TicketResource>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string number, UpdateTicketRequest body, ApiCaller me, HttpContext http,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        ITicketCommandHandler<UpdateTicketFields> handler, TicketDetailsQuery details, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        RunAsync(http, me, number, ifMatch, details, L, (n, version) => handler.HandleAsync(me.Caller,
            new UpdateTicketFields(n, body.Impact, body.Urgency, body.Priority, body.PriorityReason, body.CategoryId, version), ct), ct);

    /// <summary>
    /// The shape of every change: parse the number and If-Match, run the command, answer the ticket
    /// as it is now with its new ETag, or the problem.
    /// </summary>
    internal static async Task<Results<Ok<TicketResource>, ValidationProblem, ProblemHttpResult>> RunAsync(
        HttpContext http, ApiCaller me, string number, string? ifMatch, TicketDetailsQuery details, IStringLocalizer<SharedResource> L,
        Func<int, int?, Task<Core.Application.Result<TicketRow>>> command, CancellationToken ct)
    {
        if (!TicketNumber.TryParse(number, out var n)) return NotFound(L, number);
        if (!ETags.TryParseIfMatch(ifMatch, out var version)) return PreconditionFailed(L);
        var result = await command(n, version);
        if (result.Error is { } error) return ApiProblems.Fail<Ok<TicketResource>>(error, preconditioned: version is not null);
        var ticket = await details.GetAsync(me.Caller, n, ct);
        // The change may have moved the ticket out of the caller's sight (handed to another team).
        if (ticket is null) return NotFound(L, number);
        http.Response.Headers.ETag = ETags.For(ticket.Row.Version);
        return TypedResults.Ok(TicketResource.From(ticket));
    }

    internal static ProblemHttpResult NotFound(IStringLocalizer<SharedResource> L, string number) =>
        ApiProblems.NotFound(L["Ticket {0} was not found.", TicketNumber.TryParse(number, out var n) ? TicketNumber.Format(n) : number]);

    internal static ProblemHttpResult PreconditionFailed(IStringLocalizer<SharedResource> L) =>
        ApiProblems.Status(StatusCodes.Status412PreconditionFailed, L["If-Match must be an ETag this API sent, like \"v3\"."]);

    internal static string Location(int number) => $"{ApiSetup.Prefix}/tickets/{number}";

    /// <summary>What makes two creates "the same request": the body as JSON, in the API's own spelling.</summary>
    private static string RequestHash(CreateTicketRequest body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(body, IntegrationJson.Options))));

    private static string NextLink(HttpRequest request, string cursor)
    {
        var query = new QueryBuilder(QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !string.Equals(p.Key, "cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? ""))))
        {
            { "cursor", cursor },
        };
        return request.PathBase + request.Path + query.ToQueryString();
    }
}
