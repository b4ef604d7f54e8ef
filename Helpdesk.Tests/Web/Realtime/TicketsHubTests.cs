using System.Collections.Concurrent;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Helpdesk.Core.People;

namespace Helpdesk.Tests.Web.Realtime;

/// <summary>/hubs/tickets with the real SignalR .NET client against the app on a real port.</summary>
public sealed class TicketsHubTests(AppHost app) : IClassFixture<AppHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AnAgentsHubClientReceivesAChangeToATeamTicket()
    {
        var alice = await app.CallerAsync("alice@example.test");
        var dana = await app.CallerAsync("dana@helpdesk.test");
        var ticket = await app.FileRequestAsync(alice);
        using var danaHttp = await SignedInClient.SignInAsync(app, "dana@helpdesk.test");
        await using var hub = danaHttp.Hub();
        var received = new Inbox(hub);
        await hub.StartAsync();

        var changed = await app.Send(dana, new ChangeStatus(ticket.Number, TicketStatus.InProgress));

        var e = await received.WaitForAsync(x => x.Row.Number == ticket.Number && x.Kind == TicketEventKind.StatusChanged);
        Assert.Equal(TicketStatus.InProgress, e.Row.Status);
        Assert.Equal(changed.Version, e.Row.Version);
        Assert.True(e.Sequence > 0);
    }

    [Fact]
    public async Task AConnectionThatMaySeeAnEventInSeveralWaysGetsItOnce()
    {
        // Ada is an admin, in the ticket's team, and will be its assignee: three reasons, one copy.
        var alice = await app.CallerAsync("alice@example.test");
        var ada = await app.CallerAsync("admin@helpdesk.test");
        var ticket = await app.FileRequestAsync(alice, "Docking station dead");
        using var adaHttp = await SignedInClient.SignInAsync(app, "admin@helpdesk.test");
        await using var hub = adaHttp.Hub();
        var inbox = new Inbox(hub);
        await hub.StartAsync();

        var assigned = await app.Send(ada, new AssignTicket(ticket.Number, ada.UserId));
        var later = await app.FileRequestAsync(alice, "Marker after the assignment");

        await inbox.WaitForAsync(x => x.Row.Number == later.Number);
        var copies = inbox.All.Where(x => x.Row.Number == ticket.Number && x.Kind == TicketEventKind.Assigned).ToList();
        Assert.Single(copies);
        Assert.Equal(assigned.Version, copies[0].Row.Version);
    }

    [Fact]
    public async Task AnIntegrationSubscribesWithAnApiTokenAndSeesOnlyWhatItsOwnerMay()
    {
        var alice = await app.CallerAsync("alice@example.test");
        var dana = await app.CallerAsync("dana@helpdesk.test");
        var token = (await app.Services.GetRequiredService<Helpdesk.Core.Integrations.Tokens.ApiTokens>().CreateAsync(alice, "status screen", null)).Value!.Token;
        await using var hub = new HubConnectionBuilder()
            .WithUrl(app.Url("/hubs/tickets"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
            .Build();
        var inbox = new Inbox(hub);
        await hub.StartAsync();
        var mine = await app.FileRequestAsync(alice, "Token-followed request");

        await app.Send(dana, new ChangeStatus(mine.Number, TicketStatus.InProgress));

        var e = await inbox.WaitForAsync(x => x.Row.Number == mine.Number && x.Kind == TicketEventKind.StatusChanged);
        Assert.Equal(TicketStatus.InProgress, e.Row.Status);
        Assert.All(inbox.All, x => Assert.Equal(alice.UserId, x.Row.RequesterId));
    }

    [Fact]
    public async Task AHubConnectionWithoutCookieOrTokenIsRefused()
    {
        await using var hub = new HubConnectionBuilder().WithUrl(app.Url("/hubs/tickets")).Build();
        await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync());
    }

    [Fact]
    public async Task ARequesterCannotWatchSomeoneElsesTicketAndItLooksMissing()
    {
        var alice = await app.CallerAsync("alice@example.test");
        var ticket = await app.FileRequestAsync(alice, "Alice's private matter");
        using var bea = await Register(app, "bea@example.test");
        await using var hub = bea.Hub();
        await hub.StartAsync();

        Assert.False(await hub.InvokeAsync<bool>("WatchTicket", ticket.Number));
        Assert.False(await hub.InvokeAsync<bool>("WatchTicket", 999_999));

        var theirs = SignedInClient.Text(await bea.Http.GetStringAsync($"/tickets/{ticket.Number}"));
        var missing = SignedInClient.Text(await bea.Http.GetStringAsync("/tickets/999999"));
        Assert.Contains($"Ticket HD-{ticket.Number} was not found.", theirs);
        Assert.DoesNotContain("Alice's private matter", theirs);
        Assert.Equal(missing.Replace("HD-999999", "HD-N"), theirs.Replace($"HD-{ticket.Number}", "HD-N"));
    }

    [Fact]
    public async Task ARequesterGetsPublicRepliesButNeverInternalNotesNorOtherPeoplesTickets()
    {
        var alice = await app.CallerAsync("alice@example.test");
        var dana = await app.CallerAsync("dana@helpdesk.test");
        var ticket = await app.FileRequestAsync(alice);
        using var aliceHttp = await SignedInClient.SignInAsync(app, "alice@example.test");
        using var bea = await Register(app, "bea2@example.test");
        var beaCaller = await app.CallerAsync("bea2@example.test");
        await using var aliceHub = aliceHttp.Hub();
        await using var beaHub = bea.Hub();
        var aliceInbox = new Inbox(aliceHub);
        var beaInbox = new Inbox(beaHub);
        await aliceHub.StartAsync();
        await beaHub.StartAsync();
        Assert.True(await aliceHub.InvokeAsync<bool>("WatchTicket", ticket.Number));

        await app.Send(dana, new AddComment(ticket.Number, "Looks like the ACL on FS01 again", Internal: true));
        await app.Send(dana, new AddComment(ticket.Number, "Fixed: please try again."));
        var beasOwn = await app.FileRequestAsync(beaCaller, "Bea's own request");

        await aliceInbox.WaitForAsync(x => x.Row.Number == ticket.Number && x.Kind == TicketEventKind.Replied);
        // Events reach a connection in order: once Bea has her own later event, Alice's would have come before it.
        await beaInbox.WaitForAsync(x => x.Row.Number == beasOwn.Number);
        Assert.DoesNotContain(aliceInbox.All, x => x.IsInternal || x.Kind == TicketEventKind.NoteAdded);
        Assert.DoesNotContain(beaInbox.All, x => x.Row.Number == ticket.Number);

        var missed = await aliceHub.InvokeAsync<IReadOnlyList<TicketEvent>>("EventsAfter", 0L);
        Assert.Contains(missed, x => x.Row.Number == ticket.Number && x.Kind == TicketEventKind.Replied);
        Assert.DoesNotContain(missed, x => x.IsInternal);
        Assert.All(missed, x => Assert.Equal(alice.UserId, x.Row.RequesterId));
    }

    [Fact]
    public async Task AnAgentWhoLosesSightOfAWatchedTicketGetsItRevokedAndNothingAfter()
    {
        var alice = await app.CallerAsync("alice@example.test");
        var dana = await app.CallerAsync("dana@helpdesk.test");
        var ines = await app.CallerAsync("ines@helpdesk.test");
        var ticket = await app.FileRequestAsync(alice, "Server room door alarm");
        using var samHttp = await SignedInClient.SignInAsync(app, "sam@helpdesk.test");
        await using var hub = samHttp.Hub();
        var inbox = new Inbox(hub);
        await hub.StartAsync();
        Assert.True(await hub.InvokeAsync<bool>("WatchTicket", ticket.Number));
        var infrastructure = (await app.Services.GetRequiredService<PeopleQueries>().TeamsAsync()).Single(t => t.Name == "Infrastructure").Id;

        await app.Send(dana, new EscalateTicket(ticket.Number, Tier.L3, "Physical security", infrastructure));
        await app.Send(ines, new AddComment(ticket.Number, "Infrastructure's private reply."));
        var later = await app.FileRequestAsync(alice, "Later request in Sam's team");

        var revoked = await inbox.WaitForAsync(x => x.Row.Number == ticket.Number && x.Revoked);
        await inbox.WaitForAsync(x => x.Row.Number == later.Number);
        Assert.Equal("Service desk", revoked.Row.TeamName);
        Assert.All(inbox.All.Where(x => x.Row.Number == ticket.Number), x => Assert.True(x.Revoked));
        Assert.DoesNotContain(inbox.All, x => x.Kind == TicketEventKind.Replied && x.Row.Number == ticket.Number);
    }

    private static async Task<SignedInClient> Register(AppHost app, string email)
    {
        var client = SignedInClient.Anonymous(app);
        var response = await client.PostFormAsync("/account/register", "register", new()
        {
            ["Input.DisplayName"] = "Bea " + email, ["Input.Email"] = email,
            ["Input.Password"] = "Correct-Horse-7", ["Input.ConfirmPassword"] = "Correct-Horse-7",
        });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Collects what a hub connection receives; waits for a matching event with a timeout (no sleeps).</summary>
    private sealed class Inbox
    {
        private readonly ConcurrentQueue<TicketEvent> _events = new();
        private readonly SemaphoreSlim _arrived = new(0);

        public Inbox(HubConnection hub) => hub.On<TicketEvent>("TicketChanged", e =>
        {
            _events.Enqueue(e);
            _arrived.Release();
        });

        public IReadOnlyList<TicketEvent> All => [.. _events];

        public async Task<TicketEvent> WaitForAsync(Func<TicketEvent, bool> match)
        {
            var deadline = DateTime.UtcNow + Wait;
            while (true)
            {
                var found = _events.FirstOrDefault(match);
                if (found is not null) return found;
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
                    throw new TimeoutException($"No matching event within {Wait.TotalSeconds} s; got {string.Join(", ", All.Select(e => $"{e.Kind} HD-{e.Row.Number}"))}");
            }
        }
    }
}
