using Helpdesk.Core.Routing;

namespace Helpdesk.Web.Realtime;

/// <summary>Someone's presence changed: they came online or went offline, or marked themself away or back.</summary>
public sealed record AgentStatusChanged(int UserId, bool Online, bool? Away);

/// <summary>
/// Who is online (has at least one connected circuit) on any server, and availability changes as
/// they happen. Routing asks it (<see cref="IOnlineAgents"/>); boards watch it to update column
/// headers. Circuits are counted while their connection is up, so closing the last tab takes a
/// person offline at once (not when the disconnected circuit is finally discarded). With several
/// servers, <see cref="PresenceRelay"/> adds who is online elsewhere (<see cref="SetRemote"/>) and
/// reports this server's changes (<see cref="LocalChanged"/>, <see cref="LocalAvailabilityChanged"/>).
/// </summary>
public sealed class AgentPresence(ILogger<AgentPresence> log) : IOnlineAgents
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _circuits = [];
    private readonly Dictionary<int, int> _connections = [];
    /// <summary>Other servers: server → person online there → when last reported (Stopwatch ticks).</summary>
    private readonly Dictionary<string, Dictionary<int, long>> _remote = [];
    private Func<AgentStatusChanged, Task>[] _watchers = [];

    /// <summary>Someone came online or went offline on this server (UserId, online here).</summary>
    public event Action<int, bool>? LocalChanged;

    /// <summary>Someone on this server saved a new availability (UserId, away).</summary>
    public event Action<int, bool>? LocalAvailabilityChanged;

    public bool IsOnline(int userId)
    {
        lock (_gate) return OnlineAnywhere(userId);
    }

    /// <summary>Whether the person has a connected circuit on this server (what it reports to the others).</summary>
    public bool IsOnlineHere(int userId)
    {
        lock (_gate) return _connections.GetValueOrDefault(userId) > 0;
    }

    /// <summary>Everyone with a connected circuit on this server (what it reports to the others).</summary>
    public IReadOnlyList<int> LocalOnline()
    {
        lock (_gate) return [.. _connections.Keys];
    }

    /// <summary>A circuit's connection is up. Idempotent per circuit (a reconnect calls it again).</summary>
    public void Connected(string circuitId, int userId)
    {
        bool cameOnlineHere, cameOnline;
        lock (_gate)
        {
            if (_circuits.ContainsKey(circuitId)) return;
            var before = OnlineAnywhere(userId);
            _circuits[circuitId] = userId;
            var n = _connections.GetValueOrDefault(userId) + 1;
            _connections[userId] = n;
            cameOnlineHere = n == 1;
            cameOnline = !before;
        }
        if (cameOnline) Notify(new AgentStatusChanged(userId, true, null));
        if (cameOnlineHere) Report(LocalChanged, userId, true);
    }

    /// <summary>A circuit's connection went down or the circuit closed. Idempotent per circuit.</summary>
    public void Disconnected(string circuitId)
    {
        int userId;
        bool wentOfflineHere, wentOffline;
        lock (_gate)
        {
            if (!_circuits.Remove(circuitId, out userId)) return;
            var n = _connections.GetValueOrDefault(userId) - 1;
            if (n <= 0) _connections.Remove(userId);
            else _connections[userId] = n;
            wentOfflineHere = n <= 0;
            wentOffline = wentOfflineHere && !OnlineAnywhere(userId);
        }
        if (wentOffline) Notify(new AgentStatusChanged(userId, false, null));
        if (wentOfflineHere) Report(LocalChanged, userId, false);
    }

    /// <summary>The person saved a new availability here (the database already holds it).</summary>
    public void AvailabilityChanged(int userId, bool away)
    {
        Notify(new AgentStatusChanged(userId, IsOnline(userId), away));
        Report(LocalAvailabilityChanged, userId, away);
    }

    /// <summary>The person saved a new availability on another server.</summary>
    public void RemoteAvailabilityChanged(int userId, bool away) => Notify(new AgentStatusChanged(userId, IsOnline(userId), away));

    /// <summary><paramref name="server"/> reports the person online or offline there.</summary>
    public void SetRemote(string server, int userId, bool online, long seenAt)
    {
        bool before, after;
        lock (_gate)
        {
            before = OnlineAnywhere(userId);
            if (!_remote.TryGetValue(server, out var people)) _remote[server] = people = [];
            if (online) people[userId] = seenAt;
            else people.Remove(userId);
            after = OnlineAnywhere(userId);
        }
        if (before != after) Notify(new AgentStatusChanged(userId, after, null));
    }

    /// <summary>Forgets who <paramref name="server"/> reported online (it stopped), or who it has not repeated since <paramref name="seenBefore"/>.</summary>
    public void ForgetRemote(string? server, long seenBefore = long.MaxValue)
    {
        List<int> wentOffline = [];
        lock (_gate)
        {
            foreach (var (name, people) in _remote)
            {
                if (server is not null && name != server) continue;
                foreach (var userId in people.Where(p => p.Value < seenBefore).Select(p => p.Key).ToList())
                {
                    people.Remove(userId);
                    if (!OnlineAnywhere(userId)) wentOffline.Add(userId);
                }
            }
            foreach (var name in _remote.Where(r => r.Value.Count == 0).Select(r => r.Key).ToList()) _remote.Remove(name);
        }
        foreach (var userId in wentOffline.Distinct()) Notify(new AgentStatusChanged(userId, false, null));
    }

    /// <summary>Calls back (off the circuit's thread) on every change. Dispose to stop.</summary>
    public IDisposable Watch(Func<AgentStatusChanged, Task> onChange)
    {
        lock (_gate) _watchers = [.. _watchers, onChange];
        return new Unwatch(() => { lock (_gate) _watchers = [.. _watchers.Where(w => w != onChange)]; });
    }

    private bool OnlineAnywhere(int userId) =>
        _connections.GetValueOrDefault(userId) > 0 || _remote.Values.Any(people => people.ContainsKey(userId));

    private void Report(Action<int, bool>? handler, int userId, bool value)
    {
        try { handler?.Invoke(userId, value); }
        catch (Exception ex) { log.LogWarning(ex, "Reporting presence to the other servers failed"); }
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
