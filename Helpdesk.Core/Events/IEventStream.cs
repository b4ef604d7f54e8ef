namespace Helpdesk.Core.Events;

/// <summary>
/// Committed ticket events, in sequence order, to whoever listens in this process (live screens,
/// notifications, webhooks). The event log stays the source of truth for anything missed.
/// </summary>
public interface IEventStream
{
    /// <summary>Hands committed events to every subscriber. Never blocks the writer.</summary>
    void Publish(IReadOnlyList<TicketEvent> events);

    /// <summary>
    /// Each subscriber gets its own queue and its own loop, so a slow one never delays another.
    /// Dispose the returned handle to stop.
    /// </summary>
    IDisposable Subscribe(string name, Func<TicketEvent, CancellationToken, ValueTask> handler);

    /// <summary>The sequence of the newest event published in this process (0 before any).</summary>
    long LastSequence { get; }
}
