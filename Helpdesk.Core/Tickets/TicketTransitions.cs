namespace Helpdesk.Core.Tickets;

/// <summary>
/// The one table of allowed status changes. A service-desk manager should be able to read it:
/// each line is "from" and the states it may move to.
/// </summary>
public static class TicketTransitions
{
    private static readonly Dictionary<TicketStatus, TicketStatus[]> Allowed = new()
    {
        [TicketStatus.New] = [TicketStatus.Open, TicketStatus.InProgress, TicketStatus.Rejected],
        [TicketStatus.Open] = [TicketStatus.InProgress, TicketStatus.Pending, TicketStatus.Resolved, TicketStatus.Rejected],
        [TicketStatus.InProgress] = [TicketStatus.Pending, TicketStatus.Resolved, TicketStatus.Open],
        [TicketStatus.Pending] = [TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Open],
        [TicketStatus.Resolved] = [TicketStatus.Closed, TicketStatus.Reopened],
        [TicketStatus.Closed] = [TicketStatus.Reopened],
        [TicketStatus.Rejected] = [TicketStatus.Reopened],
        [TicketStatus.Reopened] = [TicketStatus.InProgress, TicketStatus.Pending, TicketStatus.Resolved, TicketStatus.Open],
    };

    public static IReadOnlyList<TicketStatus> From(TicketStatus status) => Allowed[status];

    public static bool IsAllowed(TicketStatus from, TicketStatus to) => Allowed[from].Contains(to);
}
