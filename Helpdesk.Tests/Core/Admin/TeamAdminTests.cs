using Helpdesk.Core.Admin;
using Helpdesk.Core.Application;
using Helpdesk.Core.People;
using Helpdesk.Core.Routing;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Core.Routing;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Admin;

/// <summary>Teams, members, leads and skills edited by admins: audited, read at once by access checks, refused to everyone else.</summary>
public sealed class TeamAdminTests(DeskFixture fixture) : DeskTest(fixture)
{
    private TeamAdmin Admin => Db.Get<TeamAdmin>();

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task AnAdminCreatesAndRenamesATeamAndEveryChangeIsAudited()
    {
        var name = Unique("Field service");
        var created = await Admin.SaveTeamAsync(Desk.Admin, new TeamInput(null, name, Tier.L2));
        Assert.True(created.Succeeded, created.Error?.Message);

        var renamed = await Admin.SaveTeamAsync(Desk.Admin, new TeamInput(created.Value, name + " EU", Tier.L2));

        Assert.True(renamed.Succeeded);
        var team = (await Admin.GetAsync(Desk.Admin))!.Teams.Single(t => t.Id == created.Value);
        Assert.Equal((name + " EU", Tier.L2), (team.Name, team.Tier));
        await using var db = Db.CreateDbContext();
        var changes = await db.AdminChanges.Where(c => c.Area == AdminArea.Team && c.SubjectKey == created.Value.ToString()).ToListAsync();
        Assert.Contains(changes, c => c.Field == "Created");
        Assert.Contains(changes, c => c.Field == "Name" && c.OldValue == name && c.NewValue == name + " EU");
    }

    [Fact]
    public async Task ATeamNeedsAFreshNonEmptyName()
    {
        var empty = await Admin.SaveTeamAsync(Desk.Admin, new TeamInput(null, "  ", Tier.L1));
        var taken = await Admin.SaveTeamAsync(Desk.Admin, new TeamInput(null, "Service desk", Tier.L1));

        Assert.Equal(ErrorKind.Validation, empty.Error!.Kind);
        Assert.True(empty.Error.Fields.ContainsKey("Name"));
        Assert.Equal(["Another team already has this name."], taken.Error!.Fields["Name"]);
    }

    [Fact]
    public async Task AMemberAddedCountsAtOnceForAccessAndAMemberRemovedLosesIt()
    {
        var agent = await Db.AStaffMemberAsync(Unique("Nora New"), [Roles.Agent], []);
        var directory = Db.Get<CallerDirectory>();

        Assert.True((await Admin.AddMemberAsync(Desk.Admin, Desk.Infrastructure, agent.UserId)).Succeeded);
        Assert.Contains(Desk.Infrastructure, (await directory.ForUserAsync(agent.UserId))!.TeamIds);

        Assert.True((await Admin.RemoveMemberAsync(Desk.Admin, Desk.Infrastructure, agent.UserId)).Succeeded);
        Assert.DoesNotContain(Desk.Infrastructure, (await directory.ForUserAsync(agent.UserId))!.TeamIds);
        await using var db = Db.CreateDbContext();
        var audit = await db.AdminChanges.Where(c => c.Area == AdminArea.Team && (c.NewValue == agent.DisplayName || c.OldValue == agent.DisplayName)).ToListAsync();
        Assert.Equal(2, audit.Count);
    }

    [Fact]
    public async Task ARequesterCannotJoinATeam()
    {
        var result = await Admin.AddMemberAsync(Desk.Admin, Desk.ServiceDesk, Desk.Bob.UserId);

        Assert.Equal(["Only agents, team leads and admins can join a team."], result.Error!.Fields["UserId"]);
    }

    [Fact]
    public async Task MarkingALeadGrantsTheTeamLeadRoleAtOnce()
    {
        var agent = await Db.AStaffMemberAsync(Unique("Lou Lead"), [Roles.Agent], [Desk.Infrastructure]);

        var result = await Admin.SetLeadAsync(Desk.Admin, Desk.Infrastructure, agent.UserId, true);

        Assert.True(result.Succeeded, result.Error?.Message);
        var caller = (await Db.Get<CallerDirectory>().ForUserAsync(agent.UserId))!;
        Assert.True(caller.IsLead);
        var team = (await Admin.GetAsync(Desk.Admin))!.Teams.Single(t => t.Id == Desk.Infrastructure);
        Assert.True(team.Members.Single(m => m.UserId == agent.UserId).IsLead);
        Assert.True((await Admin.SetLeadAsync(Desk.Admin, Desk.Infrastructure, agent.UserId, false)).Succeeded);
        team = (await Admin.GetAsync(Desk.Admin))!.Teams.Single(t => t.Id == Desk.Infrastructure);
        Assert.False(team.Members.Single(m => m.UserId == agent.UserId).IsLead);
    }

    [Fact]
    public async Task SkillsAreReplacedAndAudited()
    {
        var agent = await Db.AStaffMemberAsync(Unique("Kim Skills"), [Roles.Agent], [Desk.ServiceDesk]);

        Assert.True((await Admin.SetSkillsAsync(Desk.Admin, agent.UserId, [Desk.Laptop, Desk.Network])).Succeeded);
        Assert.True((await Admin.SetSkillsAsync(Desk.Admin, agent.UserId, [Desk.Laptop])).Succeeded);
        var unknown = await Admin.SetSkillsAsync(Desk.Admin, agent.UserId, [987654]);

        Assert.Equal(ErrorKind.Validation, unknown.Error!.Kind);
        Assert.Equal([Desk.Laptop], (await Admin.GetAsync(Desk.Admin))!.Staff.Single(s => s.Id == agent.UserId).SkillCategoryIds);
        await using var db = Db.CreateDbContext();
        Assert.Contains(await db.AdminChanges.Where(c => c.Field == "Skills" && c.SubjectName == agent.DisplayName).ToListAsync(),
            c => c.OldValue == "Laptop, Network" && c.NewValue == "Laptop");
    }

    [Fact]
    public async Task OnlyAdminsManageTeams()
    {
        foreach (var caller in new[] { Desk.Dana, Desk.Alice })
        {
            Assert.Null(await Admin.GetAsync(caller));
            Assert.Equal(ErrorKind.Forbidden, (await Admin.SaveTeamAsync(caller, new TeamInput(null, Unique("Rogue"), Tier.L1))).Error!.Kind);
            Assert.Equal(ErrorKind.Forbidden, (await Admin.SaveTeamAsync(caller, new TeamInput(Desk.ServiceDesk, "Renamed", Tier.L1))).Error!.Kind);
            Assert.Equal(ErrorKind.Forbidden, (await Admin.AddMemberAsync(caller, Desk.Infrastructure, caller.UserId)).Error!.Kind);
            Assert.Equal(ErrorKind.Forbidden, (await Admin.RemoveMemberAsync(caller, Desk.ServiceDesk, Desk.Sam.UserId)).Error!.Kind);
            Assert.Equal(ErrorKind.Forbidden, (await Admin.SetLeadAsync(caller, Desk.ServiceDesk, caller.UserId, true)).Error!.Kind);
            Assert.Equal(ErrorKind.Forbidden, (await Admin.SetSkillsAsync(caller, Desk.Sam.UserId, [Desk.Laptop])).Error!.Kind);
        }
        var dana = (await Db.Get<CallerDirectory>().ForUserAsync(Desk.Dana.UserId))!;
        Assert.False(dana.IsLead);
        Assert.DoesNotContain(Desk.Infrastructure, dana.TeamIds);
    }
}

/// <summary>Skills and memberships set by an admin steer the very next automatic assignment.</summary>
public sealed class TeamAdminRoutingTests : RoutingTest
{
    [Fact]
    public async Task TheNextTicketGoesToTheAgentGivenTheSkillAndNeverToOneTakenOffTheTeam()
    {
        var admin = Db.Get<TeamAdmin>();
        await UseStrategyAsync(Desk.ServiceDesk, AssignmentStrategy.SkillBased);
        Online.Are(Desk.Admin, Desk.Dana, Desk.Sam);

        Assert.True((await admin.SetSkillsAsync(Desk.Admin, Desk.Dana.UserId, [Desk.Laptop])).Succeeded);
        Assert.Equal("Dana Agent", (await FileAsync(Desk.Laptop)).AssigneeName);

        Assert.True((await admin.SetSkillsAsync(Desk.Admin, Desk.Sam.UserId, [Desk.Laptop])).Succeeded);
        Assert.True((await admin.RemoveMemberAsync(Desk.Admin, Desk.ServiceDesk, Desk.Dana.UserId)).Succeeded);
        Assert.Equal("Sam Agent", (await FileAsync(Desk.Laptop)).AssigneeName);
        Assert.Equal("Sam Agent", (await FileAsync(Desk.Laptop)).AssigneeName);
    }
}
