using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Web.Features.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Helpdesk.Web.Realtime;

/// <summary>
/// Live ticket events for clients outside Blazor (integrations, the wall's fallback, tests).
/// Connections join their own groups on connect; a ticket's group only after the same access
/// check as its page. A ticket the caller may not see answers exactly like a missing one.
/// </summary>
[Authorize]
public sealed class TicketsHub(CallerDirectory directory, TicketQueries queries, EventLog log, HubWatchers watchers) : Hub<ITicketsClient>
{
    public const string Url = "/hubs/tickets";
    private const string CallerKey = "caller";

    public static string TeamGroup(int teamId) => $"team:{teamId}";
    public static string RequesterGroup(int userId) => $"requester:{userId}";
    public static string UserGroup(int userId) => $"user:{userId}";
    public const string AdminsGroup = "admins";

    public override async Task OnConnectedAsync()
    {
        var caller = await CallerAsync();
        if (caller is null)
        {
            Context.Abort();
            return;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, RequesterGroup(caller.UserId));
        if (caller.IsStaff) await Groups.AddToGroupAsync(Context.ConnectionId, UserGroup(caller.UserId));
        if (caller.IsAdmin) await Groups.AddToGroupAsync(Context.ConnectionId, AdminsGroup);
        if (caller.IsStaff)
            foreach (var team in caller.TeamIds) await Groups.AddToGroupAsync(Context.ConnectionId, TeamGroup(team));
    }

    /// <summary>Follow one ticket. False when it is missing or not the caller's to see.</summary>
    public async Task<bool> WatchTicket(int number)
    {
        var caller = await CallerAsync();
        if (caller is null || await queries.GetRowAsync(caller, number) is null) return false;
        watchers.Watch(number, Context.ConnectionId, caller);
        return true;
    }

    public void UnwatchTicket(int number) => watchers.Unwatch(number, Context.ConnectionId);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        watchers.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Catch up after a reconnect: the caller's events after <paramref name="sequence"/>, oldest first (at most 500; reload if full).</summary>
    public async Task<IReadOnlyList<TicketEvent>> EventsAfter(long sequence)
    {
        var caller = await CallerAsync();
        return caller is null ? [] : await log.ReadAfterAsync(caller, sequence, 500);
    }

    private async Task<Caller?> CallerAsync()
    {
        if (Context.Items.TryGetValue(CallerKey, out var cached) && cached is Caller c) return c;
        var caller = Context.User is null ? null : await CurrentCaller.FromPrincipalAsync(directory, Context.User);
        if (caller is not null) Context.Items[CallerKey] = caller;
        return caller;
    }
}
