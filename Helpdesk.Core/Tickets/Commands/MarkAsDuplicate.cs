using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Commands;

/// <summary>
/// Links the ticket as a duplicate of <paramref name="OriginalNumber"/> and, when its status allows
/// it, rejects it with the reason "Duplicate of HD-1042": one change, one transaction.
/// </summary>
public sealed record MarkAsDuplicate(int Number, int OriginalNumber, int? ExpectedVersion = null);

public sealed class MarkAsDuplicateHandler(TicketWriter writer) : ITicketCommandHandler<MarkAsDuplicate>
{
    public Task<Result<TicketRow>> HandleAsync(Caller caller, MarkAsDuplicate command, CancellationToken ct = default) =>
        writer.UpdateAsync(nameof(MarkAsDuplicate), caller, command.Number, command.ExpectedVersion, async (w, ticket) =>
        {
            if (!caller.IsStaff) return w.Forbidden();
            var original = await w.Db.Tickets.Where(TicketAccess.VisibleTo(caller)).SingleOrDefaultAsync(t => t.Number == command.OriginalNumber, ct);
            if (original is null)
                return w.Invalid(nameof(command.OriginalNumber), w.T("Ticket {0} was not found.", TicketNumber.Format(command.OriginalNumber)));
            if (original.Id == ticket.Id)
                return w.Invalid(nameof(command.OriginalNumber), w.T("A ticket cannot be linked to itself."));

            var linked = await w.Db.Links.AnyAsync(l => l.FromTicketId == ticket.Id && l.ToTicketId == original.Id && l.Kind == LinkKind.DuplicateOf, ct);
            if (!linked)
            {
                w.Db.Links.Add(new TicketLink(ticket.Id, original.Id, LinkKind.DuplicateOf, caller.ActorId, w.Now));
                ticket.RecordReply(caller.UserId, isPublic: false, w.Now);
                w.Emit(ticket, TicketEventKind.Linked, isInternal: true);
            }
            if (TicketTransitions.IsAllowed(ticket.Status, TicketStatus.Rejected))
            {
                ticket.ChangeStatus(TicketStatus.Rejected, w.Now, reason: w.T("Duplicate of {0}", TicketNumber.Format(original.Number)));
                w.Emit(ticket, TicketEventKind.StatusChanged);
            }
            return null;
        }, ct);
}
