using Helpdesk.Core.Admin;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Web.SeveralServers;

/// <summary>
/// Two app servers with a real Redis backplane: changes made on A reach hub clients on B, also while
/// Redis is down and after it comes back (none lost, none twice, in order), and a person deactivated
/// on A stops receiving events on B at once.
/// </summary>
public sealed class RedisBackplaneTests : TwoServersTest
{

    [Fact]
    public async Task AChangeMadeOnServerAReachesAHubClientOnServerB()
    {
        Assert.Equal("Healthy", await TwoServers.HealthAsync(B));
        var alice = await A.CallerAsync("alice@example.test");
        var danaOnA = await A.CallerAsync("dana@helpdesk.test");
        using var danaOnB = await SignedInClient.SignInAsync(B, "dana@helpdesk.test");
        await using var hub = danaOnB.Hub();
        var inbox = new HubInbox(hub);
        await hub.StartAsync();

        var ticket = await A.FileRequestAsync(alice, "VPN drops every hour");
        await A.Send(danaOnA, new ChangeStatus(ticket.Number, TicketStatus.InProgress));

        var e = await inbox.WaitForAsync(x => x.Row.Number == ticket.Number && x.Row.Status == TicketStatus.InProgress);
        Assert.Equal(TicketEventKind.StatusChanged, e.Kind);
        Assert.Equal("VPN drops every hour", e.Row.Subject);
    }

    [Fact]
    public async Task WhileRedisIsDownWritesSucceedAndEveryChangeReachesServerBOnceInOrder()
    {
        var alice = await A.CallerAsync("alice@example.test");
        var danaOnA = await A.CallerAsync("dana@helpdesk.test");
        using var danaOnB = await SignedInClient.SignInAsync(B, "dana@helpdesk.test");
        await using var hub = danaOnB.Hub();
        var inbox = new HubInbox(hub);
        await hub.StartAsync();
        var ticket = await A.FileRequestAsync(alice, "Printer on floor 3 jams");
        await inbox.WaitForAsync(x => x.Row.Number == ticket.Number);

        Servers.Redis.Stop();
        // Both servers notice, report it without leaving the load balancer's rotation, and carry on.
        await Eventually.TrueAsync(async () => await TwoServers.HealthAsync(A) == "Degraded" && await TwoServers.HealthAsync(B) == "Degraded",
            "both servers report Redis as degraded");
        TicketStatus[] during = [TicketStatus.InProgress, TicketStatus.Pending, TicketStatus.InProgress];
        foreach (var status in during) await A.Send(danaOnA, new ChangeStatus(ticket.Number, status)); // Send insists each succeeded
        await inbox.WaitForAsync(x => x.Row.Number == ticket.Number && x.Row.Version == ticket.Version + during.Length);

        await Servers.Redis.StartAsync();
        await Eventually.TrueAsync(async () => await TwoServers.HealthAsync(A) == "Healthy" && await TwoServers.HealthAsync(B) == "Healthy",
            "both servers reconnect to Redis");
        TicketStatus[] after = [TicketStatus.Pending, TicketStatus.InProgress];
        foreach (var status in after) await A.Send(danaOnA, new ChangeStatus(ticket.Number, status));
        var total = during.Length + after.Length;
        await inbox.WaitForAsync(x => x.Row.Number == ticket.Number && x.Row.Version == ticket.Version + total);

        var received = inbox.Events.Where(x => x.Row.Number == ticket.Number).ToList();
        Assert.Equal(received.Select(x => x.Sequence).Order().Distinct(), received.Select(x => x.Sequence)); // in order, none twice
        Assert.Equal([.. during, .. after], received.Skip(1).Select(x => x.Row.Status));
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    [Fact]
    public async Task AHubClientThatConnectsToServerBWhileRedisIsDownIsServedAtOnce()
    {
        var alice = await A.CallerAsync("alice@example.test");
        var earlier = await A.FileRequestAsync(alice, "Filed before Redis went down");
        using var danaOnB = await SignedInClient.SignInAsync(B, "dana@helpdesk.test");
        Servers.Redis.Stop();
        await Eventually.TrueAsync(async () => await TwoServers.HealthAsync(B) == "Degraded", "B reports Redis as degraded");

        await using var hub = danaOnB.Hub();
        var inbox = new HubInbox(hub);
        await hub.StartAsync();
        // Its calls are answered during the outage (SignalR's Redis manager alone would hold the
        // connection back until Redis answered, or until its subscription timed out and closed it)...
        Assert.True(await hub.InvokeAsync<bool>("WatchTicket", earlier.Number).WaitAsync(HubInbox.Wait));
        var ticket = await A.FileRequestAsync(alice, "Filed while Redis is down");

        // ...and events reach it during the outage, not once Redis is back.
        await inbox.WaitForAsync(x => x.Row.Number == ticket.Number);
        Assert.Equal("Degraded", await TwoServers.HealthAsync(B));
        await Servers.Redis.StartAsync();
    }

    [Fact]
    public async Task APersonDeactivatedOnServerAStopsReceivingEventsOnServerB()
    {
        var alice = await A.CallerAsync("alice@example.test");
        var admin = await A.CallerAsync("admin@helpdesk.test");
        var dana = await A.CallerAsync("dana@helpdesk.test");
        using var danaOnB = await SignedInClient.SignInAsync(B, "dana@helpdesk.test");
        using var samOnB = await SignedInClient.SignInAsync(B, "sam@helpdesk.test");
        await using var danaHub = danaOnB.Hub();
        await using var samHub = samOnB.Hub();
        var danaInbox = new HubInbox(danaHub);
        var samInbox = new HubInbox(samHub);
        var danaClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        danaHub.Closed += _ => { danaClosed.TrySetResult(); return Task.CompletedTask; };
        await danaHub.StartAsync();
        await samHub.StartAsync();
        var before = await A.FileRequestAsync(alice, "Before Dana leaves");
        await danaInbox.WaitForAsync(x => x.Row.Number == before.Number);

        var result = await A.Services.GetRequiredService<PeopleAdmin>().SetActiveAsync(admin, dana.UserId, active: false);
        Assert.True(result.Succeeded, result.Error?.Message);

        // Her connection on B is closed by B itself (the revalidation sweep is a minute away here).
        await danaClosed.Task.WaitAsync(HubInbox.Wait);
        var afterwards = await A.FileRequestAsync(alice, "After Dana left");
        await samInbox.WaitForAsync(x => x.Row.Number == afterwards.Number);
        Assert.DoesNotContain(danaInbox.Events, x => x.Row.Number == afterwards.Number);
    }
}
