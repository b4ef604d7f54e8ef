using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Commands;

/// <param name="ToTeamId">Optionally hand it to another team at the same time (it leaves the assignee).</param>
public sealed record EscalateTicket(int Number, Tier ToTier, string Reason, int? ToTeamId = null, int? ExpectedVersion = null);

public sealed class EscalateTicketHandler(TicketWriter writer) : ITicketCommandHandler<EscalateTicket>
{
    public Task<Result<TicketRow>> HandleAsync(Caller caller, EscalateTicket command, CancellationToken ct = default) =>
        writer.UpdateAsync(nameof(EscalateTicket), caller, command.Number, command.ExpectedVersion, async (w, ticket) =>
        {
            if (!caller.IsStaff) return w.Forbidden();
            var errors = new FieldErrors();
            errors.Required(nameof(command.Reason), command.Reason, w.T("Say why the ticket is escalated."));
            if (command.ToTeamId is { } team && !await w.Db.Teams.AnyAsync(t => t.Id == team, ct))
                errors.Add(nameof(command.ToTeamId), w.T("Choose a team."));
            if (errors.Any) return w.Invalid(errors);

            ticket.Escalate(command.ToTier, command.ToTeamId, w.Now);
            w.Db.Comments.Add(new TicketComment(ticket.Id, CommentKind.System, caller.ActorId,
                w.T("Escalated to {0}: {1}", command.ToTier, command.Reason.Trim()), w.Now, isInternal: true));
            w.Emit(ticket, TicketEventKind.Escalated);
            return null;
        }, ct);
}
