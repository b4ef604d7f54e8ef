namespace Helpdesk.Core.Integrations.Webhooks;

/// <summary>
/// How far a consumer of the event log has read, persisted: after a restart it resumes here.
/// One row per consumer (<see cref="Name"/>); webhooks are the first.
/// </summary>
public sealed class EventCursor
{
    public string Name { get; private set; } = "";
    public long LastSequence { get; internal set; }
    public DateTime UpdatedAt { get; internal set; }

    private EventCursor() { }

    internal EventCursor(string name, long lastSequence, DateTime now)
    {
        Name = name;
        LastSequence = lastSequence;
        UpdatedAt = now;
    }
}
