using System.Text.Json;
using Helpdesk.Core.Integrations;
using Helpdesk.Core.Integrations.Webhooks;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Helpdesk.Tests.Core.Integrations;

/// <summary>The outbox: events after a persisted cursor become delivery rows, each once, and only what subscribers asked for.</summary>
public sealed class WebhookOutboxTests : IAsyncLifetime
{
    private IntegrationDesk _desk = null!;
    private WebhookOutbox Outbox => _desk.Db.Get<WebhookOutbox>();
    private WebhookAdmin Admin => _desk.Db.Get<WebhookAdmin>();

    public async Task InitializeAsync() => _desk = await IntegrationDesk.CreateAsync();
    public async Task DisposeAsync() => await _desk.DisposeAsync();

    private async Task<int> SubscribeAsync(WebhookEvents events, string url = "https://hooks.example.test/helpdesk") =>
        (await Admin.CreateAsync(_desk.Desk.Admin, new WebhookInput(url, "a-secret-of-sixteen+", events))).Value;

    private async Task<List<WebhookDelivery>> DeliveriesAsync()
    {
        await using var db = _desk.Db.CreateDbContext();
        return await db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    private async Task<long> LastEventAsync()
    {
        await using var db = _desk.Db.CreateDbContext();
        return await db.Events.MaxAsync(e => e.Id);
    }

    [Fact]
    public async Task EventsBeforeASubscriptionExistedAreNeverSentToIt()
    {
        await _desk.Desk.ATicket().About("Before any webhook");
        Assert.Equal(0, await Outbox.QueueAsync());
        Assert.Equal(await LastEventAsync(), await Outbox.CursorAsync());

        await _desk.Desk.ATicket().About("Also before the webhook");
        await SubscribeAsync(WebhookEvents.TicketCreated);
        var after = await _desk.Desk.ATicket().About("After the webhook");

        Assert.Equal(1, await Outbox.QueueAsync());
        Assert.Equal(after.Number, Assert.Single(await DeliveriesAsync()).TicketNumber);
    }

    [Fact]
    public async Task EachEventIsQueuedOncePerSubscriptionAndTheCursorIsPersisted()
    {
        await Outbox.QueueAsync();
        var all = await SubscribeAsync(WebhookEvents.TicketCreated | WebhookEvents.StatusChanged | WebhookEvents.Assigned | WebhookEvents.Replied);
        var createdOnly = await SubscribeAsync(WebhookEvents.TicketCreated, "https://other.example.test/in");
        var ticket = await _desk.Desk.ATicket().About("Projector dead").InStatus(TicketStatus.Open).AssignedTo(_desk.Desk.Dana);

        Assert.Equal(4, await Outbox.QueueAsync());
        Assert.Equal(0, await Outbox.QueueAsync());
        // A restart: a new outbox over the same database resumes after the persisted cursor.
        var restarted = new WebhookOutbox(_desk.Db.Get<IDbContextFactory<Helpdesk.Core.Data.HelpdeskDbContext>>(), _desk.Db.Get<Helpdesk.Core.Application.WriteGate>(), _desk.Clock);
        Assert.Equal(0, await restarted.QueueAsync());
        Assert.Equal(await LastEventAsync(), await restarted.CursorAsync());

        var deliveries = await DeliveriesAsync();
        Assert.Equal(["ticket.assigned", "ticket.created", "ticket.status_changed"],
            deliveries.Where(d => d.SubscriptionId == all).Select(d => d.EventType).Order());
        Assert.Equal(["ticket.created"], deliveries.Where(d => d.SubscriptionId == createdOnly).Select(d => d.EventType));
        Assert.All(deliveries, d => Assert.Equal((ticket.Number, DeliveryStatus.Pending, 0), (d.TicketNumber, d.Status, d.Attempts)));
        Assert.Equal(deliveries.Count, deliveries.Select(d => (d.SubscriptionId, d.EventSequence)).Distinct().Count());
    }

    [Fact]
    public async Task InternalNotesAreNeverQueuedAndAReplyCarriesItsPublicText()
    {
        await SubscribeAsync(WebhookEvents.Replied);
        var ticket = await _desk.Desk.ATicket().About("Laptop fan noisy");
        await _desk.Desk.HandleAsync(_desk.Desk.Dana, new AddComment(ticket.Number, "Probably dust. Internal: order a new fan.", Internal: true));
        await _desk.Desk.HandleAsync(_desk.Desk.Dana, new AddComment(ticket.Number, "We will clean it tomorrow."));

        await Outbox.QueueAsync();

        var delivery = Assert.Single(await DeliveriesAsync());
        Assert.DoesNotContain("order a new fan", delivery.Payload);
        var payload = JsonSerializer.Deserialize<WebhookPayload>(delivery.Payload, IntegrationJson.Options)!;
        Assert.Equal(("ticket.replied", delivery.EventSequence, "We will clean it tomorrow.", "Dana Agent"),
            (payload.Type, payload.Id, payload.Reply?.Body, payload.Reply?.Author?.Name));
        Assert.Equal((ticket.Number, "Dana Agent"), (payload.Ticket.Number, payload.Actor?.Name));
        Assert.NotNull(payload.Previous);
    }

    [Fact]
    public async Task AStatusChangeCarriesTheTicketBeforeAndAfter()
    {
        await SubscribeAsync(WebhookEvents.StatusChanged);
        var ticket = await _desk.Desk.ATicket().About("Phone line crackles");
        await _desk.Desk.HandleAsync(_desk.Desk.Dana, new ChangeStatus(ticket.Number, TicketStatus.InProgress));

        await Outbox.QueueAsync();

        var payload = JsonSerializer.Deserialize<WebhookPayload>(Assert.Single(await DeliveriesAsync()).Payload, IntegrationJson.Options)!;
        Assert.Equal((TicketStatus.New, TicketStatus.InProgress), (payload.Previous?.Status, payload.Ticket.Status));
        Assert.Contains("\"status\":\"InProgress\"", JsonSerializer.Serialize(payload, IntegrationJson.Options));
    }

    [Fact]
    public async Task APausedWebhookGetsNothingQueuedWhilePaused()
    {
        var id = await SubscribeAsync(WebhookEvents.TicketCreated);
        await Admin.UpdateAsync(_desk.Desk.Admin, id, new WebhookInput("https://hooks.example.test/helpdesk", "a-secret-of-sixteen+", WebhookEvents.TicketCreated, IsActive: false));
        await _desk.Desk.ATicket().About("While paused");

        Assert.Equal(0, await Outbox.QueueAsync());
        Assert.Empty(await DeliveriesAsync());
    }

    [Fact]
    public async Task MoreEventsThanOneBatchAreAllQueuedInOrder()
    {
        await SubscribeAsync(WebhookEvents.TicketCreated);
        for (var i = 0; i < WebhookOutbox.BatchSize + 5; i++) await _desk.Desk.ATicket().About($"Bulk {i}");

        Assert.Equal(WebhookOutbox.BatchSize + 5, await Outbox.QueueAsync());

        var deliveries = await DeliveriesAsync();
        Assert.Equal(deliveries.Select(d => d.EventSequence).Order(), deliveries.Select(d => d.EventSequence));
    }

    [Fact]
    public async Task OnlyAdminsManageWebhooksAndTheInputIsChecked()
    {
        var byAgent = await Admin.CreateAsync(_desk.Desk.Dana, new WebhookInput("https://x.example.test", "a-secret-of-sixteen+", WebhookEvents.TicketCreated));
        var invalid = await Admin.CreateAsync(_desk.Desk.Admin, new WebhookInput("ftp://x", "short", WebhookEvents.None));

        Assert.Equal(Helpdesk.Core.Application.ErrorKind.Forbidden, byAgent.Error?.Kind);
        Assert.Equal(["Events", "Secret", "Url"], invalid.Error!.Fields.Keys.Order());
        Assert.Empty(await Admin.ListAsync(_desk.Desk.Dana));
    }
}
