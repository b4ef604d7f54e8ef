namespace Helpdesk.Core.Tickets;

/// <summary>
/// Operator-tunable rules of the ticket lifecycle: appsettings.json "Tickets" gives the defaults, admins
/// change them in the app (<see cref="Settings.DeskSettings"/> updates this one shared instance in place).
/// </summary>
public sealed class TicketRules
{
    /// <summary>How long after resolution a requester may reopen.</summary>
    public int ReopenWithinDays { get; set; } = 14;

    /// <summary>Closed tickets older than this leave the working set (never deleted).</summary>
    public int ArchiveClosedAfterDays { get; set; } = 365;

    /// <summary>Resolved tickets the requester neither confirms nor reopens are closed after this many days; 0 keeps them resolved.</summary>
    public int AutoCloseResolvedAfterDays { get; set; }
}
