using System.Collections.Concurrent;
using Helpdesk.Core.Data;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Postgres;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Web.SeveralServers;

/// <summary>
/// Two app servers on two loopback ports sharing one real PostgreSQL database: what one commits
/// reaches the other's live fan-out (LISTEN/NOTIFY wakes, the event log orders), once, in order.
/// </summary>
public sealed class EventsAcrossServersTests : IAsyncLifetime
{
    private PostgresServer _postgres = null!;
    private string _database = "";
    private AppHost _a = null!;
    private AppHost _b = null!;

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.GetAsync();
        _database = await _postgres.CreateDatabaseAsync();
        var shared = new Dictionary<string, string?>
        {
            ["Database:Provider"] = DatabaseOptions.PostgresProvider,
            ["Database:ConnectionString"] = _postgres.ConnectionString(_database),
        };
        // A migrates and seeds; B finds the database ready, as a second server behind a load balancer does.
        _a = await AppHost.StartAsync(settings: shared);
        _b = await AppHost.StartAsync(settings: shared);
    }

    public async Task DisposeAsync()
    {
        if (_b is not null) await _b.DisposeAsync();
        if (_a is not null) await _a.DisposeAsync();
        if (_database.Length > 0) await _postgres.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task ATicketFiledThroughServerAReachesAHubClientOnServerB()
    {
        var alice = await _a.CallerAsync("alice@example.test");
        using var danaOnB = await SignedInClient.SignInAsync(_b, "dana@helpdesk.test");
        await using var hub = danaOnB.Hub();
        var inbox = new HubInbox(hub);
        await hub.StartAsync();

        var ticket = await _a.FileRequestAsync(alice, "Filed on server A");

        var e = await inbox.WaitForAsync(x => x.Row.Number == ticket.Number && x.Kind == TicketEventKind.Created);
        Assert.Equal("Filed on server A", e.Row.Subject);
    }

    [Fact]
    public async Task ChangesFromBothServersArriveOnBothOnceAndInSequenceOrder()
    {
        var alice = await _a.CallerAsync("alice@example.test");
        var danaA = await _a.CallerAsync("dana@helpdesk.test");
        var danaB = await _b.CallerAsync("dana@helpdesk.test");
        var seenOnA = Record(_a);
        var seenOnB = Record(_b);

        var ticket = await _a.FileRequestAsync(alice, "Passed between servers");
        var started = await _b.Send(danaB, new ChangeStatus(ticket.Number, TicketStatus.InProgress));
        var marker = await _a.FileRequestAsync(alice, "Marker after the changes");
        await _b.Send(danaB, new ChangeStatus(marker.Number, TicketStatus.InProgress));
        await _a.Send(danaA, new ChangeStatus(ticket.Number, TicketStatus.Pending));

        foreach (var seen in new[] { seenOnA, seenOnB })
        {
            await Eventually.TrueAsync(() => seen.Events.Any(x => x.Row.Number == ticket.Number && x.Row.Status == TicketStatus.Pending), "the change reaches the other server");
            var sequences = seen.Events.Select(x => x.Sequence).ToList();
            Assert.Equal(sequences.Order().Distinct(), sequences); // ascending, none twice
            var mine = seen.Events.Where(x => x.Row.Number == ticket.Number).ToList();
            Assert.Equal([TicketEventKind.Created, TicketEventKind.StatusChanged, TicketEventKind.StatusChanged], mine.Select(x => x.Kind));
            // A change committed elsewhere still carries its before-row (from the log) for deltas.
            Assert.Equal(TicketStatus.InProgress, mine[2].Previous?.Status);
            Assert.Equal(started.Version, mine[1].Row.Version);
        }
        seenOnA.Subscription.Dispose();
        seenOnB.Subscription.Dispose();
    }

    private static (ConcurrentQueue<TicketEvent> Events, IDisposable Subscription) Record(AppHost app)
    {
        var events = new ConcurrentQueue<TicketEvent>();
        var subscription = app.Services.GetRequiredService<IEventStream>().Subscribe("test", (e, _) =>
        {
            events.Enqueue(e);
            return ValueTask.CompletedTask;
        });
        return (events, subscription);
    }
}
