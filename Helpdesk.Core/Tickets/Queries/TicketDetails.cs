namespace Helpdesk.Core.Tickets.Queries;

/// <summary>Everything the ticket page shows, already cut to what the caller may see.</summary>
public sealed record TicketDetails(
    TicketRow Row,
    string Description,
    SystemDetails System,
    Impact Impact,
    Urgency Urgency,
    string? PriorityOverrideReason,
    string? Resolution,
    string? RejectionReason,
    DateTime? FirstRespondedAt,
    DateTime? ResolvedAt,
    string? RequesterEmail,
    string? RequesterLocation,
    IReadOnlyDictionary<string, string> CustomFields,
    IReadOnlyList<ConversationEntry> Conversation,
    IReadOnlyList<LinkEntry> Links,
    IReadOnlyList<AuditLine> Audit,
    IReadOnlyList<TicketStatus> AllowedStatuses,
    IReadOnlyList<StatusStep> StatusHistory)
{
    /// <summary>Colleagues following the ticket (staff only; empty for requesters).</summary>
    public IReadOnlyList<CollaboratorEntry> Collaborators { get; init; } = [];
}

/// <param name="Teams">The colleague's teams, comma-separated: tells why they may be outside the ticket's team.</param>
public sealed record CollaboratorEntry(int UserId, string DisplayName, string Teams, string? AddedBy, DateTime AddedAt);

/// <summary>One step of the status timeline a requester sees.</summary>
public sealed record StatusStep(DateTime At, TicketStatus Status);

public sealed record ConversationEntry(long Id, CommentKind Kind, bool IsInternal, int? AuthorId, string AuthorName, string Body, DateTime At);

public sealed record LinkEntry(LinkKind Kind, bool Outgoing, int Number, string Subject, TicketStatus Status);

public sealed record AuditLine(DateTime At, string? Actor, string Field, string? OldValue, string? NewValue);
