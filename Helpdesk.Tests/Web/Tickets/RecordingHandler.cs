using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Web.Tickets;

/// <summary>A command handler that writes nothing: it keeps what it was asked and answers with <see cref="Answer"/>.</summary>
public sealed class RecordingHandler<TCommand> : ITicketCommandHandler<TCommand>
{
    public List<(Caller Caller, TCommand Command)> Received { get; } = [];
    public Result<TicketRow> Answer { get; set; } = new TicketRow { Number = 9_999 };

    public Task<Result<TicketRow>> HandleAsync(Caller caller, TCommand command, CancellationToken ct = default)
    {
        Received.Add((caller, command));
        return Task.FromResult(Answer);
    }
}
