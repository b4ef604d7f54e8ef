using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Core.Routing;

/// <summary>The facts of a ticket that escalation rules look at.</summary>
public sealed record EscalationSubject(bool IsOpen, bool IsArchived, DateTime CreatedAt, int TeamId, Priority Priority, Tier Tier, int? AssigneeId)
{
    public static EscalationSubject Of(Ticket t) => new(t.IsOpen, t.IsArchived, t.CreatedAt, t.TeamId, t.Priority, t.Tier, t.AssigneeId);
    public static EscalationSubject Of(TicketRow r) => new(r.IsOpen, r.IsArchived, r.CreatedAt, r.TeamId, r.Priority, r.Tier, r.AssigneeId);
}

/// <summary>Whether a rule applies to a ticket now, and when it falls due: one definition for scheduling and firing.</summary>
public static class EscalationPolicy
{
    /// <summary>
    /// An active rule applies to an open ticket created since the rule applies, of its team and
    /// priority (or more urgent), still unassigned for "not taken" rules, and with something left to
    /// do (a lead to notify, or a tier to raise).
    /// </summary>
    public static bool Applies(EscalationRule rule, EscalationSubject t) =>
        rule.IsActive && t.IsOpen && !t.IsArchived && t.CreatedAt >= rule.AppliesFrom
        && (rule.TeamId is not { } team || t.TeamId == team)
        && (rule.Priority is not { } priority || t.Priority <= priority)
        && (rule.Trigger != EscalationTrigger.NotTaken || t.AssigneeId is null)
        && (rule.NotifyLead || (rule.EscalateTo is { } tier && t.Tier < tier));

    /// <summary>Both triggers count from the ticket's creation.</summary>
    public static DateTime DueAt(EscalationRule rule, EscalationSubject t) => t.CreatedAt.AddMinutes(rule.AfterMinutes);
}
