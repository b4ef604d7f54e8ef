using Helpdesk.Core.Events;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Sla.Calendars;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Core.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Tests.Core.Sla;

/// <summary>The SLA clock per ticket: set in the write path, moved by pauses and changes, fired by the SLA service once per target.</summary>
public sealed class SlaClockTests : SlaTest
{
    [Fact]
    public async Task ANewTicketGetsItsDueTimesFromItsPrioritysPolicyInBusinessTime()
    {
        await PolicyAsync(Priority.P4, response: 60, resolution: 600);

        var row = await FileAsync(); // P4, filed Monday 10:00 in Berlin

        Assert.Equal(Priority.P4, row.Priority);
        Assert.Equal(Utc(3, 2, 10), row.FirstResponseDueAt);   // 11:00 Berlin
        Assert.Equal(Utc(3, 3, 9), row.ResolutionDueAt);       // 8 hours on Monday, 2 more on Tuesday: 10:00 Berlin
        Assert.Equal(row.FirstResponseDueAt, row.SlaDueAt);
        Assert.Equal(SlaState.OnTrack, row.SlaState);
    }

    [Fact]
    public async Task ATicketWithoutAPolicyHasNoClock()
    {
        await PolicyAsync(Priority.P1, response: 15, resolution: 240);
        var row = await FileAsync();
        Assert.Equal(SlaState.None, row.SlaState);
        Assert.Null(row.SlaDueAt);
        Assert.Null(row.FirstResponseDueAt);
    }

    [Fact]
    public async Task AtRiskAndBreachFireOnceEachAsInternalEventsWithoutMakingEditsStale()
    {
        await PolicyAsync(Priority.P4, response: 60, resolution: 600);
        var ticket = await FileAsync();
        var version = await VersionAsync(ticket.Number);

        Clock.Advance(TimeSpan.FromMinutes(44));
        Assert.Equal(0, await Processor.RunDueAsync());
        using (var atRisk = EventProbe.For(Db.Get<IEventStream>(), e => e.Kind == TicketEventKind.SlaAtRisk && e.Row.Number == ticket.Number))
        {
            Clock.Advance(TimeSpan.FromMinutes(1)); // 75 % of an hour
            Assert.Equal(1, await Processor.RunDueAsync());
            var published = await atRisk.Published;
            Assert.Equal(SlaState.AtRisk, published.Row.SlaState);
            Assert.True(published.IsInternal);
            Assert.Null(published.ActorId);
        }
        using (var breached = EventProbe.For(Db.Get<IEventStream>(), e => e.Kind == TicketEventKind.SlaBreached && e.Row.Number == ticket.Number))
        {
            Clock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(1, await Processor.RunDueAsync());
            Assert.Equal(SlaState.Breached, (await breached.Published).Row.SlaState);
        }

        // Never twice, however often the service looks.
        Assert.Equal(0, await Processor.RunDueAsync());
        await Desk.HandleAsync(Desk.Dana, new AddComment(ticket.Number, "Looking into it.")); // the late first response
        Clock.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(0, await Processor.RunDueAsync());

        Assert.Equal([TicketEventKind.SlaAtRisk, TicketEventKind.SlaBreached], (await SlaEventsAsync(ticket.Number)).Select(e => e.Kind));
        Assert.All(await SlaEventsAsync(ticket.Number), e => Assert.True(e.IsInternal));
        var breach = Assert.Single(await BreachesAsync(ticket.Number));
        Assert.Equal((SlaTarget.FirstResponse, Utc(3, 2, 10), Utc(3, 2, 10), Desk.ServiceDesk, Priority.P4, "P4 policy"),
            (breach.Target, breach.DueAt, breach.BreachedAt, breach.TeamId, breach.Priority, breach.PolicyName));
        // The ticks never bumped the version (so no agent's open edit went stale).
        Assert.Equal(version, await VersionAsync(ticket.Number));
        Assert.DoesNotContain(await AuditOfAsync(ticket.Number), a => a.Command == nameof(Helpdesk.Core.Sla.Commands.CheckSla));
        var row = await Desk.RowAsync(ticket.Number);
        Assert.Equal(SlaState.Breached, row.SlaState);
        Assert.Equal(row.ResolutionDueAt, row.SlaDueAt); // responded: resolution is what counts now
    }

    [Fact]
    public async Task PendingOnTheRequesterPausesTheClockAndPushesTheResolutionDueTime()
    {
        await PolicyAsync(Priority.P4, response: 60, resolution: 600);
        var ticket = await FileAsync();
        await Desk.HandleAsync(Desk.Dana, new AssignTicket(ticket.Number, Desk.Dana.UserId));
        await Desk.HandleAsync(Desk.Dana, new ChangeStatus(ticket.Number, TicketStatus.InProgress));
        Clock.Advance(TimeSpan.FromMinutes(10));
        await Desk.HandleAsync(Desk.Dana, new AddComment(ticket.Number, "Which monitor is it?"));
        var pending = await Desk.HandleAsync(Desk.Dana, new ChangeStatus(ticket.Number, TicketStatus.Pending));

        Assert.Equal(SlaState.Paused, pending.Value!.SlaState);
        Assert.Null(pending.Value.SlaDueAt);
        Assert.Equal(Utc(3, 3, 9), pending.Value.ResolutionDueAt);

        Clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(0, await Processor.RunDueAsync());
        var resumed = (await Desk.HandleAsync(Desk.Dana, new ChangeStatus(ticket.Number, TicketStatus.InProgress))).Value!;

        Assert.Equal(SlaState.OnTrack, resumed.SlaState);
        Assert.Equal(Utc(3, 3, 11), resumed.ResolutionDueAt);
        Assert.Equal(resumed.ResolutionDueAt, resumed.SlaDueAt);

        Clock.Advance(TimeSpan.FromMinutes(10));
        var panel = await Db.Get<SlaQueries>().GetPanelAsync(Desk.Dana, ticket.Number);
        Assert.NotNull(panel);
        Assert.Equal("P4 policy", panel.PolicyName);
        Assert.Contains(panel.Segments, s => s is { Reason: SegmentReason.PendingOnRequester, Minutes: 120 });
        Assert.Equal(20, panel.Targets.Single(t => t.Target == SlaTarget.Resolution).UsedMinutes);
        Assert.Equal(10, panel.Targets.Single(t => t.Target == SlaTarget.FirstResponse).UsedMinutes);
    }

    [Fact]
    public async Task ATicketFiledFridayEveningBeforeTheClocksGoForwardIsDueMondayMorningOnBerlinsClocks()
    {
        await PolicyAsync(Priority.P4, response: 120, resolution: 600);
        Clock.Advance(Utc(3, 27, 16) - Utc(3, 2, 9)); // Friday 27 March, 17:00 CET

        var row = await FileAsync();

        Assert.Equal(Utc(3, 30, 7), row.FirstResponseDueAt); // Monday 09:00 CEST
    }

    [Fact]
    public async Task ReprioritisingChoosesThePolicyOfTheNewPriorityAndTheMostSpecificOneWins()
    {
        await PolicyAsync(Priority.P4, response: 480, resolution: 6000);
        await PolicyAsync(Priority.P1, response: 15, resolution: 240, calendar: AroundTheClock, name: "P1 anywhere");
        await PolicyAsync(Priority.P1, response: 10, resolution: 120, calendar: AroundTheClock, name: "P1 service desk", teamId: Desk.ServiceDesk);
        var ticket = await FileAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));

        var row = (await Desk.HandleAsync(Desk.Dana, new ReprioritiseTicket(ticket.Number, Impact.Organisation, Urgency.BlocksWork))).Value!;

        Assert.Equal(Priority.P1, row.Priority);
        Assert.Equal(ticket.CreatedAt.AddMinutes(10), row.FirstResponseDueAt);
        Assert.Equal("P1 service desk", (await Db.Get<SlaQueries>().GetPanelAsync(Desk.Admin, ticket.Number))!.PolicyName);
    }

    [Fact]
    public async Task APolicyChangeAppliesToNewTicketsAndToOpenOnesOnlyWhenAskedToRecalculate()
    {
        var policy = await PolicyAsync(Priority.P4, response: 60, resolution: 600);
        var before = await FileAsync();

        await PolicyAsync(Priority.P4, response: 120, resolution: 600, id: policy);
        var after = await FileAsync();
        Assert.Equal(Utc(3, 2, 10), (await Desk.RowAsync(before.Number)).FirstResponseDueAt);
        Assert.Equal(Utc(3, 2, 11), after.FirstResponseDueAt);
        Assert.Equal(0, await Processor.RunDueAsync());

        await PolicyAsync(Priority.P4, response: 180, resolution: 600, id: policy, recalculate: true);
        Assert.Equal(2, await Processor.RunDueAsync());
        Assert.Equal(Utc(3, 2, 12), (await Desk.RowAsync(before.Number)).FirstResponseDueAt);
        Assert.Equal(Utc(3, 2, 12), (await Desk.RowAsync(after.Number)).FirstResponseDueAt);
        Assert.Equal(0, await Processor.RunDueAsync());
    }

    [Fact]
    public async Task DueMomentsSurviveARestartAndFireOnceAfterIt()
    {
        await PolicyAsync(Priority.P4, response: 60, resolution: 600);
        var ticket = await FileAsync();
        var connection = Db.ConnectionString;
        await Db.Services.DisposeAsync(); // the process goes away before anything is due

        Clock.Advance(TimeSpan.FromHours(3));
        var settings = new Dictionary<string, string?> { ["Sla:PollSeconds"] = "1" };
        await using (var restarted = new RestartedDesk(connection, Clock, Online, settings))
        {
            using var breached = EventProbe.For(restarted.Get<IEventStream>(), e => e.Kind == TicketEventKind.SlaBreached && e.Row.Number == ticket.Number);
            var service = ActivatorUtilities.CreateInstance<SlaService>(restarted.Services);
            await service.StartAsync(default);
            await breached.Published;
            await service.StopAsync(default);
        }
        Clock.Advance(TimeSpan.FromHours(1));
        await using (var again = new RestartedDesk(connection, Clock, Online))
        {
            Assert.Equal(0, await again.Get<SlaProcessor>().RunDueAsync());
            await using var db = await again.Get<IDbContextFactory<Helpdesk.Core.Data.HelpdeskDbContext>>().CreateDbContextAsync();
            var id = await db.Tickets.Where(t => t.Number == ticket.Number).Select(t => t.Id).SingleAsync();
            // The first response was missed; at 10:00 + 3 h the resolution is at risk (75 % of 10 h is 12:30 here) but not missed.
            Assert.Equal([SlaTarget.FirstResponse], await db.SlaBreaches.Where(b => b.TicketId == id).Select(b => b.Target).ToListAsync());
            Assert.Equal(1, await db.Events.CountAsync(e => e.TicketId == id && e.Kind == TicketEventKind.SlaBreached));
        }
    }
}
