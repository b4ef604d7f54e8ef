using Helpdesk.Core.Application;

namespace Helpdesk.Core.Servers;

/// <summary>
/// The wake-up of a worker that runs on one server of several (its job lease): <see cref="Notify"/>
/// wakes it if it runs here, <see cref="NotifyEverywhere"/> wherever it runs (through
/// <see cref="ServerMessages"/>; on one server the same). A lost message only means the worker's
/// next poll does the work.
/// </summary>
public abstract class ServerWakeup
{
    private readonly Wakeup _wakeup = new();
    private readonly ServerMessages _messages;
    private readonly string _topic;

    protected ServerWakeup(ServerMessages messages, string topic)
    {
        _messages = messages;
        _topic = topic;
        messages.Received += m =>
        {
            if (m.Topic == topic) _wakeup.Set();
        };
    }

    public void Notify() => _wakeup.Set();

    public void NotifyEverywhere()
    {
        _wakeup.Set();
        _messages.Publish(_topic);
    }

    /// <summary>True when notified, false when <paramref name="timeout"/> passed first.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _wakeup.WaitAsync(timeout, ct);
}
