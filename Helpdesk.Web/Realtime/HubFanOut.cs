using Helpdesk.Core.Events;
using Microsoft.AspNetCore.SignalR;

namespace Helpdesk.Web.Realtime;

/// <summary>
/// Sends each committed event to every hub connection allowed to see it, exactly once, tested in
/// memory with the same rule as the circuits (<see cref="LiveFeed.For"/>): no database query per
/// connection, and no duplicates (SignalR does not dedupe a connection that sits in several groups).
/// </summary>
public sealed class HubFanOut(IEventStream stream, IHubContext<TicketsHub, ITicketsClient> hub, PresenceTracker presence,
    HubConnections connections, HubWatchers watchers) : IHostedService
{
    private IDisposable? _events;
    private IDisposable? _presence;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _events = stream.Subscribe(nameof(HubFanOut), async (e, _) =>
        {
            List<string> seeing = [], losing = [];
            TicketEvent? revoked = null;
            foreach (var (connection, caller) in connections.All)
            {
                var delivered = LiveFeed.For(caller, e);
                if (delivered is null) continue;
                if (delivered.Revoked)
                {
                    revoked = delivered;
                    losing.Add(connection);
                    watchers.Unwatch(e.Row.Number, connection);
                }
                else seeing.Add(connection);
            }
            var sends = new List<Task>(2);
            if (seeing.Count > 0) sends.Add(SendAsync(seeing, e));
            if (revoked is not null) sends.Add(SendAsync(losing, revoked));
            await Task.WhenAll(sends);
        });
        _presence = presence.Watch(null, async number =>
        {
            var views = presence.On(number).Select(p => new PresenceView(p.DisplayName, p.IsStaff, p.Typing)).ToList();
            foreach (var (connection, caller) in watchers.Of(number))
                await hub.Clients.Client(connection).PresenceChanged(number, caller.IsStaff ? views : [.. views.Where(v => v.IsStaff)]);
        });
        return Task.CompletedTask;
    }

    // One list send: the message is serialized once for all. With the Redis backplane, RedisJoinGuard
    // writes this server's connections directly, so a Redis outage loses nothing.
    private Task SendAsync(List<string> connectionIds, TicketEvent e) => hub.Clients.Clients(connectionIds).TicketChanged(e);

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _events?.Dispose();
        _presence?.Dispose();
        return Task.CompletedTask;
    }
}
