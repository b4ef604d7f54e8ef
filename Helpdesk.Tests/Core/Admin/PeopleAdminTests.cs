using Helpdesk.Core.Admin;
using Helpdesk.Core.Application;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Admin;

/// <summary>Deactivating someone: no sign-in (no caller), not assignable, open tickets back to the queue, history intact.</summary>
public sealed class PeopleAdminTests(DeskFixture fixture) : DeskTest(fixture)
{
    private PeopleAdmin Admin => Db.Get<PeopleAdmin>();

    [Fact]
    public async Task ADeactivatedAgentLosesAccessAndTicketsButKeepsTheirHistory()
    {
        var leaver = await Db.AStaffMemberAsync("Lee Leaver " + Guid.NewGuid().ToString("N")[..4], [Roles.Agent], [Desk.ServiceDesk]);
        var ticket = await Desk.ATicket().AssignedTo(leaver).InStatus(TicketStatus.InProgress);

        var result = await Admin.SetActiveAsync(Desk.Admin, leaver.UserId, false);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(1, result.Value);
        Assert.Null(await Db.Get<CallerDirectory>().ForUserAsync(leaver.UserId));
        Assert.Null((await Desk.RowAsync(ticket.Number)).AssigneeId);
        Assert.DoesNotContain(await Db.Get<PeopleQueries>().TeamMembersAsync(Desk.Admin, Desk.ServiceDesk), p => p.Id == leaver.UserId);
        var refused = await HandleAsync(Desk.Admin, new AssignTicket(ticket.Number, leaver.UserId));
        Assert.False(refused.Succeeded);
        // The audit still names them.
        Assert.Contains(await AuditOfAsync(ticket.Number), a => a.Field == nameof(Ticket.AssigneeId) && a.OldValue == leaver.DisplayName);
        await using var db = Db.CreateDbContext();
        Assert.True(await db.AdminChanges.AnyAsync(c => c.Area == AdminArea.Person && c.SubjectName == leaver.DisplayName && c.NewValue == "no"));
    }

    [Fact]
    public async Task DetailsAreSavedAndAudited()
    {
        var result = await Admin.SaveAsync(Desk.Admin, new PersonInput(Desk.Bob.UserId, "Sales", "Lyon", null));

        Assert.True(result.Succeeded);
        var bob = (await Admin.ListAsync(Desk.Admin, "Bruno"))!.Single();
        Assert.Equal(("Sales", "Lyon"), (bob.Department, bob.Location));
    }

    [Fact]
    public async Task OnlyAdminsManagePeople()
    {
        foreach (var caller in new[] { Desk.Dana, Desk.Alice })
        {
            Assert.Null(await Admin.ListAsync(caller, null));
            Assert.Equal(ErrorKind.Forbidden, (await Admin.SetActiveAsync(caller, Desk.Sam.UserId, false)).Error!.Kind);
            Assert.Equal(ErrorKind.Forbidden, (await Admin.SaveAsync(caller, new PersonInput(Desk.Sam.UserId, "X", null, Tier.L3))).Error!.Kind);
        }
        Assert.NotNull(await Db.Get<CallerDirectory>().ForUserAsync(Desk.Sam.UserId));
    }
}
