namespace Helpdesk.Core.Tickets;

/// <summary>Where a ticket stands in its lifecycle (seed 004: reception to closure).</summary>
public enum TicketStatus
{
    New = 0,
    Open = 1,
    InProgress = 2,
    Pending = 3,
    Resolved = 4,
    Closed = 5,
    Rejected = 6,
    Reopened = 7,
}

public static class TicketStatusExtensions
{
    /// <summary>Open means "still work to do": it drives the working queues and their partial indexes.</summary>
    public static bool IsOpen(this TicketStatus status) =>
        status is not (TicketStatus.Resolved or TicketStatus.Closed or TicketStatus.Rejected);
}
