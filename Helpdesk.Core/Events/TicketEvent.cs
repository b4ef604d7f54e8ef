using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Core.Events;

public enum TicketEventKind
{
    Created,
    StatusChanged,
    Assigned,
    Escalated,
    Reprioritised,
    Recategorised,
    Replied,
    NoteAdded,
    Linked,
    Archived,
    /// <summary>A colleague started or stopped following the ticket (always internal).</summary>
    CollaboratorsChanged,
    /// <summary>The SLA clock passed the at-risk share of a target (fired once per target, by the system).</summary>
    SlaAtRisk,
    /// <summary>A target was missed (fired once per target, by the system; recorded for reports).</summary>
    SlaBreached,
    /// <summary>Custom field values changed.</summary>
    FieldsChanged,
    /// <summary>An escalation rule asked for the team lead (always internal; the lead is notified).</summary>
    LeadAttention,
}

/// <summary>
/// Something committed happened to a ticket. <see cref="Sequence"/> is global and strictly
/// increasing, so a screen that remembers the last one it applied can tell when it missed any.
/// <see cref="IsInternal"/> events (notes) never reach requesters.
/// </summary>
public sealed record TicketEvent(long Sequence, TicketEventKind Kind, DateTime At, int? ActorId, bool IsInternal, TicketRow Row)
{
    /// <summary>
    /// The row before the change (live delivery only; not in the event log): lets a view adjust its
    /// counters and drop a row that left it without asking the database. Null for new tickets.
    /// </summary>
    public TicketRow? Previous { get; init; }

    /// <summary>
    /// Set on the copy sent to someone who could see the ticket before but not after (it moved to
    /// another team): <see cref="Row"/> is then the old row, and the receiver should drop it.
    /// </summary>
    public bool Revoked { get; init; }
}
