using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;

namespace Helpdesk.Tests.Core.Application;

public sealed class OptimisticConcurrencyTests(DeskFixture fixture) : DeskTest(fixture)
{
    [Fact]
    public async Task AStaleEditIsRefusedNamingTheTicketAndWhoChangedIt()
    {
        var ticket = await Desk.ATicket().InStatus(TicketStatus.Open);
        var seen = ticket.Version;

        var first = await HandleAsync(Desk.Dana, new ChangeStatus(ticket.Number, TicketStatus.InProgress, ExpectedVersion: seen));
        var afterFirst = await FootprintAsync(ticket.Number);
        var second = await HandleAsync(Desk.Sam, new AssignTicket(ticket.Number, Desk.Sam.UserId, ExpectedVersion: seen));

        Assert.True(first.Succeeded, first.Error?.Message);
        Assert.Equal(ErrorKind.Conflict, second.Error?.Kind);
        Assert.Contains(TicketNumber.Format(ticket.Number), second.Error!.Message);
        Assert.Contains("Dana Agent", second.Error.Message);
        var row = await Desk.RowAsync(ticket.Number);
        Assert.Equal((TicketStatus.InProgress, (int?)null), (row.Status, row.AssigneeId));
        Assert.Equal(afterFirst, await FootprintAsync(ticket.Number));
    }

    [Fact]
    public async Task AConflictSaysWhatChangedInWordsNotResourceKeys()
    {
        var ticket = await Desk.ATicket().InStatus(TicketStatus.Open);
        await HandleAsync(Desk.Dana, new ChangeStatus(ticket.Number, TicketStatus.InProgress, ExpectedVersion: ticket.Version));

        var stale = await HandleAsync(Desk.Sam, new AssignTicket(ticket.Number, Desk.Sam.UserId, ExpectedVersion: ticket.Version));

        Assert.Contains("Status → InProgress", stale.Error!.Message);
        Assert.DoesNotContain("field.", stale.Error.Message);
    }

    [Fact]
    public async Task ARequestersStaleEditNeverRevealsInternalNotesOrOverrideReasons()
    {
        var ticket = await Desk.ATicket().RequestedBy(Desk.Alice).InStatus(TicketStatus.InProgress);
        await HandleAsync(Desk.Dana, new ReprioritiseTicket(ticket.Number, Impact.Individual, Urgency.Soon, Priority.P5, "Complains about everything."));
        await HandleAsync(Desk.Dana, new AddComment(ticket.Number, "She unplugged it herself.", Internal: true));
        await HandleAsync(Desk.Dana, new ChangeStatus(ticket.Number, TicketStatus.Resolved, Resolution: "Plugged it back in."));

        var stale = await HandleAsync(Desk.Alice, new ChangeStatus(ticket.Number, TicketStatus.Closed, ExpectedVersion: ticket.Version));

        Assert.Equal(ErrorKind.Conflict, stale.Error?.Kind);
        Assert.DoesNotContain("Complains about everything.", stale.Error!.Message);
        Assert.DoesNotContain("She unplugged it herself.", stale.Error.Message);
    }

    [Fact]
    public async Task AnEditMadeAfterRereadingTheTicketGoesThrough()
    {
        var ticket = await Desk.ATicket().InStatus(TicketStatus.Open);
        var changed = await HandleAsync(Desk.Dana, new ChangeStatus(ticket.Number, TicketStatus.InProgress, ExpectedVersion: ticket.Version));

        var result = await HandleAsync(Desk.Sam, new AssignTicket(ticket.Number, Desk.Sam.UserId, ExpectedVersion: changed.Value!.Version));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal((TicketStatus.InProgress, "Sam Agent"), (result.Value!.Status, result.Value.AssigneeName));
    }

    [Fact]
    public async Task EveryCommittedChangeBumpsTheVersionOnce()
    {
        var ticket = await Desk.ATicket();

        var opened = await HandleAsync(Desk.Dana, new ChangeStatus(ticket.Number, TicketStatus.Open));
        var assigned = await HandleAsync(Desk.Dana, new AssignTicket(ticket.Number, Desk.Dana.UserId));
        var unchanged = await HandleAsync(Desk.Dana, new AssignTicket(ticket.Number, Desk.Dana.UserId));

        Assert.Equal([1, 2, 3, 3], new[] { ticket.Version, opened.Value!.Version, assigned.Value!.Version, unchanged.Value!.Version });
    }
}
