using Helpdesk.Core.Servers;

namespace Helpdesk.Core.Notifications;

/// <summary>
/// Tells a person's open screens that their notifications changed (new ones, or read in another
/// tab). User-scoped: a screen watches its own user id, the lock is held only to copy the watcher
/// list, and a failing watcher never stops the others. With several servers the change is also
/// sent to the others (<see cref="ServerMessages"/>), since the planner runs on one server and the
/// person's screens may be on another.
/// </summary>
public sealed class NotificationFeed
{
    public const string Topic = "notifications";
    private const int PeoplePerMessage = 1_000;

    private readonly Lock _gate = new();
    private Watcher[] _watchers = [];
    private readonly ServerMessages _messages;

    public NotificationFeed(ServerMessages messages)
    {
        _messages = messages;
        messages.Received += OnMessage;
    }

    /// <summary>Calls <paramref name="changed"/> (on a pool thread) whenever <paramref name="userId"/>'s notifications change. Dispose to stop.</summary>
    public IDisposable Watch(int userId, Func<Task> changed)
    {
        var watcher = new Watcher(this, userId, changed);
        lock (_gate) _watchers = [.. _watchers, watcher];
        return watcher;
    }

    public void Changed(IEnumerable<int> userIds)
    {
        var ids = userIds.ToHashSet();
        if (ids.Count == 0) return;
        Tell(ids);
        foreach (var chunk in ids.Chunk(PeoplePerMessage)) _messages.Publish(Topic, chunk);
    }

    private void OnMessage(ServerMessage message)
    {
        // A broken one leaves the bell as it is until the page's next load.
        if (message.Topic == Topic && message.Read<int[]>() is { } people) Tell([.. people]);
    }

    private void Tell(HashSet<int> ids)
    {
        Watcher[] targets;
        lock (_gate) targets = _watchers;
        foreach (var w in targets.Where(w => ids.Contains(w.UserId)))
            _ = Task.Run(async () =>
            {
                try { await w.Changed(); }
                catch (Exception) { /* the watcher's screen reports its own failures; others still hear */ }
            });
    }

    private void Remove(Watcher w)
    {
        lock (_gate) _watchers = [.. _watchers.Where(x => x != w)];
    }

    private sealed class Watcher(NotificationFeed owner, int userId, Func<Task> changed) : IDisposable
    {
        public int UserId { get; } = userId;
        public Func<Task> Changed { get; } = changed;
        public void Dispose() => owner.Remove(this);
    }
}
