using Helpdesk.Core.Routing;

namespace Helpdesk.Web.Realtime;

/// <summary>Someone's presence changed: they came online or went offline, or marked themself away or back.</summary>
public sealed record AgentStatusChanged(int UserId, bool Online, bool? Away);

/// <summary>
/// Who is online (has at least one connected circuit) in this process, and availability changes as
/// they happen. Routing asks it (<see cref="IOnlineAgents"/>); boards watch it to update column
/// headers. Circuits are counted while their connection is up, so closing the last tab takes a
/// person offline at once (not when the disconnected circuit is finally discarded).
/// </summary>
public sealed class AgentPresence(ILogger<AgentPresence> log) : IOnlineAgents
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _circuits = [];
    private readonly Dictionary<int, int> _connections = [];
    private Func<AgentStatusChanged, Task>[] _watchers = [];

    public bool IsOnline(int userId)
    {
        lock (_gate) return _connections.GetValueOrDefault(userId) > 0;
    }

    /// <summary>A circuit's connection is up. Idempotent per circuit (a reconnect calls it again).</summary>
    public void Connected(string circuitId, int userId)
    {
        bool cameOnline;
        lock (_gate)
        {
            if (_circuits.ContainsKey(circuitId)) return;
            _circuits[circuitId] = userId;
            var n = _connections.GetValueOrDefault(userId) + 1;
            _connections[userId] = n;
            cameOnline = n == 1;
        }
        if (cameOnline) Notify(new AgentStatusChanged(userId, true, null));
    }

    /// <summary>A circuit's connection went down or the circuit closed. Idempotent per circuit.</summary>
    public void Disconnected(string circuitId)
    {
        int userId;
        bool wentOffline;
        lock (_gate)
        {
            if (!_circuits.Remove(circuitId, out userId)) return;
            var n = _connections.GetValueOrDefault(userId) - 1;
            if (n <= 0) _connections.Remove(userId);
            else _connections[userId] = n;
            wentOffline = n <= 0;
        }
        if (wentOffline) Notify(new AgentStatusChanged(userId, false, null));
    }

    /// <summary>The person saved a new availability (the database already holds it).</summary>
    public void AvailabilityChanged(int userId, bool away) => Notify(new AgentStatusChanged(userId, IsOnline(userId), away));

    /// <summary>Calls back (off the circuit's thread) on every change. Dispose to stop.</summary>
    public IDisposable Watch(Func<AgentStatusChanged, Task> onChange)
    {
        lock (_gate) _watchers = [.. _watchers, onChange];
        return new Unwatch(() => { lock (_gate) _watchers = [.. _watchers.Where(w => w != onChange)]; });
    }

    private void Notify(AgentStatusChanged change)
    {
        var targets = Volatile.Read(ref _watchers);
        foreach (var watcher in targets)
        {
            _ = Task.Run(async () =>
            {
                try { await watcher(change); }
                catch (Exception ex) { log.LogWarning(ex, "An availability watcher failed"); }
            });
        }
    }

    private sealed class Unwatch(Action action) : IDisposable
    {
        private int _disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) action();
        }
    }
}
