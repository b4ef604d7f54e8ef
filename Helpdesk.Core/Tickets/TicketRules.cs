namespace Helpdesk.Core.Tickets;

/// <summary>Operator-tunable rules of the ticket lifecycle (appsettings.json "Tickets").</summary>
public sealed class TicketRules
{
    /// <summary>How long after resolution a requester may reopen.</summary>
    public int ReopenWithinDays { get; set; } = 14;

    /// <summary>Closed tickets older than this leave the working set (never deleted).</summary>
    public int ArchiveClosedAfterDays { get; set; } = 365;
}
