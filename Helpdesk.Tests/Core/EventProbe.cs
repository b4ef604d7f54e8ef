using Helpdesk.Core.Events;

namespace Helpdesk.Tests.Core;

/// <summary>
/// Subscribes to the live stream before the act and completes on the first matching event, so a
/// test waits for exactly what it expects, with a timeout, and never sleeps.
/// </summary>
public sealed class EventProbe : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource<TicketEvent> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IDisposable _subscription;

    private EventProbe(IEventStream stream, Func<TicketEvent, bool> match) =>
        _subscription = stream.Subscribe("test probe", (e, _) =>
        {
            if (match(e)) _first.TrySetResult(e);
            return ValueTask.CompletedTask;
        });

    public static EventProbe For(IEventStream stream, Func<TicketEvent, bool> match) => new(stream, match);

    public static EventProbe For(IEventStream stream, TicketEventKind kind) => new(stream, e => e.Kind == kind);

    public Task<TicketEvent> Published => _first.Task.WaitAsync(Timeout);

    public void Dispose() => _subscription.Dispose();
}
