using Helpdesk.Core.People;
using Helpdesk.Core.Routing;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Routing;

/// <summary>
/// Each strategy, deterministically. The service desk team is Ada Admin (L3), Dana Agent (L1) and
/// Sam Agent (L1): in name order Ada, Dana, Sam.
/// </summary>
public sealed class AssignmentStrategyTests : RoutingTest
{
    [Fact]
    public async Task RoundRobinGoesThroughTheAvailableMembersInNameOrderAndWrapsAround()
    {
        await UseStrategyAsync(Desk.ServiceDesk, AssignmentStrategy.RoundRobin);
        Online.Are(Desk.Admin, Desk.Dana, Desk.Sam);

        var assignees = new List<string?>();
        for (var i = 0; i < 4; i++) assignees.Add((await FileAsync()).AssigneeName);

        Assert.Equal(["Ada Admin", "Dana Agent", "Sam Agent", "Ada Admin"], assignees);
        Assert.Equal(Desk.Admin.UserId, await PointerAsync(Desk.ServiceDesk));
    }

    [Fact]
    public async Task TheRoundRobinTurnIsKeptInTheDatabaseAcrossRestarts()
    {
        await UseStrategyAsync(Desk.ServiceDesk, AssignmentStrategy.RoundRobin);
        Online.Are(Desk.Admin, Desk.Dana, Desk.Sam);
        Assert.Equal("Ada Admin", (await FileAsync()).AssigneeName);
        Assert.Equal("Dana Agent", (await FileAsync()).AssigneeName);

        // A new process on the same file: the turn continues after Dana.
        await using var restarted = new RestartedDesk(Db.ConnectionString, Clock, Online);
        var result = await restarted.HandleAsync(Desk.Alice, new CreateTicket(new NewTicketData
        {
            RequesterId = Desk.Alice.UserId, CategoryId = Desk.General, Subject = "After the restart", Description = "Still black.",
        }));

        Assert.Equal("Sam Agent", result.Value?.AssigneeName);
    }

    [Fact]
    public async Task RoundRobinSkipsWhoeverIsAwayOrOfflineWithoutLosingTheirPlace()
    {
        await UseStrategyAsync(Desk.ServiceDesk, AssignmentStrategy.RoundRobin);
        Online.Are(Desk.Admin, Desk.Dana, Desk.Sam);
        Assert.True((await Db.Get<Availability>().SetAwayAsync(Desk.Dana, away: true)).Succeeded);

        Assert.Equal("Ada Admin", (await FileAsync()).AssigneeName);
        Assert.Equal("Sam Agent", (await FileAsync()).AssigneeName);

        Online.Are(Desk.Admin, Desk.Dana);
        Assert.True((await Db.Get<Availability>().SetAwayAsync(Desk.Dana, away: false)).Succeeded);
        Assert.Equal("Ada Admin", (await FileAsync()).AssigneeName);
        Assert.Equal("Dana Agent", (await FileAsync()).AssigneeName);
    }

    [Fact]
    public async Task WithNobodyAvailableTheTicketWaitsUnassignedInTheTeamQueue()
    {
        await UseStrategyAsync(Desk.ServiceDesk, AssignmentStrategy.RoundRobin);
        // Dana is online but away, Ines online but in another team, Ada and Sam offline.
        await Db.Get<Availability>().SetAwayAsync(Desk.Dana, away: true);
        Online.Are(Desk.Dana, Desk.Ines);

        var ticket = await FileAsync();

        Assert.Null(ticket.AssigneeId);
        Assert.Equal(Desk.ServiceDesk, ticket.TeamId);
        Assert.Null(await PointerAsync(Desk.ServiceDesk));
    }

    [Fact]
    public async Task AManualTeamAssignsNobodyEvenWithEveryoneOnline()
    {
        Online.Are(Desk.Admin, Desk.Dana, Desk.Sam);

        Assert.Null((await FileAsync()).AssigneeId);

        await UseStrategyAsync(Desk.ServiceDesk, AssignmentStrategy.Manual);
        Assert.Null((await FileAsync()).AssigneeId);
    }

    [Fact]
    public async Task LeastLoadedPicksTheLowestWeightedLoad()
    {
        Online.Are(Desk.Admin, Desk.Dana, Desk.Sam);
        await Desk.ATicket().WithPriority(Impact.Organisation, Urgency.BlocksWork).AssignedTo(Desk.Dana);
        await Desk.ATicket().WithPriority(Impact.Individual, Urgency.Soon).AssignedTo(Desk.Sam);
        await Desk.ATicket().WithPriority(Impact.Individual, Urgency.Soon).AssignedTo(Desk.Sam);
        await Desk.ATicket().WithPriority(Impact.Team, Urgency.Soon).AssignedTo(Desk.Admin);
        await Desk.ATicket().WithPriority(Impact.Team, Urgency.Soon).AssignedTo(Desk.Admin);
        await UseStrategyAsync(Desk.ServiceDesk, AssignmentStrategy.LeastLoaded);

        // Loads: Ada 2 + 2 = 4, Dana 5, Sam 1 + 1 = 2.
        Assert.Equal("Sam Agent", (await FileAsync(impact: Impact.Organisation, urgency: Urgency.BlocksWork)).AssigneeName);
        // Now Sam 7, Ada 4, Dana 5.
        Assert.Equal("Ada Admin", (await FileAsync()).AssigneeName);
    }

    [Fact]
    public async Task LeastLoadedBreaksTiesInRoundRobinOrderAfterWhoeverGotTheLastOne()
    {
        await UseStrategyAsync(Desk.ServiceDesk, AssignmentStrategy.LeastLoaded);
        Online.Are(Desk.Admin, Desk.Dana, Desk.Sam);

        // All at 0: first in turn (Ada); then Dana and Sam tie at 0 and Dana comes first after Ada; then Sam.
        var first = await FileAsync(impact: Impact.Individual, urgency: Urgency.CanWait);   // P5, weight 1
        var second = await FileAsync(impact: Impact.Individual, urgency: Urgency.CanWait);
        var third = await FileAsync(impact: Impact.Individual, urgency: Urgency.CanWait);
        // Everyone at 1: the turn after Sam starts again at Ada.
        var fourth = await FileAsync(impact: Impact.Individual, urgency: Urgency.CanWait);

        Assert.Equal(["Ada Admin", "Dana Agent", "Sam Agent", "Ada Admin"], new[] { first, second, third, fourth }.Select(t => t.AssigneeName));
    }

    [Fact]
    public async Task SkillBasedChoosesAmongAgentsWithTheCategorysSkillTheLeastLoaded()
    {
        await UseStrategyAsync(Desk.ServiceDesk, AssignmentStrategy.SkillBased);
        Online.Are(Desk.Admin, Desk.Dana, Desk.Sam);
        await GiveSkillAsync(Desk.Laptop, Desk.Sam, Desk.Dana);
        await Desk.ATicket().WithPriority(Impact.Individual, Urgency.Soon).AssignedTo(Desk.Dana);

        var laptop = await FileAsync(Desk.Laptop);
        var another = await FileAsync(Desk.Laptop);

        // Ada has no laptop skill. Dana carries a P4 (1), Sam nothing: Sam first. Then both at 1, and Dana comes after Sam in turn.
        Assert.Equal("Sam Agent", laptop.AssigneeName);
        Assert.Equal("Dana Agent", another.AssigneeName);
    }

    [Fact]
    public async Task SkillBasedLeavesATicketUnassignedWhenNobodyAvailableHasTheSkill()
    {
        await UseStrategyAsync(Desk.ServiceDesk, AssignmentStrategy.SkillBased);
        await GiveSkillAsync(Desk.Laptop, Desk.Sam);
        Online.Are(Desk.Admin, Desk.Dana);

        Assert.Null((await FileAsync(Desk.Laptop)).AssigneeId);
    }

    [Fact]
    public async Task ASkillForAParentCategoryCoversItsChildren()
    {
        int hardware, printer;
        await using (var db = Db.CreateDbContext())
        {
            var parent = new Category { Name = "Hardware", DefaultTeamId = Desk.ServiceDesk };
            db.Categories.Add(parent);
            await db.SaveChangesAsync();
            var child = new Category { Name = "Printer", DefaultTeamId = Desk.ServiceDesk, ParentId = parent.Id };
            db.Categories.Add(child);
            await db.SaveChangesAsync();
            (hardware, printer) = (parent.Id, child.Id);
        }
        await UseStrategyAsync(Desk.ServiceDesk, AssignmentStrategy.SkillBased);
        await GiveSkillAsync(hardware, Desk.Dana);
        Online.Are(Desk.Admin, Desk.Dana, Desk.Sam);

        Assert.Equal("Dana Agent", (await FileAsync(printer)).AssigneeName);
    }

    [Fact]
    public async Task AnAgentBelowTheTicketsTierIsNotChosen()
    {
        // Infrastructure tickets (Network) are L2: Ines (L2) and Ada (L3) qualify; an L1 agent added to the team does not.
        await UseStrategyAsync(Desk.Infrastructure, AssignmentStrategy.RoundRobin);
        var junior = await Db.AStaffMemberAsync("Jo Junior", [Roles.Agent], [Desk.Infrastructure], Tier.L1);
        Online.Are(junior);

        Assert.Null((await FileAsync(Desk.Network)).AssigneeId);

        Online.Are(junior, Desk.Ines);
        Assert.Equal("Ines Infra", (await FileAsync(Desk.Network)).AssigneeName);
    }

    [Fact]
    public async Task AnAutomaticAssignmentIsAuditedNotedAndPublishedLikeAnyOther()
    {
        await UseStrategyAsync(Desk.ServiceDesk, AssignmentStrategy.RoundRobin);
        Online.Are(Desk.Dana);
        using var probe = EventProbe.For(Db.Get<Helpdesk.Core.Events.IEventStream>(), e => e.Kind == Helpdesk.Core.Events.TicketEventKind.Created);

        var ticket = await FileAsync();

        var published = await probe.Published;
        Assert.Equal(Desk.Dana.UserId, published.Row.AssigneeId);
        Assert.Equal(Desk.Dana.UserId, ticket.AssigneeId);
        await using var db = Db.CreateDbContext();
        var id = await db.Tickets.Where(t => t.Number == ticket.Number).Select(t => t.Id).SingleAsync();
        var audit = await db.Audit.Where(a => a.TicketId == id).OrderBy(a => a.Id).ToListAsync();
        Assert.Contains(audit, a => a is { Command: "CreateTicket", Field: "Created" });
        Assert.Contains(audit, a => a is { Command: "CreateTicket", Field: "AssigneeId", OldValue: null, NewValue: "Dana Agent" });
        var note = await db.Comments.SingleAsync(c => c.TicketId == id);
        Assert.Equal(CommentKind.System, note.Kind);
        Assert.True(note.IsInternal);
        Assert.Equal("Assigned automatically to Dana Agent (round robin).", note.Body);
        Assert.Equal(1, await db.Events.CountAsync(e => e.TicketId == id));
    }

    [Fact]
    public async Task AnAgentWhoLogsACallForThemselfKeepsIt()
    {
        await UseStrategyAsync(Desk.ServiceDesk, AssignmentStrategy.RoundRobin);
        Online.Are(Desk.Admin, Desk.Dana, Desk.Sam);

        var result = await Desk.HandleAsync(Desk.Sam, new CreateTicket(new NewTicketData
        {
            RequesterId = Desk.Alice.UserId, CategoryId = Desk.General, Subject = "Phone call", Description = "Logged by Sam.", Channel = Channel.Phone,
        }, AssignToSelf: true));

        Assert.Equal("Sam Agent", result.Value?.AssigneeName);
        Assert.Null(await PointerAsync(Desk.ServiceDesk));
    }

    private async Task GiveSkillAsync(int categoryId, params Helpdesk.Core.Application.Caller[] agents)
    {
        await using var db = Db.CreateDbContext();
        db.AgentSkills.AddRange(agents.Select(a => new AgentSkill { UserId = a.UserId, CategoryId = categoryId }));
        await db.SaveChangesAsync();
    }
}
