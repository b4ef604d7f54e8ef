using Helpdesk.Core.Fields;
using Helpdesk.Core.Fields.Commands;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Web.Resources;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Helpdesk.Web.Api;

/// <summary>Custom fields: their definitions (what customFields of a ticket may hold) and changing a ticket's values.</summary>
public static class FieldsApi
{
    public static void MapFieldsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/fields", ListAsync).WithTags("Directory").WithName("ListFields")
            .WithSummary("Custom field definitions in form order: key, label, type, options (key and label), where they apply");
        api.MapPatch("/tickets/{number}/fields", SetAsync).WithTags("Tickets").WithName("SetTicketFields")
            .WithSummary("Change custom field values")
            .WithDescription("Body: {\"os\": \"windows-11\", \"apps\": \"outlook,teams\"}. Only the keys sent change; an empty string clears a field. " +
                             "Options by key or label; several options comma-separated; dates YYYY-MM-DD; checkboxes true/false. Staff only. " +
                             "Every wrong value is reported at once under customFields.{key}.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status412PreconditionFailed);
    }

    public sealed record ChoiceResource(string Key, string Label, bool Retired);

    /// <param name="CategoryIds">Empty: every category (a category includes its sub-categories).</param>
    /// <param name="Departments">Empty: every requester's department.</param>
    public sealed record FieldResource(string Key, string Label, string? Help, CustomFieldType Type, bool Required, bool Retired,
        IReadOnlyList<ChoiceResource> Choices, IReadOnlyList<int> CategoryIds, IReadOnlyList<string> Departments);

    internal static async Task<Ok<IReadOnlyList<FieldResource>>> ListAsync(FieldCatalog catalog, CancellationToken ct)
    {
        var set = await catalog.GetAsync(ct);
        return TypedResults.Ok<IReadOnlyList<FieldResource>>([.. set.All.Select(f => new FieldResource(f.Key, f.Label, f.HelpText, f.Type, f.IsRequired, f.IsRetired,
            [.. f.Choices.Select(c => new ChoiceResource(c.Key, c.Label, c.IsRetired))], f.CategoryIds, f.Departments))]);
    }

    internal static Task<Results<Ok<TicketResource>, ValidationProblem, ProblemHttpResult>> SetAsync(
        string number, Dictionary<string, string?> body, ApiCaller me, HttpContext http,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        ITicketCommandHandler<SetTicketFields> handler, TicketDetailsQuery details, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
        TicketsApi.RunAsync(http, me, number, ifMatch, details, L, (n, version) => handler.HandleAsync(me.Caller,
            new SetTicketFields(n, body.ToDictionary(kv => kv.Key, kv => kv.Value ?? ""), version), ct), ct);
}
