using Helpdesk.Core.Servers;

namespace Helpdesk.Core.Mail;

/// <summary>
/// Wakes the mail worker early: a message was queued. With several servers the worker runs on one
/// of them (its job lease), so the wake-up is also sent to the others (<see cref="ServerMessages"/>);
/// a lost one only means the worker's next poll sends the message.
/// </summary>
public sealed class MailSignal
{
    public const string Topic = "mail";
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly ServerMessages _messages;

    public MailSignal(ServerMessages messages)
    {
        _messages = messages;
        messages.Received += (topic, _) =>
        {
            if (topic == Topic) Release();
        };
    }

    public void Notify()
    {
        Release();
        _messages.Publish(Topic, "");
    }

    /// <summary>True when notified, false when <paramref name="timeout"/> passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);

    private void Release()
    {
        try { _wake.Release(); }
        catch (SemaphoreFullException) { /* already due to wake */ }
    }
}
