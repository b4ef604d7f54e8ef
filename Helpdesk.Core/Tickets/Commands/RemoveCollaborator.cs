using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Commands;

/// <summary>A colleague stops following the ticket (and, outside its team, no longer sees it).</summary>
public sealed record RemoveCollaborator(int Number, int UserId);

public sealed class RemoveCollaboratorHandler(TicketWriter writer) : ITicketCommandHandler<RemoveCollaborator>
{
    public Task<Result<TicketRow>> HandleAsync(Caller caller, RemoveCollaborator command, CancellationToken ct = default) =>
        writer.UpdateAsync(nameof(RemoveCollaborator), caller, command.Number, null, async (w, ticket) =>
        {
            if (!caller.IsStaff) return w.Forbidden();
            var follower = await w.Db.Collaborators.SingleOrDefaultAsync(c => c.TicketId == ticket.Id && c.UserId == command.UserId, ct);
            if (follower is null) return null;
            w.Db.Collaborators.Remove(follower);
            w.Emit(ticket, TicketEventKind.CollaboratorsChanged, isInternal: true);
            return null;
        }, ct);
}
