namespace Helpdesk.Web.State;

/// <summary>Something that announces a change of state; lets <see cref="StoreComponent"/> subscribe without knowing the state type.</summary>
public interface IStateChangedNotifier
{
    /// <summary>
    /// Raised after the state was replaced by a different object. Raised on the thread that processed the
    /// action, which is often not the circuit's: components must marshal with <c>InvokeAsync</c>.
    /// </summary>
    event EventHandler? StateChanged;
}
