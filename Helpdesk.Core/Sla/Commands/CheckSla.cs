using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Core.Sla.Commands;

/// <summary>The SLA service asks the clock to look at a ticket whose at-risk or breach moment came (the system only).</summary>
public sealed record CheckSla(int Number);

/// <summary>
/// Changes nothing itself: the write path runs the SLA clock on the ticket, which fires what is due
/// and records it in this transaction, so a moment fires once whatever restarts happen around it.
/// </summary>
public sealed class CheckSlaHandler(TicketWriter writer) : ITicketCommandHandler<CheckSla>
{
    public Task<Result<TicketRow>> HandleAsync(Caller caller, CheckSla command, CancellationToken ct = default) =>
        writer.UpdateAsync(nameof(CheckSla), caller, command.Number, null,
            (w, _) => Task.FromResult(caller.ActorId is null ? null : w.Forbidden()), ct);
}
