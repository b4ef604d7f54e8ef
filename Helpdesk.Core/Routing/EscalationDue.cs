namespace Helpdesk.Core.Routing;

/// <summary>
/// When a rule falls due for a ticket, stored so a restart loses nothing. A row exists while the
/// rule applies to the ticket; once it fires, <see cref="FiredAt"/> is set (in the same transaction
/// as the escalation) and the row stays, so the rule never fires twice for that ticket.
/// </summary>
public sealed class EscalationDue
{
    public int TicketId { get; set; }
    public int RuleId { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime? FiredAt { get; set; }
}
