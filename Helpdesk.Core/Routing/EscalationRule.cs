using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Routing;

/// <summary>When an escalation rule's clock runs.</summary>
public enum EscalationTrigger
{
    /// <summary>Still nobody assigned this long after the ticket was created ("not taken").</summary>
    NotTaken = 0,
    /// <summary>Still open this long after it was created.</summary>
    OpenLongerThan = 1,
}

/// <summary>
/// "A P1 not taken within 15 minutes goes to L2 and the lead hears of it." Each rule fires at most
/// once per ticket, at a due time stored per ticket (<see cref="EscalationDue"/>), by the system.
/// </summary>
public sealed class EscalationRule
{
    public const int NameMax = 100;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public EscalationTrigger Trigger { get; set; }
    /// <summary>Minutes after the ticket's creation.</summary>
    public int AfterMinutes { get; set; }
    /// <summary>Only tickets of this priority or more urgent (P1 is the most urgent); null: any.</summary>
    public Priority? Priority { get; set; }
    /// <summary>Only tickets of this team; null: any team.</summary>
    public int? TeamId { get; set; }
    /// <summary>Raise the ticket to this tier (if it is lower); null: leave the tier.</summary>
    public Tier? EscalateTo { get; set; }
    /// <summary>Hand it to this team as well (it leaves its assignee); null: same team.</summary>
    public int? MoveToTeamId { get; set; }
    /// <summary>Tell the team's lead(s): an internal note naming them, until notifications exist.</summary>
    public bool NotifyLead { get; set; }
    /// <summary>
    /// Tickets created before this moment are left alone, so switching a rule on never floods the
    /// desk with escalations of the old backlog.
    /// </summary>
    public DateTime AppliesFrom { get; set; }
}
