using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

/// <summary>The two targets a ticket is measured against.</summary>
public enum SlaTarget
{
    FirstResponse = 0,
    Resolution = 1,
}

/// <summary>
/// A ticket's SLA clock between writes: the targets it was given (a copy, so later policy edits do
/// not change them unless asked), what has fired, and when the clock next needs a look. Kept in the
/// same transaction as every change to the ticket; the SLA service polls <see cref="NextCheckAt"/>.
/// </summary>
public sealed class TicketSla
{
    public int TicketId { get; set; }
    public int? PolicyId { get; set; }
    public string? PolicyName { get; set; }
    public int? CalendarId { get; set; }
    public int? FirstResponseMinutes { get; set; }
    public int? ResolutionMinutes { get; set; }
    public int AtRiskPercent { get; set; }
    /// <summary>What the policy was chosen for: a change of any of them chooses again.</summary>
    public Priority Priority { get; set; }
    public int CategoryId { get; set; }
    public int TeamId { get; set; }
    /// <summary>Set by a policy change "with recalculation": the next look chooses the policy again.</summary>
    public bool Recalculate { get; set; }
    public DateTime? FirstResponseAtRiskAt { get; set; }
    public DateTime? FirstResponseBreachedAt { get; set; }
    public DateTime? ResolutionAtRiskAt { get; set; }
    public DateTime? ResolutionBreachedAt { get; set; }
    /// <summary>The next at-risk or breach moment not yet fired, while the clock runs; null otherwise.</summary>
    public DateTime? NextCheckAt { get; set; }
}

/// <summary>A stretch of a ticket's life its clock did not run (pending on the requester, or resolved until reopened).</summary>
public sealed class SlaPause
{
    public int Id { get; set; }
    public int TicketId { get; set; }
    public DateTime From { get; set; }
    public DateTime? To { get; set; }
    public SlaPauseReason Reason { get; set; }
}

/// <summary>A missed target, kept for reports: at most one per ticket and target.</summary>
public sealed class SlaBreach
{
    public int Id { get; set; }
    public int TicketId { get; set; }
    public SlaTarget Target { get; set; }
    public int? PolicyId { get; set; }
    public string? PolicyName { get; set; }
    public int TeamId { get; set; }
    public Priority Priority { get; set; }
    public DateTime DueAt { get; set; }
    /// <summary>When the desk noticed (the SLA service's poll, or the write that made it late).</summary>
    public DateTime BreachedAt { get; set; }
}
