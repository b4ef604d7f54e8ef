using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Commands;

/// <summary>A colleague starts following the ticket (and may see it from then on). Adding a follower again changes nothing.</summary>
public sealed record AddCollaborator(int Number, int UserId);

public sealed class AddCollaboratorHandler(TicketWriter writer) : ITicketCommandHandler<AddCollaborator>
{
    public Task<Result<TicketRow>> HandleAsync(Caller caller, AddCollaborator command, CancellationToken ct = default) =>
        writer.UpdateAsync(nameof(AddCollaborator), caller, command.Number, null, async (w, ticket) =>
        {
            if (!caller.IsStaff) return w.Forbidden();
            if (!await Collaboration.ActiveStaff(w.Db).AnyAsync(u => u.Id == command.UserId, ct))
                return w.Invalid(nameof(command.UserId), w.T("Only an active colleague can follow a ticket."));
            await Collaboration.AddAsync(w, ticket, [command.UserId], ct);
            return null;
        }, ct);
}
