using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Core.Tickets.Commands;

/// <param name="Resolution">Required when resolving: stays on the ticket for reuse.</param>
/// <param name="Reason">Required when rejecting.</param>
public sealed record ChangeStatus(int Number, TicketStatus To, string? Resolution = null, string? Reason = null, int? ExpectedVersion = null);

public sealed class ChangeStatusHandler(TicketWriter writer, TicketRules rules) : ITicketCommandHandler<ChangeStatus>
{
    public Task<Result<TicketRow>> HandleAsync(Caller caller, ChangeStatus command, CancellationToken ct = default) =>
        writer.UpdateAsync(nameof(ChangeStatus), caller, command.Number, command.ExpectedVersion, (w, ticket) =>
        {
            if (!caller.IsStaff && !RequesterMay(ticket, command.To, w.Now)) return Task.FromResult<CommandError?>(w.Forbidden());
            ticket.ChangeStatus(command.To, w.Now, command.Resolution, command.Reason);
            w.Emit(ticket, TicketEventKind.StatusChanged);
            return Task.FromResult<CommandError?>(null);
        }, ct);

    /// <summary>A requester may confirm a resolution (close) or reopen within the configured days.</summary>
    private bool RequesterMay(Ticket ticket, TicketStatus to, DateTime now) => (ticket.Status, to) switch
    {
        (TicketStatus.Resolved, TicketStatus.Closed) => true,
        (TicketStatus.Resolved or TicketStatus.Closed, TicketStatus.Reopened) =>
            (ticket.ResolvedAt ?? ticket.ClosedAt ?? now) >= now.AddDays(-rules.ReopenWithinDays),
        _ => false,
    };
}
