namespace Helpdesk.Web.Realtime;

/// <summary>Someone has a ticket open; <see cref="Typing"/> while they write a reply.</summary>
public sealed record PresenceEntry(Guid Key, int UserId, string DisplayName, bool IsStaff, bool Typing, DateTime Since)
{
    /// <summary>False while the page's connection is down (tab closed, laptop asleep): not shown.</summary>
    public bool Connected { get; init; } = true;
}

/// <summary>
/// Who is looking at which ticket, right now, in this process. Entries live exactly as long as
/// the page that opened them (disposed with it), so presence never lingers or expires under a user.
/// </summary>
public sealed class PresenceTracker(TimeProvider clock, ILogger<PresenceTracker> log)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Dictionary<Guid, PresenceEntry>> _byTicket = [];
    private (int? Number, Func<int, Task> OnChange)[] _watchers = [];

    /// <summary>Everyone on the ticket, one entry per person (typing wins over viewing).</summary>
    public IReadOnlyList<PresenceEntry> On(int number)
    {
        lock (_gate)
        {
            if (!_byTicket.TryGetValue(number, out var entries)) return [];
            return [.. entries.Values.Where(e => e.Connected).GroupBy(e => e.UserId)
                .Select(g => g.OrderByDescending(e => e.Typing).First()).OrderBy(e => e.Since)];
        }
    }

    /// <summary>Numbers of all tickets someone has open, with who (for list rows).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<PresenceEntry>> All()
    {
        lock (_gate) return _byTicket.Keys.Select(n => (n, Present: On(n))).Where(x => x.Present.Count > 0).ToDictionary(x => x.n, x => x.Present);
    }

    public Handle Join(int number, int userId, string displayName, bool isStaff)
    {
        var entry = new PresenceEntry(Guid.NewGuid(), userId, displayName, isStaff, false, clock.GetUtcNow().UtcDateTime);
        lock (_gate)
        {
            if (!_byTicket.TryGetValue(number, out var entries)) _byTicket[number] = entries = [];
            entries[entry.Key] = entry;
        }
        Notify(number);
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
        Notify(number);
    }

    private void Leave(int number, Guid key)
    {
        lock (_gate)
        {
            if (!_byTicket.TryGetValue(number, out var entries) || !entries.Remove(key)) return;
            if (entries.Count == 0) _byTicket.Remove(number);
        }
        Notify(number);
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
