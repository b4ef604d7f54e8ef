namespace Helpdesk.Web.Realtime;

/// <summary>Someone has a ticket open; <see cref="Typing"/> while they write a reply.</summary>
public sealed record PresenceEntry(Guid Key, int UserId, string DisplayName, bool IsStaff, bool Typing, DateTime Since)
{
    /// <summary>False while the page's connection is down (tab closed, laptop asleep): not shown.</summary>
    public bool Connected { get; init; } = true;
}

/// <summary>
/// Who is looking at which ticket, right now. Entries opened on this server live exactly as long as
/// the page that opened them (disposed with it), so presence never lingers or expires under a user.
/// With several servers, <see cref="PresenceRelay"/> adds what the other servers report
/// (<see cref="SetRemote"/>) and tells them about this one's (<see cref="LocalChanged"/>); what a
/// server stops reporting expires.
/// </summary>
public sealed class PresenceTracker(TimeProvider clock, ILogger<PresenceTracker> log)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Dictionary<Guid, PresenceEntry>> _byTicket = [];
    /// <summary>Other servers' viewers: server → ticket → (entries, when last reported, Stopwatch ticks).</summary>
    private readonly Dictionary<string, Dictionary<int, (IReadOnlyList<PresenceEntry> Entries, long SeenAt)>> _remote = [];
    private (int? Number, Func<int, Task> OnChange)[] _watchers = [];

    /// <summary>This server's viewers of a ticket changed (raised after the change, synchronously).</summary>
    public event Action<int>? LocalChanged;

    /// <summary>Everyone on the ticket, on any server, one entry per person (typing wins over viewing).</summary>
    public IReadOnlyList<PresenceEntry> On(int number)
    {
        lock (_gate) return Merge(LocalEntries(number).Concat(_remote.Values.SelectMany(t => t.TryGetValue(number, out var r) ? r.Entries : [])));
    }

    /// <summary>Numbers of all tickets someone has open, with who (for list rows).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<PresenceEntry>> All()
    {
        lock (_gate)
            return _byTicket.Keys.Concat(_remote.Values.SelectMany(t => t.Keys)).Distinct()
                .Select(n => (n, Present: On(n))).Where(x => x.Present.Count > 0).ToDictionary(x => x.n, x => x.Present);
    }

    /// <summary>This server's own viewers of a ticket, one per person (what it reports to the others).</summary>
    public IReadOnlyList<PresenceEntry> Local(int number)
    {
        lock (_gate) return Merge(LocalEntries(number));
    }

    /// <summary>Every ticket this server's people have open, with who.</summary>
    public IReadOnlyList<(int Number, IReadOnlyList<PresenceEntry> Present)> LocalSnapshot()
    {
        lock (_gate) return [.. _byTicket.Keys.Select(n => (n, Merge(LocalEntries(n)))).Where(x => x.Item2.Count > 0)];
    }

    /// <summary>What <paramref name="server"/> reports for a ticket now (empty: nobody there any more).</summary>
    public void SetRemote(string server, int number, IReadOnlyList<PresenceEntry> entries, long seenAt)
    {
        bool changed;
        lock (_gate)
        {
            if (!_remote.TryGetValue(server, out var tickets)) _remote[server] = tickets = [];
            changed = !(tickets.TryGetValue(number, out var old) ? old.Entries : []).SequenceEqual(entries);
            if (entries.Count == 0) tickets.Remove(number);
            else tickets[number] = (entries, seenAt);
        }
        if (changed) Notify(number);
    }

    /// <summary>Forgets what <paramref name="server"/> reported (it stopped), or what it has not repeated since <paramref name="seenBefore"/>.</summary>
    public void ForgetRemote(string? server, long seenBefore = long.MaxValue)
    {
        List<int> dropped = [];
        lock (_gate)
        {
            foreach (var (name, tickets) in _remote)
            {
                if (server is not null && name != server) continue;
                foreach (var (number, r) in tickets.Where(t => t.Value.SeenAt < seenBefore).ToList())
                {
                    tickets.Remove(number);
                    dropped.Add(number);
                }
            }
            foreach (var name in _remote.Where(r => r.Value.Count == 0).Select(r => r.Key).ToList()) _remote.Remove(name);
        }
        foreach (var number in dropped.Distinct()) Notify(number);
    }

    private IEnumerable<PresenceEntry> LocalEntries(int number) =>
        _byTicket.TryGetValue(number, out var entries) ? entries.Values.Where(e => e.Connected) : [];

    private static IReadOnlyList<PresenceEntry> Merge(IEnumerable<PresenceEntry> entries) =>
        [.. entries.GroupBy(e => e.UserId).Select(g => g.OrderByDescending(e => e.Typing).First()).OrderBy(e => e.Since).ThenBy(e => e.UserId)];

    public Handle Join(int number, int userId, string displayName, bool isStaff)
    {
        var entry = new PresenceEntry(Guid.NewGuid(), userId, displayName, isStaff, false, clock.GetUtcNow().UtcDateTime);
        lock (_gate)
        {
            if (!_byTicket.TryGetValue(number, out var entries)) _byTicket[number] = entries = [];
            entries[entry.Key] = entry;
        }
        ChangedHere(number);
        return new Handle(this, number, entry.Key);
    }

    /// <summary>Calls back (off the circuit thread) with the ticket number whose presence changed; null watches every ticket.</summary>
    public IDisposable Watch(int? number, Func<int, Task> onChange)
    {
        var w = (number, onChange);
        lock (_gate) _watchers = [.. _watchers, w];
        return new Unwatch(() => { lock (_gate) _watchers = [.. _watchers.Where(x => x != w)]; });
    }

    private void Update(int number, Guid key, Func<PresenceEntry, PresenceEntry> change)
    {
        lock (_gate)
        {
            if (!_byTicket.TryGetValue(number, out var entries) || !entries.TryGetValue(key, out var e)) return;
            var changed = change(e);
            if (changed == e) return;
            entries[key] = changed;
        }
        ChangedHere(number);
    }

    private void Leave(int number, Guid key)
    {
        lock (_gate)
        {
            if (!_byTicket.TryGetValue(number, out var entries) || !entries.Remove(key)) return;
            if (entries.Count == 0) _byTicket.Remove(number);
        }
        ChangedHere(number);
    }

    private void ChangedHere(int number)
    {
        Notify(number);
        try { LocalChanged?.Invoke(number); }
        catch (Exception ex) { log.LogWarning(ex, "Reporting presence to the other servers failed"); }
    }

    private void Notify(int number)
    {
        var targets = Volatile.Read(ref _watchers);
        foreach (var (n, onChange) in targets)
        {
            if (n is not null && n != number) continue;
            _ = Task.Run(async () =>
            {
                try { await onChange(number); }
                catch (Exception ex) { log.LogWarning(ex, "A presence watcher failed"); }
            });
        }
    }

    /// <summary>Disposing leaves the ticket.</summary>
    public sealed class Handle(PresenceTracker owner, int number, Guid key) : IDisposable
    {
        private int _disposed;
        public void Typing(bool typing) => owner.Update(number, key, e => e with { Typing = typing });
        /// <summary>The circuit lost or regained its connection: hide or show this presence meanwhile.</summary>
        public void Connected(bool connected) => owner.Update(number, key, e => e with { Connected = connected, Typing = connected && e.Typing });
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Leave(number, key);
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
