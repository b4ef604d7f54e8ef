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
/// Every connection receives, once, each event it may see (HubFanOut checks access per event in
/// memory). WatchTicket adds the ticket's presence after the same access check as its page; a
/// ticket the caller may not see answers exactly like a missing one.
/// </summary>
// Pages connect with their sign-in cookie; integrations with a personal API token (Bearer hd_...).
[Authorize(AuthenticationSchemes = "Identity.Application," + Api.ApiTokenAuthenticationHandler.SchemeName)]
public sealed class TicketsHub(CallerDirectory directory, TicketQueries queries, EventLog log, HubConnections connections, HubWatchers watchers) : Hub<ITicketsClient>
{
    public const string Url = "/hubs/tickets";
    private const string CallerKey = "caller";

    public override async Task OnConnectedAsync()
    {
        var caller = await CallerAsync();
        if (caller is null)
        {
            Context.Abort();
            return;
        }
        connections.Add(Context, caller);
    }

    /// <summary>Follow one ticket's presence (who views, who types). False when it is missing or not the caller's to see.</summary>
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
        connections.Remove(Context.ConnectionId);
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
