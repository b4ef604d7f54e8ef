namespace Helpdesk.Web.State;

/// <summary>One circuit's store: every feature state, the reducers that replace them and the effects that react.</summary>
public interface IStore : IDispatcher
{
    /// <summary>The feature state types this store holds.</summary>
    IReadOnlyCollection<Type> FeatureStateTypes { get; }

    /// <summary>The current value of a feature state, for code that has no injected <see cref="IState{TState}"/>.</summary>
    /// <exception cref="InvalidOperationException"><typeparamref name="TState"/> is not a discovered feature state.</exception>
    TState GetState<TState>();
}
