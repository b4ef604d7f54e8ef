using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Routing;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Helpdesk.Tests.Core.Routing;

/// <summary>
/// Automatic escalation: due times stored per ticket, fired once by the system through the write
/// path, kept across restarts, never twice. Ada Admin leads nobody here; tests make Dana a lead.
/// </summary>
public sealed class EscalationRuleTests : RoutingTest
{
    private EscalationProcessor Processor => Db.Get<EscalationProcessor>();

    private async Task<int> ARuleAsync(string name = "P1 not taken within 15 minutes", EscalationTrigger trigger = EscalationTrigger.NotTaken,
        int minutes = 15, Priority? priority = Priority.P1, Tier? escalateTo = Tier.L2, bool notifyLead = true, int? teamId = null)
    {
        var result = await Settings.SaveEscalationRuleAsync(Desk.Admin, new EscalationRuleInput(null, name, true, trigger, minutes, priority, teamId, escalateTo, null, notifyLead));
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value;
    }

    private Task<TicketRow> AP1Async() => FileAsync(impact: Impact.Organisation, urgency: Urgency.BlocksWork);

    private async Task MakeLeadAsync(Caller agent, int teamId)
    {
        await using var db = Db.CreateDbContext();
        var member = await db.TeamMembers.SingleAsync(m => m.UserId == agent.UserId && m.TeamId == teamId);
        member.IsLead = true;
        await db.SaveChangesAsync();
    }

    private async Task<List<EscalationDue>> DueOfAsync(int number)
    {
        await using var db = Db.CreateDbContext();
        return await (from d in db.EscalationDue join t in db.Tickets on d.TicketId equals t.Id where t.Number == number select d).ToListAsync();
    }

    private async Task<List<TicketComment>> NotesOfAsync(int number)
    {
        await using var db = Db.CreateDbContext();
        return await (from c in db.Comments join t in db.Tickets on c.TicketId equals t.Id where t.Number == number orderby c.Id select c).ToListAsync();
    }

    [Fact]
    public async Task ANewTicketStoresTheDueTimeOfEachRuleThatAppliesToIt()
    {
        await ARuleAsync();
        var openLong = await ARuleAsync("Open longer than a day", EscalationTrigger.OpenLongerThan, 24 * 60, priority: null, escalateTo: null);

        var p1 = await AP1Async();
        var p4 = await FileAsync();

        var due = await DueOfAsync(p1.Number);
        Assert.Equal([p1.CreatedAt.AddMinutes(15), p1.CreatedAt.AddDays(1)], due.OrderBy(d => d.DueAt).Select(d => d.DueAt));
        Assert.All(due, d => Assert.Null(d.FiredAt));
        Assert.Equal([openLong], (await DueOfAsync(p4.Number)).Select(d => d.RuleId));
    }

    [Fact]
    public async Task AP1NotTakenWithinFifteenMinutesIsEscalatedAndTheLeadNotedOnce()
    {
        await MakeLeadAsync(Desk.Dana, Desk.ServiceDesk);
        await ARuleAsync();
        var ticket = await AP1Async();
        Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(0, await Processor.RunDueAsync());
        Assert.Equal(TicketStatus.New, (await Desk.RowAsync(ticket.Number)).Status);
        using var escalated = EventProbe.For(Db.Get<IEventStream>(), e => e.Kind == TicketEventKind.Escalated && e.Row.Number == ticket.Number);

        Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await Processor.RunDueAsync());

        var row = await Desk.RowAsync(ticket.Number);
        Assert.Equal(Tier.L2, row.Tier);
        Assert.Equal(Desk.ServiceDesk, row.TeamId);
        Assert.Equal(Tier.L2, (await escalated.Published).Row.Tier);
        var notes = await NotesOfAsync(ticket.Number);
        Assert.Contains(notes, n => n is { Kind: CommentKind.System, IsInternal: true, AuthorId: null } && n.Body == "Escalated to L2 automatically: P1 not taken within 15 minutes");
        Assert.Contains(notes, n => n.IsInternal && n.Body == $"@Dana Agent: {row.DisplayNumber} needs your attention (P1 not taken within 15 minutes).");
        var fired = Assert.Single(await DueOfAsync(ticket.Number));
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, fired.FiredAt);
        await using (var db = Db.CreateDbContext())
            Assert.Contains(await db.Audit.Where(a => a.Command == nameof(Helpdesk.Core.Routing.Commands.ApplyEscalationRule)).ToListAsync(),
                a => a is { Field: "Tier", OldValue: "L1", NewValue: "L2", ActorId: null });

        // Never twice: later runs, and even a later unassignment, leave it alone.
        var footprint = await FootprintAsync();
        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await Processor.RunDueAsync());
        await Db.Get<EscalationSchedule>().ReconcileAsync();
        Assert.Equal(0, await Processor.RunDueAsync());
        Assert.Equal(footprint, await FootprintAsync());
    }

    [Fact]
    public async Task ATicketTakenInTimeIsNeverEscalated()
    {
        await ARuleAsync();
        var ticket = await AP1Async();
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Desk.HandleAsync(Desk.Sam, new AssignTicket(ticket.Number, Desk.Sam.UserId));

        Clock.Advance(TimeSpan.FromMinutes(30));
        // Even before the schedule follows the change, firing re-checks the ticket and drops the due time.
        Assert.Equal(1, await Processor.RunDueAsync());

        Assert.Equal(Tier.L1, (await Desk.RowAsync(ticket.Number)).Tier);
        Assert.Empty(await DueOfAsync(ticket.Number));
        Assert.Empty(await NotesOfAsync(ticket.Number));
    }

    [Fact]
    public async Task DueTimesFollowChangesToTheTicket()
    {
        await ARuleAsync();
        var ticket = await FileAsync();
        Assert.Empty(await DueOfAsync(ticket.Number));
        var schedule = Db.Get<EscalationSchedule>();

        await Desk.HandleAsync(Desk.Sam, new ReprioritiseTicket(ticket.Number, Impact.Organisation, Urgency.BlocksWork, null, null));
        await schedule.RescheduleAsync(ticket.Id);
        Assert.Equal([ticket.CreatedAt.AddMinutes(15)], (await DueOfAsync(ticket.Number)).Select(d => d.DueAt));

        await Desk.HandleAsync(Desk.Sam, new AssignTicket(ticket.Number, Desk.Sam.UserId));
        await schedule.RescheduleAsync(ticket.Id);
        Assert.Empty(await DueOfAsync(ticket.Number));
    }

    [Fact]
    public async Task ARuleLeavesTicketsCreatedBeforeItAlone()
    {
        var older = await AP1Async();
        Clock.Advance(TimeSpan.FromMinutes(1));
        await ARuleAsync();

        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await Processor.RunDueAsync());

        Assert.Empty(await DueOfAsync(older.Number));
        Assert.Equal(Tier.L1, (await Desk.RowAsync(older.Number)).Tier);
    }

    [Fact]
    public async Task DueTimesSurviveARestartAndTheServiceFiresThemOnceAfterIt()
    {
        await MakeLeadAsync(Desk.Dana, Desk.ServiceDesk);
        var openLong = await ARuleAsync("Open longer than 2 hours", EscalationTrigger.OpenLongerThan, 120, priority: null, escalateTo: null);
        var ticket = await FileAsync();
        var connection = Db.ConnectionString;
        await Db.Services.DisposeAsync(); // the process goes away before anything is due (the file stays)

        Clock.Advance(TimeSpan.FromHours(3));
        var settings = new Dictionary<string, string?> { ["Escalation:PollSeconds"] = "1" };
        await using (var restarted = new RestartedDesk(connection, Clock, Online, settings))
        {
            using var noted = EventProbe.For(restarted.Get<IEventStream>(), e => e.Kind == TicketEventKind.LeadAttention && e.Row.Number == ticket.Number);
            var service = restarted.Services.GetServices<IHostedService>().OfType<EscalationService>().SingleOrDefault()
                          ?? ActivatorUtilities.CreateInstance<EscalationService>(restarted.Services);
            await service.StartAsync(default);
            var published = await noted.Published;
            await service.StopAsync(default);
            Assert.True(published.IsInternal);
        }

        // A second restart, hours later: nothing fires again.
        Clock.Advance(TimeSpan.FromHours(5));
        await using (var again = new RestartedDesk(connection, Clock, Online))
        {
            await again.Get<EscalationSchedule>().ReconcileAsync();
            Assert.Equal(0, await again.Get<EscalationProcessor>().RunDueAsync());
            await using var db = await again.Get<IDbContextFactory<Helpdesk.Core.Data.HelpdeskDbContext>>().CreateDbContextAsync();
            var id = await db.Tickets.Where(t => t.Number == ticket.Number).Select(t => t.Id).SingleAsync();
            var due = await db.EscalationDue.SingleAsync(d => d.TicketId == id);
            Assert.Equal(openLong, due.RuleId);
            Assert.NotNull(due.FiredAt);
            Assert.Single(await db.Comments.Where(c => c.TicketId == id && c.Body.Contains("Open longer than 2 hours")).ToListAsync());
        }
    }

    [Fact]
    public async Task AStartUpReconcileRestoresDueTimesTheEventsNeverReached()
    {
        await ARuleAsync();
        var ticket = await FileAsync();
        // Reprioritised while no schedule was listening (the process died right after the commit).
        await Desk.HandleAsync(Desk.Sam, new ReprioritiseTicket(ticket.Number, Impact.Organisation, Urgency.BlocksWork, null, null));
        Assert.Empty(await DueOfAsync(ticket.Number));

        Assert.Equal(1, await Db.Get<EscalationSchedule>().ReconcileAsync());

        Assert.Single(await DueOfAsync(ticket.Number));
    }

    [Fact]
    public async Task ATeamWithoutALeadGetsANoteSayingSo()
    {
        await ARuleAsync(escalateTo: null);
        var ticket = await AP1Async();
        Clock.Advance(TimeSpan.FromMinutes(20));

        await Processor.RunDueAsync();

        Assert.Contains(await NotesOfAsync(ticket.Number), n => n.Body == $"{TicketNumber.Format(ticket.Number)} needs a lead's attention (P1 not taken within 15 minutes), but its team has no lead.");
    }

    [Fact]
    public async Task DeactivatingARuleDropsItsPendingDueTimes()
    {
        var rule = await ARuleAsync();
        var ticket = await AP1Async();

        var result = await Settings.SaveEscalationRuleAsync(Desk.Admin, new EscalationRuleInput(rule, "P1 not taken within 15 minutes", false, EscalationTrigger.NotTaken, 15, Priority.P1, null, Tier.L2, null, true));

        Assert.True(result.Succeeded);
        Assert.Empty(await DueOfAsync(ticket.Number));
    }

    [Fact]
    public async Task OnlyTheSystemFiresRules()
    {
        var rule = await ARuleAsync();
        var ticket = await AP1Async();
        Clock.Advance(TimeSpan.FromMinutes(20));

        var result = await Desk.HandleAsync(Desk.Admin, new Helpdesk.Core.Routing.Commands.ApplyEscalationRule(ticket.Number, rule));

        Assert.Equal(ErrorKind.Forbidden, result.Error?.Kind);
        Assert.Null(Assert.Single(await DueOfAsync(ticket.Number)).FiredAt);
    }

    [Fact]
    public async Task ARuleMustDoSomethingAndOnlyAdminsMayWriteOne()
    {
        var nothing = await Settings.SaveEscalationRuleAsync(Desk.Admin, new EscalationRuleInput(null, "Idle", true, EscalationTrigger.NotTaken, 15, null, null, null, null, false));
        var byAgent = await Settings.SaveEscalationRuleAsync(Desk.Dana, new EscalationRuleInput(null, "Mine", true, EscalationTrigger.NotTaken, 15, null, null, Tier.L2, null, false));

        Assert.Equal(ErrorKind.Validation, nothing.Error?.Kind);
        Assert.Contains("EscalateTo", nothing.Error!.Fields.Keys);
        Assert.Equal(ErrorKind.Forbidden, byAgent.Error?.Kind);
    }

    private async Task<(int Tickets, int Audit, int Events, int Comments)> FootprintAsync()
    {
        await using var db = Db.CreateDbContext();
        return (await db.Tickets.CountAsync(), await db.Audit.CountAsync(), await db.Events.CountAsync(), await db.Comments.CountAsync());
    }
}
