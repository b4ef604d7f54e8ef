using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Core.Tickets;

/// <summary>Colleagues following a ticket: added by hand or by an @mention, audited, internal, and able to see it.</summary>
public sealed class CollaborationTests(DeskFixture fixture) : DeskTest(fixture)
{
    private TicketQueries Queries => Db.Get<TicketQueries>();

    [Fact]
    public async Task AddingACollaboratorIsAuditedAndEmitsAnInternalEvent()
    {
        var ticket = await Desk.ATicket();
        using var probe = Probe(e => e.Kind == TicketEventKind.CollaboratorsChanged && e.Row.Number == ticket.Number);

        var result = await HandleAsync(Desk.Dana, new AddCollaborator(ticket.Number, Desk.Ines.UserId));

        Assert.Equal([Desk.Ines.UserId], result.Value?.CollaboratorIds);
        var published = await probe.Published;
        Assert.True(published.IsInternal);
        Assert.Equal([Desk.Ines.UserId], published.Row.CollaboratorIds);
        Assert.Contains(await AuditOfAsync(ticket.Number), a => a is { Command: "AddCollaborator", Field: "Collaborator", OldValue: null, NewValue: "Ines Infra" });
    }

    [Fact]
    public async Task RemovingACollaboratorIsAuditedAndEmitsAnInternalEvent()
    {
        var ticket = await Desk.ATicket();
        await HandleAsync(Desk.Dana, new AddCollaborator(ticket.Number, Desk.Ines.UserId));
        using var probe = Probe(e => e.Kind == TicketEventKind.CollaboratorsChanged && e.Row.Number == ticket.Number);

        var result = await HandleAsync(Desk.Dana, new RemoveCollaborator(ticket.Number, Desk.Ines.UserId));

        Assert.Empty(result.Value!.CollaboratorIds);
        var published = await probe.Published;
        Assert.True(published.IsInternal);
        Assert.Empty(published.Row.CollaboratorIds);
        Assert.Contains(await AuditOfAsync(ticket.Number), a => a is { Command: "RemoveCollaborator", Field: "Collaborator", OldValue: "Ines Infra", NewValue: null });
    }

    [Fact]
    public async Task AddingSomeoneWhoAlreadyFollowsChangesNothing()
    {
        var ticket = await Desk.ATicket();
        await HandleAsync(Desk.Dana, new AddCollaborator(ticket.Number, Desk.Sam.UserId));
        var before = await FootprintAsync(ticket.Number);

        var again = await HandleAsync(Desk.Dana, new AddCollaborator(ticket.Number, Desk.Sam.UserId));

        Assert.Equal([Desk.Sam.UserId], again.Value?.CollaboratorIds);
        Assert.Equal(before, await FootprintAsync(ticket.Number));
    }

    [Fact]
    public async Task OnlyAnActiveColleagueCanFollowATicket()
    {
        var ticket = await Desk.ATicket();

        var requester = await HandleAsync(Desk.Dana, new AddCollaborator(ticket.Number, Desk.Bob.UserId));
        var nobody = await HandleAsync(Desk.Dana, new AddCollaborator(ticket.Number, 99_999));

        Assert.Equal(ErrorKind.Validation, requester.Error?.Kind);
        Assert.True(requester.Error!.Fields.ContainsKey(nameof(AddCollaborator.UserId)));
        Assert.Equal(ErrorKind.Validation, nobody.Error?.Kind);
    }

    [Fact]
    public async Task AMentionInAnInternalNoteAddsTheColleague()
    {
        var ticket = await Desk.ATicket();
        using var probe = Probe(e => e.Kind == TicketEventKind.CollaboratorsChanged && e.Row.Number == ticket.Number);

        var result = await HandleAsync(Desk.Dana, new AddComment(ticket.Number, "@Ines Infra is the switch on floor 3 yours? cc @sam", Internal: true));

        Assert.Equal(new[] { Desk.Sam.UserId, Desk.Ines.UserId }.Order(), result.Value!.CollaboratorIds.Order());
        Assert.True((await probe.Published).IsInternal);
        var audit = await AuditOfAsync(ticket.Number);
        Assert.Contains(audit, a => a is { Command: "AddNote", Field: "Collaborator", NewValue: "Ines Infra" });
        Assert.Contains(audit, a => a is { Command: "AddNote", Field: "Collaborator", NewValue: "Sam Agent" });
    }

    [Fact]
    public async Task APublicReplyOrAMentionOfOneselfAddsNobody()
    {
        var ticket = await Desk.ATicket();

        var reply = await HandleAsync(Desk.Dana, new AddComment(ticket.Number, "@Ines Infra will call you."));
        var self = await HandleAsync(Desk.Dana, new AddComment(ticket.Number, "Note to @dana: call back at 3.", Internal: true));

        Assert.Empty(reply.Value!.CollaboratorIds);
        Assert.Empty(self.Value!.CollaboratorIds);
    }

    [Fact]
    public async Task ACollaboratorFromAnotherTeamCanSeeTheTicketAndTheLiveRuleAgrees()
    {
        var ticket = await Desk.ATicket().InCategory(Desk.General);
        Assert.Null(await Queries.GetRowAsync(Desk.Ines, ticket.Number));
        Assert.False(TicketAccess.CanSee(Desk.Ines, ticket));

        var row = (await HandleAsync(Desk.Dana, new AddCollaborator(ticket.Number, Desk.Ines.UserId))).Value!;

        var seen = await Queries.GetRowAsync(Desk.Ines, ticket.Number);
        Assert.Equal(ticket.Number, seen?.Number);
        Assert.True(TicketAccess.CanSee(Desk.Ines, row));
        Assert.True(TicketAccess.CanSee(Desk.Ines, seen!));
        Assert.NotNull(await Db.Get<TicketDetailsQuery>().GetAsync(Desk.Ines, ticket.Number));
        Assert.True((await HandleAsync(Desk.Ines, new AddComment(ticket.Number, "The switch is fine.", Internal: true))).Succeeded);
    }

    [Fact]
    public async Task ARemovedCollaboratorNoLongerSeesTheTicket()
    {
        var ticket = await Desk.ATicket().InCategory(Desk.General);
        await HandleAsync(Desk.Dana, new AddCollaborator(ticket.Number, Desk.Ines.UserId));

        var row = (await HandleAsync(Desk.Dana, new RemoveCollaborator(ticket.Number, Desk.Ines.UserId))).Value!;

        Assert.Null(await Queries.GetRowAsync(Desk.Ines, ticket.Number));
        Assert.False(TicketAccess.CanSee(Desk.Ines, row));
    }

    [Fact]
    public async Task ARequesterCannotAddCollaboratorsAndNeverSeesTheEvent()
    {
        var ticket = await Desk.ATicket().RequestedBy(Desk.Alice);
        var log = Db.Get<EventLog>();
        var start = await log.LastSequenceAsync();
        var before = await FootprintAsync(ticket.Number);

        var refused = await HandleAsync(Desk.Alice, new AddCollaborator(ticket.Number, Desk.Dana.UserId));
        var removal = await HandleAsync(Desk.Alice, new RemoveCollaborator(ticket.Number, Desk.Dana.UserId));
        Assert.Equal(before, await FootprintAsync(ticket.Number));
        await HandleAsync(Desk.Dana, new AddCollaborator(ticket.Number, Desk.Sam.UserId));
        await HandleAsync(Desk.Dana, new AddComment(ticket.Number, "We are on it."));

        Assert.Equal(ErrorKind.Forbidden, refused.Error?.Kind);
        Assert.Equal(ErrorKind.Forbidden, removal.Error?.Kind);
        var requesters = await log.ReadAfterAsync(Desk.Alice, start);
        var staff = await log.ReadAfterAsync(Desk.Dana, start);
        Assert.Contains(requesters, e => e.Kind == TicketEventKind.Replied);
        Assert.DoesNotContain(requesters, e => e.Kind == TicketEventKind.CollaboratorsChanged);
        Assert.Contains(staff, e => e.Kind == TicketEventKind.CollaboratorsChanged && e.Row.Number == ticket.Number);
    }

    [Fact]
    public async Task ARequesterSeesNoCollaboratorsInTheDetails()
    {
        var ticket = await Desk.ATicket().RequestedBy(Desk.Alice);
        await HandleAsync(Desk.Dana, new AddCollaborator(ticket.Number, Desk.Ines.UserId));

        var mine = await Db.Get<TicketDetailsQuery>().GetAsync(Desk.Alice, ticket.Number);
        var staff = await Db.Get<TicketDetailsQuery>().GetAsync(Desk.Dana, ticket.Number);

        Assert.Empty(mine!.Collaborators);
        var ines = Assert.Single(staff!.Collaborators);
        Assert.Equal(("Ines Infra", "Infrastructure", "Dana Agent"), (ines.DisplayName, ines.Teams, ines.AddedBy));
    }
}
