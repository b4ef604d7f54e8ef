using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Commands;

/// <summary>Links ticket <paramref name="Number"/> to <paramref name="OtherNumber"/> (parent of, related, duplicate of).</summary>
public sealed record LinkTickets(int Number, int OtherNumber, LinkKind Kind, int? ExpectedVersion = null);

public sealed class LinkTicketsHandler(TicketWriter writer) : ITicketCommandHandler<LinkTickets>
{
    public Task<Result<TicketRow>> HandleAsync(Caller caller, LinkTickets command, CancellationToken ct = default) =>
        writer.UpdateAsync(nameof(LinkTickets), caller, command.Number, command.ExpectedVersion, async (w, ticket) =>
        {
            if (!caller.IsStaff) return w.Forbidden();
            var other = await w.Db.Tickets.Where(TicketAccess.VisibleTo(caller)).SingleOrDefaultAsync(t => t.Number == command.OtherNumber, ct);
            if (other is null)
                return w.Invalid(nameof(command.OtherNumber), w.T("Ticket {0} was not found.", TicketNumber.Format(command.OtherNumber)));
            if (other.Id == ticket.Id)
                return w.Invalid(nameof(command.OtherNumber), w.T("A ticket cannot be linked to itself."));
            var exists = await w.Db.Links.AnyAsync(l => l.FromTicketId == ticket.Id && l.ToTicketId == other.Id && l.Kind == command.Kind, ct);
            if (exists) return null;
            w.Db.Links.Add(new TicketLink(ticket.Id, other.Id, command.Kind, caller.ActorId, w.Now));
            ticket.RecordReply(caller.UserId, isPublic: false, w.Now);
            w.Emit(ticket, TicketEventKind.Linked, isInternal: true);
            return null;
        }, ct);
}
