using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Web.Realtime;

/// <summary>
/// Fans committed ticket events out to the open circuits. Each watcher registered who it is and
/// what it shows; an event is tested against each IN MEMORY (access rule + the watcher's filter),
/// with no database query per screen. A failing watcher never stops delivery to the others.
/// </summary>
public sealed class LiveFeed : IHostedService, IDisposable
{
    private readonly IEventStream _stream;
    private readonly ILogger<LiveFeed> _log;
    private readonly Lock _gate = new();
    private Watcher[] _watchers = [];
    private IDisposable? _subscription;

    public LiveFeed(IEventStream stream, ILogger<LiveFeed> log)
    {
        _stream = stream;
        _log = log;
    }

    public int WatcherCount => Volatile.Read(ref _watchers).Length;

    /// <summary>
    /// Calls <paramref name="onEvent"/> for every event the caller may see and <paramref name="filter"/>
    /// accepts. The handler runs off the circuit's thread: marshal with InvokeAsync. Dispose to stop.
    /// </summary>
    public IDisposable Watch(Caller caller, Func<TicketEvent, Task> onEvent, Func<TicketEvent, bool>? filter = null)
    {
        var watcher = new Watcher(this, caller, filter ?? (_ => true), onEvent);
        lock (_gate) _watchers = [.. _watchers, watcher];
        return watcher;
    }

    /// <summary>Stops every watcher of <paramref name="userId"/> (their access ended); their screens get no further event.</summary>
    public void EndFor(int userId)
    {
        lock (_gate) _watchers = [.. _watchers.Where(w => w.Caller.UserId != userId)];
    }

    public static bool MaySee(Caller caller, TicketEvent e) =>
        TicketAccess.CanSee(caller, e.Row) && (caller.IsStaff || !e.IsInternal);

    /// <summary>
    /// What this caller receives: the event; or, when the change took the ticket out of their
    /// sight, a revoked copy carrying only the row they could already see (so it leaves their
    /// screens and nothing new leaks); or nothing.
    /// </summary>
    public static TicketEvent? For(Caller caller, TicketEvent e)
    {
        if (MaySee(caller, e)) return e;
        if (e.Previous is { } before && TicketAccess.CanSee(caller, before) && (caller.IsStaff || !e.IsInternal))
            return e with { Row = before, Previous = null, Revoked = true };
        return null;
    }

    private async ValueTask DeliverAsync(TicketEvent e, CancellationToken ct)
    {
        var targets = Volatile.Read(ref _watchers);
        var pending = new List<Task>();
        foreach (var w in targets)
        {
            var delivered = For(w.Caller, e);
            if (delivered is null) continue;
            bool wanted;
            try { wanted = w.Filter(delivered); }
            catch (Exception ex) { _log.LogWarning(ex, "A live filter failed on event {Sequence}", e.Sequence); continue; }
            if (wanted) pending.Add(SafeInvoke(w, delivered));
        }
        await Task.WhenAll(pending);
    }

    private async Task SafeInvoke(Watcher w, TicketEvent e)
    {
        try { await w.OnEvent(e); }
        catch (Exception ex) { _log.LogWarning(ex, "A live view failed to apply event {Sequence}", e.Sequence); }
    }

    private void Remove(Watcher w)
    {
        lock (_gate) _watchers = [.. _watchers.Where(x => x != w)];
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = _stream.Subscribe(nameof(LiveFeed), DeliverAsync);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _subscription?.Dispose();

    private sealed class Watcher(LiveFeed owner, Caller caller, Func<TicketEvent, bool> filter, Func<TicketEvent, Task> onEvent) : IDisposable
    {
        public Caller Caller { get; } = caller;
        public Func<TicketEvent, bool> Filter { get; } = filter;
        public Func<TicketEvent, Task> OnEvent { get; } = onEvent;
        public void Dispose() => owner.Remove(this);
    }
}
