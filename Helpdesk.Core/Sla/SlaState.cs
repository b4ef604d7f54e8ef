namespace Helpdesk.Core.Sla;

/// <summary>
/// Where a ticket stands against its service-level targets. The numbers order by how much a
/// screen should draw the eye, so "sort by SLA" is a plain sort on this column.
/// </summary>
public enum SlaState
{
    /// <summary>No policy applies (or the ticket predates SLAs).</summary>
    None = 0,
    /// <summary>Resolved or closed within its targets: the clock has stopped for good.</summary>
    Met = 1,
    /// <summary>Pending on the requester: the clock does not run.</summary>
    Paused = 2,
    OnTrack = 3,
    /// <summary>Past the configured share of the target that is counting now.</summary>
    AtRisk = 4,
    /// <summary>A target was missed; stays breached (for reports) even after the ticket is resolved.</summary>
    Breached = 5,
}
