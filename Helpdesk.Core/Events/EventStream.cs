using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Events;

/// <summary>In-process, Channel-based <see cref="IEventStream"/>.</summary>
public sealed class EventStream(ILogger<EventStream> log) : IEventStream, IDisposable
{
    private readonly Lock _gate = new();
    private Subscription[] _subscribers = [];
    private long _last;

    public long LastSequence => Interlocked.Read(ref _last);

    public void Publish(IReadOnlyList<TicketEvent> events)
    {
        if (events.Count == 0) return;
        Subscription[] targets;
        lock (_gate) targets = _subscribers;
        foreach (var e in events)
        {
            foreach (var s in targets) s.Queue.Writer.TryWrite(e);
            Interlocked.Exchange(ref _last, e.Sequence);
        }
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
