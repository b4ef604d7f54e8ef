using Helpdesk.Core.Application;
using Helpdesk.Core.Knowledge;
using Helpdesk.Core.Knowledge.Commands;
using Helpdesk.Core.Knowledge.Queries;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Support.Builders;

namespace Helpdesk.Tests.Core.Knowledge;

public sealed class CannedReplyTests(DeskFixture fixture) : DeskTest(fixture)
{
    private CannedReplyQueries Queries => Db.Get<CannedReplyQueries>();

    private Task<Result<int>> SaveAsync(Caller caller, SaveCannedReply command) => Db.RunAsync<SaveCannedReply, int>(caller, command);

    private static readonly PlaceholderValues Ticket = new("Alice Martin", "alice@example.test", "HD-1042", "Printer jams", "Dana Agent", "Service desk", "Printer");

    [Fact]
    public void PlaceholdersAreFilledForTheTicketAtHand()
    {
        var text = Placeholders.Fill("Hello {requester.first_name}, {agent.name} ({team.name}) is on {ticket.number} \"{ticket.subject}\" ({category}). We wrote to {requester.email}. — {agent.first_name} for {requester.name}", Ticket);

        Assert.Equal("Hello Alice, Dana Agent (Service desk) is on HD-1042 \"Printer jams\" (Printer). We wrote to alice@example.test. — Dana for Alice Martin", text);
    }

    [Fact]
    public void PlaceholdersIgnoreCaseAndSpacesAndUnknownOnesStayAsTyped()
    {
        Assert.Equal("HD-1042 Alice Martin {ticket.nubmer} {}", Placeholders.Fill("{Ticket.Number} { requester.name } {ticket.nubmer} {}", Ticket));
    }

    [Fact]
    public async Task APersonalReplyIsItsOwnersAlone()
    {
        var id = (await SaveAsync(Desk.Dana, new SaveCannedReply(null, "My sign-off", "Cheers, {agent.first_name}", CannedReplyScope.Personal))).Expect();

        Assert.Contains(id, (await Queries.ForAsync(Desk.Dana)).Select(r => r.Id));
        Assert.DoesNotContain(id, (await Queries.ForAsync(Desk.Sam)).Select(r => r.Id));
        Assert.DoesNotContain(id, (await Queries.ForAsync(Desk.Admin)).Select(r => r.Id));
        Assert.Equal(ErrorKind.NotFound, (await Db.RunAsync<DeleteCannedReply, bool>(Desk.Sam, new DeleteCannedReply(id))).Error!.Kind);
        Assert.Empty(await Queries.ForAsync(Desk.Alice));
    }

    [Fact]
    public async Task OnlyATeamsLeadsShareARepliesWithTheTeam()
    {
        var lead = await Db.AStaffMemberAsync("Lena Lead", [Roles.TeamLead, Roles.Agent], [Desk.ServiceDesk]);
        var reply = new SaveCannedReply(null, "Waiting for you", "We need a bit more information, {requester.first_name}.", CannedReplyScope.Team, Desk.ServiceDesk, TicketStatus.Pending);

        var byAgent = await SaveAsync(Desk.Dana, reply);
        var id = (await SaveAsync(lead, reply)).Expect();

        Assert.Equal(ErrorKind.Validation, byAgent.Error!.Kind);
        var seen = Assert.Single(await Queries.ForAsync(Desk.Dana), r => r.Id == id);
        Assert.Equal((CannedReplyScope.Team, "Service desk", TicketStatus.Pending, false), (seen.Scope, seen.TeamName, seen.SetsStatus, seen.CanEdit));
        Assert.DoesNotContain(id, (await Queries.ForAsync(Desk.Ines)).Select(r => r.Id));
        Assert.Equal(ErrorKind.Forbidden, (await SaveAsync(Desk.Dana, reply with { Id = id, Body = "Changed" })).Error!.Kind);
        Assert.True((await Queries.ForAsync(lead)).Single(r => r.Id == id).CanEdit);
    }

    [Fact]
    public async Task OnlyAdminsShareARepliesWithEveryAgent()
    {
        var reply = new SaveCannedReply(null, "Thanks", "Thank you, {requester.first_name}!", CannedReplyScope.Everyone);

        Assert.Equal(ErrorKind.Validation, (await SaveAsync(Desk.Dana, reply)).Error!.Kind);
        var id = (await SaveAsync(Desk.Admin, reply)).Expect();

        Assert.Contains(id, (await Queries.ForAsync(Desk.Ines)).Select(r => r.Id));
    }

    [Fact]
    public async Task AReplyCannotPutATicketBackToNew()
    {
        var result = await SaveAsync(Desk.Dana, new SaveCannedReply(null, "Oops", "Text", CannedReplyScope.Personal, SetsStatus: TicketStatus.New));

        Assert.Equal(["SetsStatus"], result.Error!.Fields.Keys);
    }

    [Fact]
    public void TypingAfterTheSlashFindsRepliesByNameFirst()
    {
        CannedReplyView Reply(int id, string title, string body) => new(id, title, body, CannedReplyScope.Personal, null, null, null, true);
        var replies = new[] { Reply(1, "Password reset done", "Your password was reset."), Reply(2, "Ask for a screenshot", "Could you send a screenshot of the password prompt?"), Reply(3, "Closing", "Closing now.") };

        Assert.Equal([1, 2], CannedReplyQueries.Filter(replies, "password").Select(r => r.Id));
        Assert.Equal([2], CannedReplyQueries.Filter(replies, "screen pass").Select(r => r.Id));
        Assert.Equal([1, 2, 3], CannedReplyQueries.Filter(replies, "").Select(r => r.Id).Order());
    }
}
