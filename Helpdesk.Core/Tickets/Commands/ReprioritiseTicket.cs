using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Core.Tickets.Commands;

/// <param name="OverridePriority">Set to depart from the matrix; needs <paramref name="Reason"/>.</param>
public sealed record ReprioritiseTicket(int Number, Impact Impact, Urgency Urgency, Priority? OverridePriority = null, string? Reason = null, int? ExpectedVersion = null);

public sealed class ReprioritiseTicketHandler(TicketWriter writer) : ITicketCommandHandler<ReprioritiseTicket>
{
    public Task<Result<TicketRow>> HandleAsync(Caller caller, ReprioritiseTicket command, CancellationToken ct = default) =>
        writer.UpdateAsync(nameof(ReprioritiseTicket), caller, command.Number, command.ExpectedVersion, (w, ticket) =>
        {
            if (!caller.IsStaff) return Task.FromResult<CommandError?>(w.Forbidden());
            ticket.Reprioritise(command.Impact, command.Urgency, command.OverridePriority, command.Reason, w.Now);
            w.Emit(ticket, TicketEventKind.Reprioritised);
            return Task.FromResult<CommandError?>(null);
        }, ct);
}
