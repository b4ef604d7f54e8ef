namespace Helpdesk.Core.Application;

/// <summary>
/// In-process news of one kind, to whoever subscribed (open screens, background services).
/// Subscriptions are disposable; a subscriber that throws never stops the others.
/// </summary>
public abstract class Signal<T>
{
    private readonly Lock _lock = new();
    private Action<T>[] _subscribers = [];

    public IDisposable Subscribe(Action<T> handler)
    {
        lock (_lock) _subscribers = [.. _subscribers, handler];
        return new Subscription(this, handler);
    }

    public void Raise(T value)
    {
        foreach (var subscriber in Volatile.Read(ref _subscribers))
        {
            try { subscriber(value); }
            catch (Exception) { /* one broken subscriber must not stop the others */ }
        }
    }

    private sealed class Subscription(Signal<T> signal, Action<T> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (signal._lock) signal._subscribers = [.. signal._subscribers.Where(s => s != handler)];
        }
    }
}
