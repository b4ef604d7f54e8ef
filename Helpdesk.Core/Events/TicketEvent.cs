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
}

/// <summary>
/// Something committed happened to a ticket. <see cref="Sequence"/> is global and strictly
/// increasing, so a screen that remembers the last one it applied can tell when it missed any.
/// <see cref="IsInternal"/> events (notes) never reach requesters.
/// </summary>
public sealed record TicketEvent(long Sequence, TicketEventKind Kind, DateTime At, int? ActorId, bool IsInternal, TicketRow Row);
