namespace Helpdesk.Web.State;

/// <summary>The current value of one feature state, injected into components (scoped: one per circuit).</summary>
/// <typeparam name="TState">A record marked <see cref="FeatureStateAttribute"/>.</typeparam>
public interface IState<TState> : IStateChangedNotifier
{
    /// <summary>The current state; replaced, never mutated, by reducers.</summary>
    TState Value { get; }
}
