namespace Helpdesk.Core.Admin;

/// <summary>
/// Tells open screens that admins changed fields, categories, people or settings (after the commit),
/// so a form being filled in shows a new field without a reload. Subscriptions are disposable; a
/// subscriber that throws never stops the others.
/// </summary>
public sealed class AdminSignal
{
    private readonly Lock _lock = new();
    private readonly List<Action<AdminArea>> _subscribers = [];

    public IDisposable Subscribe(Action<AdminArea> onChanged)
    {
        lock (_lock) _subscribers.Add(onChanged);
        return new Subscription(this, onChanged);
    }

    public void Raise(IEnumerable<AdminArea> areas)
    {
        Action<AdminArea>[] copy;
        lock (_lock) copy = [.. _subscribers];
        foreach (var area in areas.Distinct())
            foreach (var subscriber in copy)
            {
                try { subscriber(area); }
                catch (Exception) { /* one broken screen must not stop the others */ }
            }
    }

    private sealed class Subscription(AdminSignal signal, Action<AdminArea> handler) : IDisposable
    {
        public void Dispose()
        {
            lock (signal._lock) signal._subscribers.Remove(handler);
        }
    }
}
