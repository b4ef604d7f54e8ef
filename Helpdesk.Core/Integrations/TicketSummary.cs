using System.Text.Json;
using System.Text.Json.Serialization;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Core.Integrations;

/// <summary>Something with an id and a name, as integrations see it.</summary>
public sealed record NamedRef(int Id, string Name);

/// <summary>
/// A ticket as other systems see it, in API lists and webhook bodies alike (one shape to learn).
/// <see cref="Version"/> is the ETag's value: send it back as If-Match to update safely.
/// </summary>
public sealed record TicketSummary(
    int Number,
    string DisplayNumber,
    string Subject,
    TicketStatus Status,
    Priority Priority,
    Tier Tier,
    Channel Channel,
    NamedRef Requester,
    NamedRef Category,
    NamedRef Team,
    NamedRef? Assignee,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    bool IsOpen,
    bool IsArchived,
    int Version)
{
    public static TicketSummary From(TicketRow r) => new(
        r.Number, r.DisplayNumber, r.Subject, r.Status, r.Priority, r.Tier, r.Channel,
        new NamedRef(r.RequesterId, r.RequesterName), new NamedRef(r.CategoryId, r.CategoryName), new NamedRef(r.TeamId, r.TeamName),
        r.AssigneeId is { } a ? new NamedRef(a, r.AssigneeName ?? "") : null,
        r.CreatedAt, r.UpdatedAt, r.IsOpen, r.IsArchived, r.Version);
}

/// <summary>JSON as integrations get it: camelCase, enums by name (the API uses the same settings).</summary>
public static class IntegrationJson
{
    public static readonly JsonSerializerOptions Options = Create();

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter());
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}
