using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Core.Tickets.Commands;

/// <summary>One intent, one handler; all of them run through <see cref="TicketWriter"/>.</summary>
public interface ITicketCommandHandler<in TCommand>
{
    Task<Result<TicketRow>> HandleAsync(Caller caller, TCommand command, CancellationToken ct = default);
}
