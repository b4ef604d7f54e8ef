using System.Collections.Concurrent;
using Helpdesk.Core.Routing;
using Helpdesk.Tests.Support;
using Helpdesk.Web.Realtime;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Web.SeveralServers;

/// <summary>
/// Presence across two app servers on one PostgreSQL: who views or types in a ticket on server A is
/// shown to people on server B, who is online on A counts as online on B (routing, boards), and when
/// A stops its people leave B's screens. The heartbeat is set to a minute, so nothing here can pass
/// by waiting for a repeat or an expiry: only the messages sent as things change.
/// </summary>
public sealed class PresenceAcrossServersTests : TwoServersTest
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Presence:HeartbeatSeconds"] = "60" };

    [Fact]
    public async Task SomeoneViewingAndTypingOnServerAIsShownToAHubClientOnServerB()
    {
        var alice = await A.CallerAsync("alice@example.test");
        var omar = await A.CallerAsync("omar@helpdesk.test");
        var ticket = await A.FileRequestAsync(alice, "Laptop will not dock");
        using var danaOnB = await SignedInClient.SignInAsync(B, "dana@helpdesk.test");
        await using var hub = danaOnB.Hub();
        var seen = new PresenceInbox(hub, ticket.Number);
        await hub.StartAsync();
        Assert.True(await hub.InvokeAsync<bool>("WatchTicket", ticket.Number));

        // Omar opens the ticket on server A (what its page does), then starts typing a reply.
        var page = A.Services.GetRequiredService<PresenceTracker>().Join(ticket.Number, omar.UserId, omar.DisplayName, isStaff: true);
        await seen.WaitForAsync(p => p is [{ Typing: false } v] && v.DisplayName == omar.DisplayName, "Omar viewing");
        page.Typing(true);
        await seen.WaitForAsync(p => p is [{ Typing: true } v] && v.DisplayName == omar.DisplayName, "Omar typing");
        Assert.Equal(omar.UserId, Assert.Single(B.Services.GetRequiredService<PresenceTracker>().All()[ticket.Number]).UserId);

        page.Dispose(); // he leaves the page
        await seen.WaitForAsync(p => p.Count == 0, "nobody on the ticket");
        Assert.False(B.Services.GetRequiredService<PresenceTracker>().All().ContainsKey(ticket.Number));
    }

    [Fact]
    public async Task SomeoneOnlineOnServerAIsOnlineForServerBAndBoardsThereHearOfIt()
    {
        var omar = await A.CallerAsync("omar@helpdesk.test");
        var onB = B.Services.GetRequiredService<AgentPresence>();
        var changes = new ConcurrentQueue<AgentStatusChanged>();
        using var board = onB.Watch(c => { changes.Enqueue(c); return Task.CompletedTask; });
        Assert.False(B.Services.GetRequiredService<IOnlineAgents>().IsOnline(omar.UserId));

        A.Services.GetRequiredService<AgentPresence>().Connected("omar-tab-1", omar.UserId);
        await Eventually.TrueAsync(() => Task.FromResult(B.Services.GetRequiredService<IOnlineAgents>().IsOnline(omar.UserId)), "Omar online for B's routing");
        await Eventually.TrueAsync(() => Task.FromResult(changes.Any(c => c is { Online: true } && c.UserId == omar.UserId)), "B's board hears Omar came online");

        A.Services.GetRequiredService<AgentPresence>().AvailabilityChanged(omar.UserId, away: true);
        await Eventually.TrueAsync(() => Task.FromResult(changes.Any(c => c is { Away: true } && c.UserId == omar.UserId)), "B's board hears Omar is away");

        A.Services.GetRequiredService<AgentPresence>().Disconnected("omar-tab-1");
        await Eventually.TrueAsync(() => Task.FromResult(!onB.IsOnline(omar.UserId)), "Omar offline for B");
        Assert.Contains(changes, c => c is { Online: false } && c.UserId == omar.UserId);
    }

    [Fact]
    public async Task WhenServerAStopsItsPeopleLeaveServerBsScreensAtOnce()
    {
        var alice = await A.CallerAsync("alice@example.test");
        var omar = await A.CallerAsync("omar@helpdesk.test");
        var ticket = await A.FileRequestAsync(alice, "Badge reader at the side door");
        using var danaOnB = await SignedInClient.SignInAsync(B, "dana@helpdesk.test");
        await using var hub = danaOnB.Hub();
        var seen = new PresenceInbox(hub, ticket.Number);
        await hub.StartAsync();
        Assert.True(await hub.InvokeAsync<bool>("WatchTicket", ticket.Number));
        A.Services.GetRequiredService<PresenceTracker>().Join(ticket.Number, omar.UserId, omar.DisplayName, isStaff: true);
        A.Services.GetRequiredService<AgentPresence>().Connected("omar-tab-1", omar.UserId);
        await seen.WaitForAsync(p => p.Count == 1, "Omar viewing");
        await Eventually.TrueAsync(() => Task.FromResult(B.Services.GetRequiredService<AgentPresence>().IsOnline(omar.UserId)), "Omar online for B");

        await A.StopAsync();

        await seen.WaitForAsync(p => p.Count == 0, "Omar gone from the ticket with his server");
        Assert.False(B.Services.GetRequiredService<AgentPresence>().IsOnline(omar.UserId));
    }

    /// <summary>PresenceChanged messages a hub client received for one ticket.</summary>
    private sealed class PresenceInbox
    {
        private readonly ConcurrentQueue<IReadOnlyList<PresenceView>> _received = new();

        public PresenceInbox(HubConnection hub, int number) =>
            hub.On<int, IReadOnlyList<PresenceView>>("PresenceChanged", (n, present) =>
            {
                if (n == number) _received.Enqueue(present);
            });

        public Task WaitForAsync(Func<IReadOnlyList<PresenceView>, bool> match, string what) =>
            Eventually.TrueAsync(() => Task.FromResult(_received.LastOrDefault() is { } last && match(last)),
                $"{what} (last seen: {string.Join(" | ", _received.Select(p => string.Join(", ", p.Select(v => v.DisplayName + (v.Typing ? " typing" : "")))))})");
    }
}
