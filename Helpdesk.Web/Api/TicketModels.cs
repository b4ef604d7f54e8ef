using Helpdesk.Core.Integrations;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.AspNetCore.Mvc;

namespace Helpdesk.Web.Api;

/// <summary>A new ticket. Requesters always file for themselves; staff may name another requester (default: themselves).</summary>
/// <param name="Impact">Who is affected (default Individual); with <paramref name="Urgency"/> it gives the priority (Organisation + BlocksWork = P1).</param>
/// <param name="System">For categories that need it: the device, asset tag or application concerned.</param>
/// <param name="AssignToMe">Staff: take the ticket at once (it starts In progress).</param>
/// <param name="ParentNumber">Make it a follow-up of this ticket.</param>
public sealed record CreateTicketRequest(
    string? Subject,
    string? Description,
    int? CategoryId,
    Impact? Impact = null,
    Urgency? Urgency = null,
    int? RequesterId = null,
    SystemResource? System = null,
    Dictionary<string, string>? CustomFields = null,
    bool AssignToMe = false,
    int? ParentNumber = null);

/// <summary>Fields to change; those left out (or null) stay as they are.</summary>
/// <param name="Priority">Differs from the impact × urgency matrix: an override, which needs <paramref name="PriorityReason"/>.</param>
public sealed record UpdateTicketRequest(Impact? Impact = null, Urgency? Urgency = null, Priority? Priority = null, string? PriorityReason = null, int? CategoryId = null);

/// <param name="Resolution">Required to resolve.</param>
/// <param name="Reason">Required to reject.</param>
public sealed record ChangeStatusRequest(TicketStatus? Status, string? Resolution = null, string? Reason = null);

/// <param name="AssigneeId">A member of the ticket's team; null unassigns (back to the team's queue).</param>
public sealed record AssignRequest(int? AssigneeId);

/// <param name="TeamId">Optionally hand it to another team at the same time.</param>
public sealed record EscalateRequest(Tier? Tier, string? Reason, int? TeamId = null);

public sealed record CommentRequest(string? Body);

/// <param name="OtherNumber">The other ticket's number (1042 for HD-1042).</param>
public sealed record LinkRequest(int? OtherNumber, LinkKind? Kind);

/// <summary>A page of tickets. Pass <see cref="NextCursor"/> as <c>cursor</c> with the same filters, or follow <see cref="Next"/>.</summary>
public sealed record TicketList(IReadOnlyList<TicketSummary> Items, string? NextCursor, string? Next);

/// <summary>The system concerned (hardware and software requests).</summary>
public sealed record SystemResource(string? AssetTag = null, string? DeviceType = null, string? OperatingSystem = null, string? Application = null, string? ApplicationVersion = null)
{
    public static SystemResource? From(SystemDetails s) => s.IsEmpty ? null : new(s.AssetTag, s.DeviceType, s.OperatingSystem, s.Application, s.ApplicationVersion);

    public SystemDetails ToDetails() => new()
    {
        AssetTag = AssetTag, DeviceType = DeviceType, OperatingSystem = OperatingSystem, Application = Application, ApplicationVersion = ApplicationVersion,
    };
}

public sealed record LinkResource(LinkKind Kind, bool Outgoing, int Number, string DisplayNumber, string Subject, TicketStatus Status);

public sealed record CommentResource(long Id, CommentKind Kind, bool IsInternal, NamedRef? Author, string Body, DateTime CreatedAt)
{
    public static CommentResource From(ConversationEntry c) =>
        new(c.Id, c.Kind, c.IsInternal, c.AuthorId is { } id ? new NamedRef(id, c.AuthorName) : null, c.Body, c.At);
}

/// <summary>One ticket with everything the caller may see of it (requesters: no staff-only fields).</summary>
public sealed record TicketResource(
    int Number,
    string DisplayNumber,
    string Subject,
    string Description,
    TicketStatus Status,
    Priority Priority,
    Impact Impact,
    Urgency Urgency,
    string? PriorityOverrideReason,
    Tier Tier,
    Channel Channel,
    NamedRef Requester,
    NamedRef Category,
    NamedRef Team,
    NamedRef? Assignee,
    SystemResource? System,
    IReadOnlyDictionary<string, string> CustomFields,
    string? Resolution,
    string? RejectionReason,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? FirstRespondedAt,
    DateTime? ResolvedAt,
    bool IsOpen,
    bool IsArchived,
    int Version,
    IReadOnlyList<TicketStatus> AllowedStatuses,
    IReadOnlyList<LinkResource> Links)
{
    public static TicketResource From(TicketDetails d)
    {
        var s = TicketSummary.From(d.Row);
        return new(s.Number, s.DisplayNumber, s.Subject, d.Description, s.Status, s.Priority, d.Impact, d.Urgency, d.PriorityOverrideReason,
            s.Tier, s.Channel, s.Requester, s.Category, s.Team, s.Assignee, SystemResource.From(d.System), d.CustomFields, d.Resolution, d.RejectionReason,
            s.CreatedAt, s.UpdatedAt, d.FirstRespondedAt, d.ResolvedAt, s.IsOpen, s.IsArchived, s.Version, d.AllowedStatuses,
            [.. d.Links.Select(l => new LinkResource(l.Kind, l.Outgoing, l.Number, TicketNumber.Format(l.Number), l.Subject, l.Status))]);
    }
}

/// <summary>The list's query string: the dashboard's filters, a sort and a cursor.</summary>
public sealed record TicketListQuery
{
    /// <summary>Which queue (default AllOpen: every open ticket you may see; All includes closed and archived).</summary>
    [FromQuery(Name = "view")] public QueueView? View { get; init; }
    /// <summary>Repeat to match any: status=Open&amp;status=Pending.</summary>
    [FromQuery(Name = "status")] public TicketStatus[]? Status { get; init; }
    [FromQuery(Name = "priority")] public Priority[]? Priority { get; init; }
    [FromQuery(Name = "tier")] public Tier[]? Tier { get; init; }
    /// <summary>Category ids.</summary>
    [FromQuery(Name = "category")] public int[]? Category { get; init; }
    /// <summary>A team id.</summary>
    [FromQuery(Name = "team")] public int? Team { get; init; }
    /// <summary>Custom field conditions as key:value, all of which must hold (field=os:windows-11&amp;field=apps:teams).</summary>
    [FromQuery(Name = "field")] public string[]? Field { get; init; }
    /// <summary>Free text in subject or description, or a ticket number (HD-1042).</summary>
    [FromQuery(Name = "q")] public string? Q { get; init; }
    /// <summary>Default UpdatedDesc (recently changed first). UpdatedAsc with a cursor reads "what changed since".</summary>
    [FromQuery(Name = "sort")] public QueueSort? Sort { get; init; }
    /// <summary>1 to 200, default 50.</summary>
    [FromQuery(Name = "limit")] public int? Limit { get; init; }
    /// <summary>nextCursor of the previous page.</summary>
    [FromQuery(Name = "cursor")] public string? Cursor { get; init; }
}
