using Helpdesk.Core.Servers;

namespace Helpdesk.Core.Integrations.Webhooks;

/// <summary>
/// Wakes the webhook worker early: a ticket event was committed, or an admin asked for a retry.
/// With several servers the worker runs on one of them (its job lease): events reach every server
/// anyway, but an admin's request is also sent to the others (<see cref="ServerMessages"/>).
/// </summary>
public sealed class WebhookSignal
{
    public const string Topic = "webhooks";
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly ServerMessages _messages;

    public WebhookSignal(ServerMessages messages)
    {
        _messages = messages;
        messages.Received += (topic, _) =>
        {
            if (topic == Topic) Notify();
        };
    }

    /// <summary>Wakes this server's worker (events: every server sees them).</summary>
    public void Notify()
    {
        try { _wake.Release(); }
        catch (SemaphoreFullException) { /* already due to wake */ }
    }

    /// <summary>Wakes the worker wherever it runs (an admin's retry or new webhook).</summary>
    public void NotifyEverywhere()
    {
        Notify();
        _messages.Publish(Topic, "");
    }

    /// <summary>True when notified, false when <paramref name="timeout"/> passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);
}
