using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;

namespace Helpdesk.Tests.Core.Tickets.Commands;

/// <summary>What a requester may do to their own ticket: confirm, reopen within the window, reply.</summary>
public sealed class RequesterRulesTests(DeskFixture fixture) : DeskTest(fixture)
{
    private int ReopenWithinDays => Db.Get<TicketRules>().ReopenWithinDays;

    [Fact]
    public async Task ARequesterMayCloseTheirResolvedTicket()
    {
        var ticket = await Desk.ATicket().RequestedBy(Desk.Alice).InStatus(TicketStatus.Resolved);

        var result = await HandleAsync(Desk.Alice, new ChangeStatus(ticket.Number, TicketStatus.Closed));

        Assert.Equal(TicketStatus.Closed, result.Value?.Status);
    }

    [Theory]
    [InlineData(TicketStatus.Resolved)]
    [InlineData(TicketStatus.Closed)]
    public async Task ARequesterMayReopenWithinTheConfiguredDays(TicketStatus status)
    {
        var ticket = await Desk.ATicket().RequestedBy(Desk.Alice).InStatus(status);
        Clock.Advance(TimeSpan.FromDays(ReopenWithinDays) - TimeSpan.FromMinutes(1));

        var result = await HandleAsync(Desk.Alice, new ChangeStatus(ticket.Number, TicketStatus.Reopened));

        Assert.Equal(TicketStatus.Reopened, result.Value?.Status);
    }

    [Fact]
    public async Task ARequesterCannotReopenAfterTheConfiguredDays()
    {
        var ticket = await Desk.ATicket().RequestedBy(Desk.Alice).InStatus(TicketStatus.Resolved);
        Clock.Advance(TimeSpan.FromDays(ReopenWithinDays) + TimeSpan.FromMinutes(1));
        var before = await FootprintAsync(ticket.Number);

        var result = await HandleAsync(Desk.Alice, new ChangeStatus(ticket.Number, TicketStatus.Reopened));

        Assert.Equal(ErrorKind.Forbidden, result.Error?.Kind);
        Assert.Equal(before, await FootprintAsync(ticket.Number));
    }

    [Theory]
    [InlineData(TicketStatus.New, TicketStatus.Open)]
    [InlineData(TicketStatus.New, TicketStatus.Rejected)]
    [InlineData(TicketStatus.Open, TicketStatus.Resolved)]
    [InlineData(TicketStatus.InProgress, TicketStatus.Pending)]
    [InlineData(TicketStatus.Pending, TicketStatus.Open)]
    [InlineData(TicketStatus.Rejected, TicketStatus.Reopened)]
    [InlineData(TicketStatus.Reopened, TicketStatus.Resolved)]
    public async Task ARequesterIsForbiddenEveryOtherTransition(TicketStatus from, TicketStatus to)
    {
        var ticket = await Desk.ATicket().RequestedBy(Desk.Alice).InStatus(from);
        var before = await FootprintAsync(ticket.Number);

        var result = await HandleAsync(Desk.Alice, new ChangeStatus(ticket.Number, to, Resolution: "Fixed it myself.", Reason: "Never mind."));

        Assert.Equal(ErrorKind.Forbidden, result.Error?.Kind);
        Assert.Equal(before, await FootprintAsync(ticket.Number));
    }

    [Fact]
    public async Task ARequestersPublicReplyMovesAPendingTicketBackToOpen()
    {
        var ticket = await Desk.ATicket().RequestedBy(Desk.Alice).InStatus(TicketStatus.Pending);

        var result = await HandleAsync(Desk.Alice, new AddComment(ticket.Number, "It started on Monday."));

        Assert.Equal((TicketStatus.Open, ticket.Version + 1), (result.Value?.Status, result.Value?.Version));
        Assert.Contains(await AuditOfAsync(ticket.Number), a => a is { Command: "Reply", Field: "Status", OldValue: "Pending", NewValue: "Open" });
    }

    [Fact]
    public async Task AnAgentsReplyLeavesAPendingTicketPending()
    {
        var ticket = await Desk.ATicket().RequestedBy(Desk.Alice).InStatus(TicketStatus.Pending);

        var result = await HandleAsync(Desk.Dana, new AddComment(ticket.Number, "Any news?"));

        Assert.Equal(TicketStatus.Pending, result.Value?.Status);
    }

    [Fact]
    public async Task ARequesterCannotAssignEscalateOrLink()
    {
        var ticket = await Desk.ATicket().RequestedBy(Desk.Alice);
        var other = await Desk.ATicket().RequestedBy(Desk.Alice);

        Assert.Equal(ErrorKind.Forbidden, (await HandleAsync(Desk.Alice, new AssignTicket(ticket.Number, Desk.Dana.UserId))).Error?.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await HandleAsync(Desk.Alice, new EscalateTicket(ticket.Number, Tier.L3, "Faster please."))).Error?.Kind);
        Assert.Equal(ErrorKind.Forbidden, (await HandleAsync(Desk.Alice, new LinkTickets(ticket.Number, other.Number, LinkKind.Related))).Error?.Kind);
    }
}
