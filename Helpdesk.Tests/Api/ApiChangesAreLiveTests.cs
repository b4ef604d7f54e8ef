using System.Collections.Concurrent;
using System.Net;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Core;
using Helpdesk.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Api;

/// <summary>A change made through the API goes through the same handlers, so consoles see it live like any other.</summary>
public sealed class ApiChangesAreLiveTests(AppHost app) : IClassFixture<AppHost>
{
    [Fact]
    public async Task AnAgentsHubClientAndTheEventStreamReceiveAnApiMadeChange()
    {
        var alice = await app.CallerAsync("alice@example.test");
        var ticket = await app.FileRequestAsync(alice, "Keyboard missing keys");
        using var samBrowser = await SignedInClient.SignInAsync(app, "sam@helpdesk.test");
        await using var hub = samBrowser.Hub();
        var received = new ConcurrentQueue<TicketEvent>();
        var arrived = new SemaphoreSlim(0);
        hub.On<TicketEvent>("TicketChanged", e => { received.Enqueue(e); arrived.Release(); });
        await hub.StartAsync();
        using var probe = EventProbe.For(app.Services.GetRequiredService<IEventStream>(),
            e => e.Row.Number == ticket.Number && e.Kind == TicketEventKind.StatusChanged);
        using var dana = await app.ApiAsAsync("dana@helpdesk.test");

        var response = await dana.PostJsonAsync($"api/v1/tickets/{ticket.Number}/status", new { status = "InProgress" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var published = await probe.Published;
        Assert.Equal(TicketStatus.InProgress, published.Row.Status);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        TicketEvent? live;
        while ((live = received.FirstOrDefault(e => e.Sequence == published.Sequence)) is null)
            Assert.True(await arrived.WaitAsync(deadline - DateTime.UtcNow > TimeSpan.Zero ? deadline - DateTime.UtcNow : TimeSpan.Zero),
                "Sam's hub client did not receive the API-made change within 10 s");
        Assert.Equal((TicketStatus.InProgress, published.Row.Version), (live.Row.Status, live.Row.Version));
        Assert.Equal((await app.CallerAsync("dana@helpdesk.test")).UserId, live.ActorId);
    }
}
