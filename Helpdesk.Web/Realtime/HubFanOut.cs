using Helpdesk.Core.Events;
using Microsoft.AspNetCore.SignalR;

namespace Helpdesk.Web.Realtime;

/// <summary>Sends each committed event to the hub groups allowed to see it, once per group (not per connection).</summary>
public sealed class HubFanOut(IEventStream stream, IHubContext<TicketsHub, ITicketsClient> hub, PresenceTracker presence, HubWatchers watchers) : IHostedService
{
    private IDisposable? _events;
    private IDisposable? _presence;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _events = stream.Subscribe(nameof(HubFanOut), async (e, _) =>
        {
            var row = e.Row;
            // A ticket handed to another team leaves the old team's screens (sent first: a member of both teams then gets it back).
            if (e.Previous is { } before && before.TeamId != row.TeamId)
                await hub.Clients.Group(TicketsHub.TeamGroup(before.TeamId)).TicketChanged(e with { Row = before, Previous = null, Revoked = true });
            List<string> staff = [TicketsHub.TeamGroup(row.TeamId), TicketsHub.AdminsGroup, .. row.CollaboratorIds.Select(TicketsHub.UserGroup)];
            if (row.AssigneeId is { } assignee) staff.Add(TicketsHub.UserGroup(assignee));
            await hub.Clients.Groups(staff).TicketChanged(e);
            if (!e.IsInternal) await hub.Clients.Group(TicketsHub.RequesterGroup(row.RequesterId)).TicketChanged(e);
            // Followers of this one ticket: access checked per watcher, on this event.
            foreach (var (connection, caller) in watchers.Of(row.Number))
            {
                var delivered = LiveFeed.For(caller, e);
                if (delivered is null) continue;
                if (delivered.Revoked) watchers.Unwatch(row.Number, connection);
                await hub.Clients.Client(connection).TicketChanged(delivered);
            }
        });
        _presence = presence.Watch(null, async number =>
        {
            var views = presence.On(number).Select(p => new PresenceView(p.DisplayName, p.IsStaff, p.Typing)).ToList();
            foreach (var (connection, caller) in watchers.Of(number))
                await hub.Clients.Client(connection).PresenceChanged(number, caller.IsStaff ? views : [.. views.Where(v => v.IsStaff)]);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _events?.Dispose();
        _presence?.Dispose();
        return Task.CompletedTask;
    }
}
