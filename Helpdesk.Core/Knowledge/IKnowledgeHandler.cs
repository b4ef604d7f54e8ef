using Helpdesk.Core.Application;

namespace Helpdesk.Core.Knowledge;

/// <summary>Runs one knowledge command for a caller (found by <see cref="KnowledgeSetup"/>; pages inject it by its command).</summary>
public interface IKnowledgeHandler<in TCommand, TResult>
{
    Task<Result<TResult>> HandleAsync(Caller caller, TCommand command, CancellationToken ct = default);
}
