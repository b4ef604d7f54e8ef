using System.Collections.Concurrent;
using Helpdesk.Core.Application;

namespace Helpdesk.Web.Realtime;

/// <summary>Every open hub connection with who it is, so fan-out picks recipients in memory, once each.</summary>
public sealed class HubConnections
{
    private readonly ConcurrentDictionary<string, Caller> _open = new();

    public void Add(string connectionId, Caller caller) => _open[connectionId] = caller;
    public void Remove(string connectionId) => _open.TryRemove(connectionId, out _);
    public int Count => _open.Count;
    public IEnumerable<KeyValuePair<string, Caller>> All => _open;
}
