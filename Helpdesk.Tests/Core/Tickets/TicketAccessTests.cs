using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Core.Tickets;

public sealed class TicketAccessTests(DeskFixture fixture) : DeskTest(fixture)
{
    private const int Missing = 9_999;

    [Fact]
    public async Task ARequesterCannotSeeAnotherRequestersTicket()
    {
        var alices = await Desk.ATicket().RequestedBy(Desk.Alice);

        Assert.Null(await Db.Get<TicketQueries>().GetRowAsync(Desk.Bob, alices.Number));
        Assert.Null(await Db.Get<TicketDetailsQuery>().GetAsync(Desk.Bob, alices.Number));
        Assert.NotNull(await Db.Get<TicketDetailsQuery>().GetAsync(Desk.Alice, alices.Number));
    }

    [Fact]
    public async Task ACommandOnSomeoneElsesTicketAnswersExactlyLikeAMissingOne()
    {
        var alices = await Desk.ATicket().RequestedBy(Desk.Alice).InStatus(TicketStatus.Resolved);
        var before = await FootprintAsync(alices.Number);

        var hidden = await HandleAsync(Desk.Bob, new ChangeStatus(alices.Number, TicketStatus.Closed));
        var missing = await HandleAsync(Desk.Bob, new ChangeStatus(Missing, TicketStatus.Closed));
        var hiddenReply = await HandleAsync(Desk.Bob, new AddComment(alices.Number, "Me too"));

        Assert.Equal(ErrorKind.NotFound, hidden.Error?.Kind);
        Assert.Equal(missing.Error! with { Message = missing.Error.Message.Replace($"HD-{Missing}", $"HD-{alices.Number}") }, hidden.Error! with { Fields = missing.Error.Fields });
        Assert.Empty(hidden.Error.Fields);
        Assert.Equal(hidden.Error, hiddenReply.Error! with { Fields = hidden.Error.Fields });
        Assert.Equal(before, await FootprintAsync(alices.Number));
    }

    [Fact]
    public async Task AnAgentOutsideTheTicketsTeamCannotSeeIt()
    {
        var ticket = await Desk.ATicket().InCategory(Desk.General);

        Assert.Null(await Db.Get<TicketQueries>().GetRowAsync(Desk.Ines, ticket.Number));
        Assert.Equal(ErrorKind.NotFound, (await HandleAsync(Desk.Ines, new AssignTicket(ticket.Number, Desk.Ines.UserId))).Error?.Kind);
        Assert.NotNull(await Db.Get<TicketQueries>().GetRowAsync(Desk.Dana, ticket.Number));
    }

    [Fact]
    public async Task ARequestersDetailsNeverContainInternalNotesOrTheAuditTrail()
    {
        var ticket = await Desk.ATicket().RequestedBy(Desk.Alice).AssignedTo(Desk.Dana).InStatus(TicketStatus.InProgress);
        await HandleAsync(Desk.Dana, new AddComment(ticket.Number, "Looking into it."));
        await HandleAsync(Desk.Dana, new AddComment(ticket.Number, "She broke it herself.", Internal: true));
        await HandleAsync(Desk.Dana, new EscalateTicket(ticket.Number, Tier.L2, "Beyond first line."));
        await HandleAsync(Desk.Dana, new ReprioritiseTicket(ticket.Number, Impact.Individual, Urgency.Soon, Priority.P1, "VIP."));

        var mine = await Db.Get<TicketDetailsQuery>().GetAsync(Desk.Alice, ticket.Number);
        var staff = await Db.Get<TicketDetailsQuery>().GetAsync(Desk.Dana, ticket.Number);

        Assert.Equal(["Looking into it."], mine!.Conversation.Select(c => c.Body));
        Assert.Empty(mine.Audit);
        Assert.Empty(mine.AllowedStatuses);
        Assert.Null(mine.PriorityOverrideReason);
        Assert.Equal(3, staff!.Conversation.Count);
        Assert.Contains(staff.Conversation, c => c is { IsInternal: true, Body: "She broke it herself." });
        Assert.NotEmpty(staff.Audit);
    }

    [Fact]
    public async Task ARequesterCannotWriteInternalNotes()
    {
        var ticket = await Desk.ATicket().RequestedBy(Desk.Alice);

        var result = await HandleAsync(Desk.Alice, new AddComment(ticket.Number, "Psst.", Internal: true));

        Assert.Equal(ErrorKind.Forbidden, result.Error?.Kind);
    }

    [Fact]
    public async Task TheEventLogGivesARequesterOnlyPublicEventsOfTheirOwnTickets()
    {
        var log = Db.Get<EventLog>();
        var start = await log.LastSequenceAsync();
        var alices = await Desk.ATicket().RequestedBy(Desk.Alice).InStatus(TicketStatus.Open);
        var bobs = await Desk.ATicket().RequestedBy(Desk.Bob).InStatus(TicketStatus.Open);
        await HandleAsync(Desk.Dana, new AddComment(alices.Number, "Internal: check the asset register.", Internal: true));
        await HandleAsync(Desk.Dana, new LinkTickets(alices.Number, bobs.Number, LinkKind.Related));
        await HandleAsync(Desk.Dana, new AddComment(alices.Number, "On my way."));

        var forAlice = await log.ReadAfterAsync(Desk.Alice, start);
        var forDana = await log.ReadAfterAsync(Desk.Dana, start);

        Assert.NotEmpty(forAlice);
        Assert.All(forAlice, e => Assert.Equal((alices.Id, false), (e.Row.Id, e.IsInternal)));
        Assert.Contains(forAlice, e => e.Kind == TicketEventKind.Replied);
        Assert.Contains(forDana, e => e.Kind == TicketEventKind.NoteAdded);
        Assert.Contains(forDana, e => e.Row.Id == bobs.Id);
        Assert.Equal(forDana.Select(e => e.Sequence).Order(), forDana.Select(e => e.Sequence));
    }

    [Fact]
    public async Task ACatchUpReadIsNotCutShortByEventsTheCallerCannotSee()
    {
        var alices = await Desk.ATicket().RequestedBy(Desk.Alice);
        var log = Db.Get<EventLog>();
        var seen = await log.LastSequenceAsync();
        for (var i = 0; i < 5; i++) await Desk.ATicket().RequestedBy(Desk.Bob);
        await HandleAsync(Desk.Dana, new AddComment(alices.Number, "We are on it."));

        var missed = await log.ReadAfterAsync(Desk.Alice, seen, max: 3);

        // One event is visible to Alice, fewer than max: an answer without it tells her she is up to date.
        var e = Assert.Single(missed);
        Assert.Equal((TicketEventKind.Replied, alices.Id), (e.Kind, e.Row.Id));
    }

    [Fact]
    public async Task ReadingTheEventLogAfterASequenceSkipsWhatWasAlreadySeen()
    {
        var ticket = await Desk.ATicket().RequestedBy(Desk.Alice);
        var seen = await Db.Get<EventLog>().LastSequenceAsync();
        await HandleAsync(Desk.Dana, new ChangeStatus(ticket.Number, TicketStatus.Open));

        var missed = await Db.Get<EventLog>().ReadAfterAsync(Desk.Alice, seen);

        var e = Assert.Single(missed);
        Assert.Equal((seen + 1, TicketEventKind.StatusChanged, TicketStatus.Open), (e.Sequence, e.Kind, e.Row.Status));
    }
}
