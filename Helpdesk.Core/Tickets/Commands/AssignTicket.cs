using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Commands;

/// <param name="AssigneeId">Null unassigns: the ticket goes back to its team's queue.</param>
public sealed record AssignTicket(int Number, int? AssigneeId, int? ExpectedVersion = null);

public sealed class AssignTicketHandler(TicketWriter writer) : ITicketCommandHandler<AssignTicket>
{
    public Task<Result<TicketRow>> HandleAsync(Caller caller, AssignTicket command, CancellationToken ct = default) =>
        writer.UpdateAsync(nameof(AssignTicket), caller, command.Number, command.ExpectedVersion, async (w, ticket) =>
        {
            if (!caller.IsStaff) return w.Forbidden();
            if (command.AssigneeId is { } id)
            {
                var inTeam = await (from m in w.Db.TeamMembers
                                    join u in w.Db.Users on m.UserId equals u.Id
                                    where m.TeamId == ticket.TeamId && u.Id == id && u.IsActive
                                    select u.Id).AnyAsync(ct);
                if (!inTeam)
                {
                    var team = await w.Db.Teams.Where(t => t.Id == ticket.TeamId).Select(t => t.Name).SingleAsync(ct);
                    return w.Invalid(nameof(command.AssigneeId), w.T("Only an active member of {0} can be assigned this ticket.", team));
                }
            }
            ticket.Assign(command.AssigneeId, w.Now);
            w.Emit(ticket, TicketEventKind.Assigned);
            return null;
        }, ct);
}

/// <summary>Who counts as staff for assignment: used by pickers.</summary>
public static class StaffRoles
{
    public static readonly string[] Names = [Roles.Agent, Roles.TeamLead, Roles.Admin];
}
