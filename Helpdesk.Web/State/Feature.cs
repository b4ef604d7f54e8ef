namespace Helpdesk.Web.State;

/// <summary>One feature's state in one store; it is also what components get as <see cref="IState{TState}"/>.</summary>
internal sealed class Feature<TState>(TState initial) : IFeature, IState<TState> where TState : class
{
    // Written only by the thread that drains the store's queue; read from anywhere.
    private volatile TState _value = initial;

    public TState Value => _value;

    public object State
    {
        get => _value;
        set => _value = (TState)value;
    }

    public event EventHandler? StateChanged;

    public void NotifyStateChanged(ILogger logger)
    {
        if (StateChanged is not { } handlers) return;
        // One failing subscriber must not keep the change from the others.
        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler>())
        {
            try { handler(this, EventArgs.Empty); }
            catch (Exception ex) { logger.LogError(ex, "A StateChanged handler of {State} failed.", typeof(TState).Name); }
        }
    }
}
