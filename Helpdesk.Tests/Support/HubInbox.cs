using System.Collections.Concurrent;
using Helpdesk.Core.Events;
using Microsoft.AspNetCore.SignalR.Client;

namespace Helpdesk.Tests.Support;

/// <summary>Every TicketChanged a hub client received, in arrival order, with waits that time out instead of sleeping.</summary>
public sealed class HubInbox
{
    public static readonly TimeSpan Wait = Eventually.Timeout;

    private readonly ConcurrentQueue<TicketEvent> _events = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public HubInbox(HubConnection hub) => hub.On<TicketEvent>("TicketChanged", e =>
    {
        _events.Enqueue(e);
        _arrived.Release();
    });

    /// <summary>What arrived so far, oldest first.</summary>
    public IReadOnlyList<TicketEvent> Events => [.. _events];

    public async Task<TicketEvent> WaitForAsync(Func<TicketEvent, bool> match)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            var found = _events.FirstOrDefault(match);
            if (found is not null) return found;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
                throw new TimeoutException($"No matching event within {Wait.TotalSeconds} s; got {string.Join(", ", _events.Select(e => $"{e.Kind} HD-{e.Row.Number}"))}");
        }
    }
}
