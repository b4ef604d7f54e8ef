using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Helpdesk.Web.Realtime;

namespace Helpdesk.Tests.Core.Sla;

/// <summary>Who may see and change SLA things: admins edit, staff read the panel, requesters never get SLA events.</summary>
public sealed class SlaAccessTests : SlaTest
{
    [Fact]
    public async Task RequestersNeverReceiveSlaEventsNorThePanel()
    {
        await PolicyAsync(Priority.P4, response: 60, resolution: 600);
        var ticket = await FileAsync();
        using var breached = EventProbe.For(Db.Get<IEventStream>(), e => e.Kind == TicketEventKind.SlaBreached && e.Row.Number == ticket.Number);
        Clock.Advance(TimeSpan.FromHours(1));
        await Processor.RunDueAsync();
        var e = await breached.Published;

        Assert.False(LiveFeed.MaySee(Desk.Alice, e));
        Assert.True(LiveFeed.MaySee(Desk.Dana, e));
        Assert.Null(await Db.Get<SlaQueries>().GetPanelAsync(Desk.Alice, ticket.Number));
        Assert.NotNull(await Db.Get<SlaQueries>().GetPanelAsync(Desk.Dana, ticket.Number));
        // A colleague of another team cannot read it either: it looks missing.
        Assert.Null(await Db.Get<SlaQueries>().GetPanelAsync(Desk.Ines, ticket.Number));
    }

    [Fact]
    public async Task TheRequesterIsToldWhenWeAimToRespondUntilSomebodyHas()
    {
        await PolicyAsync(Priority.P4, response: 60, resolution: 600);
        var ticket = await FileAsync();

        var promise = await Db.Get<SlaQueries>().GetResponsePromiseAsync(Desk.Alice, ticket.Number);
        Assert.Equal(new ResponsePromise(Utc(3, 2, 10), "Europe/Berlin"), promise);
        Assert.Null(await Db.Get<SlaQueries>().GetResponsePromiseAsync(Desk.Bob, ticket.Number));

        await Desk.HandleAsync(Desk.Dana, new Helpdesk.Core.Tickets.Commands.AddComment(ticket.Number, "On it."));
        Assert.Null(await Db.Get<SlaQueries>().GetResponsePromiseAsync(Desk.Alice, ticket.Number));
    }

    [Fact]
    public async Task OnlyAdminsSeeOrChangePoliciesAndCalendars()
    {
        Assert.Null(await Sla.GetAsync(Desk.Dana));
        var refused = await Sla.SavePolicyAsync(Desk.Dana, new SlaPolicyInput(null, "Mine", true, Priority.P4, null, null, Office, 60, 600, 75), false);
        Assert.Equal(ErrorKind.Forbidden, refused.Error!.Kind);
        Assert.NotNull(await Sla.GetAsync(Desk.Admin));
    }

    [Fact]
    public async Task APolicyWithSeveralMistakesListsThemAllAtOnce()
    {
        var result = await Sla.SavePolicyAsync(Desk.Admin, new SlaPolicyInput(null, " ", true, (Priority)9, null, 999, 999, 0, 0, 100), false);

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Equal(["AtRiskPercent", "CalendarId", "FirstResponseMinutes", "Name", "Priority", "ResolutionMinutes", "TeamId"],
            result.Error.Fields.Keys.Order());
        var calendar = await Sla.SaveCalendarAsync(Desk.Admin, new SlaCalendarInput(null, "", "Mars/Olympus",
            [new WorkingHoursView(8, 0, 2000)], [new HolidayView(new DateOnly(2026, 5, 1), "", false)]), false);
        Assert.Equal(["Holidays[0].Name", "Hours[0]", "Hours[0].Day", "Name", "TimeZoneId"], calendar.Error!.Fields.Keys.Order());
    }
}

/// <summary>Integrations hear of breaches: issue 10 promised "ticket.sla_breached".</summary>
public sealed class SlaWebhookTests : SlaTest
{
    [Fact]
    public async Task ABreachIsQueuedForWebhooksThatAskedForItWithTheMissedTarget()
    {
        var outbox = Db.Get<Helpdesk.Core.Integrations.Webhooks.WebhookOutbox>();
        await outbox.QueueAsync();
        var admin = Db.Get<Helpdesk.Core.Integrations.Webhooks.WebhookAdmin>();
        var breaches = (await admin.CreateAsync(Desk.Admin, new Helpdesk.Core.Integrations.Webhooks.WebhookInput(
            "https://hooks.example.test/sla", "a-secret-of-sixteen+", Helpdesk.Core.Integrations.Webhooks.WebhookEvents.SlaBreached))).Value;
        await PolicyAsync(Priority.P4, response: 60, resolution: 600);
        var ticket = await FileAsync();
        Clock.Advance(TimeSpan.FromMinutes(45));
        await Processor.RunDueAsync(); // at risk: not a webhook event
        Clock.Advance(TimeSpan.FromMinutes(15));
        await Processor.RunDueAsync();

        Assert.Equal(1, await outbox.QueueAsync());
        await using var db = Db.CreateDbContext();
        var delivery = db.WebhookDeliveries.Single();
        Assert.Equal((breaches, "ticket.sla_breached", ticket.Number), (delivery.SubscriptionId, delivery.EventType, delivery.TicketNumber));
        using var json = System.Text.Json.JsonDocument.Parse(delivery.Payload);
        Assert.Equal("FirstResponse", json.RootElement.GetProperty("slaBreach").GetProperty("target").GetString());
    }
}
