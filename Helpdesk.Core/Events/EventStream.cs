using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Events;

/// <summary>In-process, Channel-based <see cref="IEventStream"/>.</summary>
public sealed class EventStream(ILogger<EventStream> log) : IEventStream, IDisposable
{
    private readonly Lock _gate = new();
    private Subscription[] _subscribers = [];
    private readonly Lock _order = new();
    private readonly SortedDictionary<long, TicketEvent> _held = [];
    private long _last;
    private bool _shared;

    public long LastSequence => Interlocked.Read(ref _last);

    /// <summary>
    /// Raised (outside any lock) when a local event waits for older ones that other servers
    /// committed: the relay should read the event log now. Only in shared mode.
    /// </summary>
    public event Action? Behind;

    /// <summary>
    /// Several servers share the database (PostgreSQL): the event log, read by a relay
    /// (<see cref="PublishFromLog"/>), decides the order; a local event is handed out at once only
    /// when it directly follows the last one published here, otherwise it waits for the relay.
    /// </summary>
    public void ShareWithOtherServers() => _shared = true;

    public void Publish(IReadOnlyList<TicketEvent> events)
    {
        if (events.Count == 0) return;
        if (!_shared)
        {
            lock (_order) foreach (var e in events) Deliver(e);
            return;
        }
        var behind = false;
        lock (_order)
        {
            foreach (var e in events)
            {
                if (e.Sequence <= _last) continue; // the relay got it from the log first
                // Without a relay (a lone process, Core tests) nobody would read the gap: as before.
                if (!behind && (e.Sequence == _last + 1 || Behind is null)) Deliver(e);
                else
                {
                    _held[e.Sequence] = e;
                    behind = true;
                }
            }
        }
        if (behind) Behind?.Invoke();
    }

    /// <summary>
    /// Events read from the log, oldest first, after <see cref="LastSequence"/>: publishes those not
    /// yet published here (a held local copy wins: it carries the exact before-row).
    /// </summary>
    public void PublishFromLog(IReadOnlyList<TicketEvent> events)
    {
        lock (_order)
        {
            foreach (var e in events)
            {
                if (e.Sequence <= _last) continue;
                Deliver(_held.Remove(e.Sequence, out var local) ? local : e);
            }
            foreach (var stale in _held.Keys.TakeWhile(k => k <= _last).ToList()) _held.Remove(stale);
        }
    }

    private void Deliver(TicketEvent e)
    {
        Subscription[] targets;
        lock (_gate) targets = _subscribers;
        foreach (var s in targets) s.Queue.Writer.TryWrite(e);
        Interlocked.Exchange(ref _last, e.Sequence);
    }

    public IDisposable Subscribe(string name, Func<TicketEvent, CancellationToken, ValueTask> handler)
    {
        var sub = new Subscription(this, name, handler);
        lock (_gate) _subscribers = [.. _subscribers, sub];
        sub.Start();
        return sub;
    }

    /// <summary>Seeds <see cref="LastSequence"/> from the event log at start-up.</summary>
    public void StartAfter(long sequence) => Interlocked.Exchange(ref _last, sequence);

    private void Remove(Subscription sub)
    {
        lock (_gate) _subscribers = [.. _subscribers.Where(s => s != sub)];
    }

    public void Dispose()
    {
        foreach (var s in _subscribers) s.Dispose();
    }

    private sealed class Subscription(EventStream owner, string name, Func<TicketEvent, CancellationToken, ValueTask> handler) : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        public Channel<TicketEvent> Queue { get; } = Channel.CreateUnbounded<TicketEvent>(new() { SingleReader = true });

        public void Start() => _ = Task.Run(PumpAsync);

        private async Task PumpAsync()
        {
            try
            {
                await foreach (var e in Queue.Reader.ReadAllAsync(_stop.Token))
                {
                    try { await handler(e, _stop.Token); }
                    catch (OperationCanceledException) when (_stop.IsCancellationRequested) { return; }
                    catch (Exception ex) { owner.LogFailure(ex, name, e.Sequence); }
                }
            }
            catch (OperationCanceledException) { }
        }

        public void Dispose()
        {
            owner.Remove(this);
            Queue.Writer.TryComplete();
            _stop.Cancel();
        }
    }

    private void LogFailure(Exception ex, string subscriber, long sequence) =>
        log.LogError(ex, "Event subscriber {Subscriber} failed on event {Sequence}", subscriber, sequence);
}
