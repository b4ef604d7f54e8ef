using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Core.Wall;

/// <summary>How many open tickets share one combination of what the wall counts.</summary>
public sealed record WallCell(TicketStatus Status, Priority Priority, bool Unassigned, SlaState Sla, int Count);

/// <summary>
/// Everything a wall shows, read in one snapshot with the event sequence it reflects. Lists are
/// the first few only (the wall keeps them topped up from events and reloads when they run dry).
/// </summary>
public sealed record WallSnapshot(
    long AsOfSequence,
    IReadOnlyList<WallCell> Open,
    IReadOnlyList<TicketRow> OldestWaiting,
    IReadOnlyList<TicketRow> SlaUrgent,
    IReadOnlyList<int> CreatedByHour,
    IReadOnlyList<int> ResolvedByHour,
    IReadOnlyList<int> AgentIds);
