using Helpdesk.Web.State;

namespace Helpdesk.Tests.Web.State;

/// <summary>An <see cref="IState{TState}"/> that counts its subscribers, to see a component let go of it.</summary>
public sealed class FakeState<TState>(TState value) : IState<TState>
{
    private EventHandler? _handlers;

    public TState Value { get; set; } = value;

    public int Subscribers => _handlers?.GetInvocationList().Length ?? 0;

    public event EventHandler? StateChanged
    {
        add => _handlers += value;
        remove => _handlers -= value;
    }

    public void Raise() => _handlers?.Invoke(this, EventArgs.Empty);
}
