namespace Helpdesk.Web.State;

/// <summary>Sends actions to the circuit's store.</summary>
public interface IDispatcher
{
    /// <summary>
    /// Queues <paramref name="action"/> and, unless another call is already processing the queue, processes it
    /// before returning. Safe from any thread; an action dispatched while another is processed (from an effect,
    /// a <see cref="IStateChangedNotifier.StateChanged"/> handler or another thread) runs after it, in order.
    /// </summary>
    void Dispatch(object action);
}
