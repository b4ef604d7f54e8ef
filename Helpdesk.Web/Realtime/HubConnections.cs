using System.Collections.Concurrent;
using Helpdesk.Core.Application;
using Microsoft.AspNetCore.SignalR;

namespace Helpdesk.Web.Realtime;

/// <summary>Every open hub connection on this server with who it is, so fan-out picks recipients in memory, once each.</summary>
public sealed class HubConnections
{
    private readonly ConcurrentDictionary<string, Caller> _open = new();
    private readonly ConcurrentDictionary<string, HubCallerContext> _contexts = new();

    public void Add(HubCallerContext context, Caller caller)
    {
        _contexts[context.ConnectionId] = context;
        _open[context.ConnectionId] = caller;
    }

    public void Remove(string connectionId)
    {
        _open.TryRemove(connectionId, out _);
        _contexts.TryRemove(connectionId, out _);
    }

    public int Count => _open.Count;
    public IEnumerable<KeyValuePair<string, Caller>> All => _open;

    /// <summary>The people connected here (a person may have several connections).</summary>
    public IReadOnlyCollection<int> People => [.. _open.Values.Select(c => c.UserId).Distinct()];

    /// <summary>Ends every connection of <paramref name="userId"/> held here: no further event reaches them. Returns how many.</summary>
    public int Close(int userId)
    {
        var closed = 0;
        foreach (var (id, caller) in _open)
        {
            if (caller.UserId != userId || !_open.TryRemove(id, out _)) continue;
            if (_contexts.TryRemove(id, out var context)) context.Abort();
            closed++;
        }
        return closed;
    }
}
