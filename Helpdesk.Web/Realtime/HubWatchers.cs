using System.Collections.Concurrent;
using Helpdesk.Core.Application;

namespace Helpdesk.Web.Realtime;

/// <summary>
/// Which hub connections follow which ticket, with who they are. Per-ticket delivery checks each
/// watcher's access on every event (as LiveFeed does for circuits), so someone who loses access
/// (moved team, removed collaborator) stops receiving that ticket at once.
/// </summary>
public sealed class HubWatchers
{
    private readonly ConcurrentDictionary<int, ConcurrentDictionary<string, Caller>> _byTicket = new();

    public void Watch(int number, string connectionId, Caller caller) =>
        _byTicket.GetOrAdd(number, _ => new())[connectionId] = caller;

    public void Unwatch(int number, string connectionId)
    {
        if (_byTicket.TryGetValue(number, out var watchers)) watchers.TryRemove(connectionId, out _);
    }

    public void Disconnected(string connectionId)
    {
        foreach (var watchers in _byTicket.Values) watchers.TryRemove(connectionId, out _);
    }

    public IReadOnlyList<(string ConnectionId, Caller Caller)> Of(int number) =>
        _byTicket.TryGetValue(number, out var watchers) ? [.. watchers.Select(w => (w.Key, w.Value))] : [];
}
