using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Routing.Commands;

/// <summary>The escalation service fires a rule that fell due for a ticket (the system only).</summary>
public sealed record ApplyEscalationRule(int Number, int RuleId);

/// <summary>
/// Runs through the one write path as the system: re-checks the rule against the ticket as it is
/// now, escalates and/or notes the lead, and records the firing in the same transaction, so a
/// rule fires at most once per ticket whatever crashes or restarts happen around it.
/// </summary>
public sealed class ApplyEscalationRuleHandler(TicketWriter writer) : ITicketCommandHandler<ApplyEscalationRule>
{
    public Task<Result<TicketRow>> HandleAsync(Caller caller, ApplyEscalationRule command, CancellationToken ct = default) =>
        writer.UpdateAsync(nameof(ApplyEscalationRule), caller, command.Number, null, async (w, ticket) =>
        {
            if (caller.ActorId is not null) return w.Forbidden();
            var due = await w.Db.EscalationDue.SingleOrDefaultAsync(d => d.TicketId == ticket.Id && d.RuleId == command.RuleId, ct);
            if (due is not { FiredAt: null } || due.DueAt > w.Now) return null;
            var rule = await w.Db.EscalationRules.AsNoTracking().SingleOrDefaultAsync(r => r.Id == command.RuleId, ct);
            if (rule is null || !EscalationPolicy.Applies(rule, EscalationSubject.Of(ticket)))
            {
                // The ticket moved on (taken, resolved, reprioritised) before the schedule caught up.
                w.Db.EscalationDue.Remove(due);
                return null;
            }
            due.FiredAt = w.Now;

            if (rule.EscalateTo is { } tier && ticket.Tier < tier)
            {
                ticket.Escalate(tier, rule.MoveToTeamId, w.Now);
                w.Db.Comments.Add(new TicketComment(ticket.Id, CommentKind.System, null,
                    w.T("Escalated to {0} automatically: {1}", tier, rule.Name), w.Now, isInternal: true));
                w.Emit(ticket, TicketEventKind.Escalated);
            }
            if (rule.NotifyLead)
            {
                // The lead(s) are notified from the LeadAttention event; the note keeps it in the ticket's history.
                var leads = await (from m in w.Db.TeamMembers
                                   join u in w.Db.Users on m.UserId equals u.Id
                                   where m.TeamId == ticket.TeamId && m.IsLead && u.IsActive
                                   orderby u.DisplayName
                                   select u.DisplayName).ToListAsync(ct);
                var text = leads.Count == 0
                    ? w.T("{0} needs a lead's attention ({1}), but its team has no lead.", TicketNumber.Format(ticket.Number), rule.Name)
                    : w.T("{0}: {1} needs your attention ({2}).", string.Join(", ", leads.Select(n => "@" + n)), TicketNumber.Format(ticket.Number), rule.Name);
                w.Db.Comments.Add(new TicketComment(ticket.Id, CommentKind.System, null, text, w.Now, isInternal: true));
                w.Emit(ticket, TicketEventKind.LeadAttention, isInternal: true);
            }
            return null;
        }, ct);
}
