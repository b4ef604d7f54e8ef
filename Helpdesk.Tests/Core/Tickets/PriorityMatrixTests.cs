using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;

namespace Helpdesk.Tests.Core.Tickets;

public sealed class PriorityMatrixTests(DeskFixture fixture) : DeskTest(fixture)
{
    [Theory]
    [InlineData(Impact.Individual, Urgency.CanWait, Priority.P5)]
    [InlineData(Impact.Individual, Urgency.Soon, Priority.P4)]
    [InlineData(Impact.Individual, Urgency.BlocksWork, Priority.P3)]
    [InlineData(Impact.Team, Urgency.CanWait, Priority.P4)]
    [InlineData(Impact.Team, Urgency.Soon, Priority.P3)]
    [InlineData(Impact.Team, Urgency.BlocksWork, Priority.P2)]
    [InlineData(Impact.Organisation, Urgency.CanWait, Priority.P3)]
    [InlineData(Impact.Organisation, Urgency.Soon, Priority.P2)]
    [InlineData(Impact.Organisation, Urgency.BlocksWork, Priority.P1)]
    public async Task ANewTicketTakesItsPriorityFromImpactAndUrgency(Impact impact, Urgency urgency, Priority expected)
    {
        Assert.Equal(expected, PriorityMatrix.For(impact, urgency));

        var ticket = await Desk.ATicket().WithPriority(impact, urgency);

        Assert.Equal(expected, ticket.Priority);
    }

    [Fact]
    public async Task AnOverrideWithAReasonIsKeptAndAudited()
    {
        var ticket = await Desk.ATicket().WithPriority(Impact.Individual, Urgency.CanWait);

        var result = await HandleAsync(Desk.Dana,
            new ReprioritiseTicket(ticket.Number, Impact.Individual, Urgency.CanWait, Priority.P1, "  The CEO's laptop before the board meeting. "));

        Assert.Equal(Priority.P1, result.Value?.Priority);
        var saved = await TicketAsync(ticket.Number);
        Assert.Equal("The CEO's laptop before the board meeting.", saved.PriorityOverrideReason);
        var audit = (await AuditOfAsync(ticket.Number)).Where(a => a.Command == nameof(ReprioritiseTicket)).ToList();
        Assert.Contains(audit, a => a is { Field: "Priority", OldValue: "P5", NewValue: "P1" } && a.ActorId == Desk.Dana.UserId);
        Assert.Contains(audit, a => a is { Field: "PriorityOverrideReason", OldValue: null, NewValue: "The CEO's laptop before the board meeting." });
    }

    [Fact]
    public async Task AnOverrideWithoutAReasonIsRefused()
    {
        var ticket = await Desk.ATicket().WithPriority(Impact.Individual, Urgency.CanWait);
        var before = await FootprintAsync(ticket.Number);

        var result = await HandleAsync(Desk.Dana, new ReprioritiseTicket(ticket.Number, Impact.Individual, Urgency.CanWait, Priority.P1, " "));

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.True(result.Error!.Fields.ContainsKey("Reason"));
        Assert.Equal(before, await FootprintAsync(ticket.Number));
        Assert.Equal(Priority.P5, (await Desk.RowAsync(ticket.Number)).Priority);
    }

    [Fact]
    public async Task ChoosingTheComputedPriorityNeedsNoReasonAndClearsAnEarlierOverride()
    {
        var ticket = await Desk.ATicket().WithPriority(Impact.Team, Urgency.Soon);
        await HandleAsync(Desk.Dana, new ReprioritiseTicket(ticket.Number, Impact.Team, Urgency.Soon, Priority.P1, "Payroll run tonight."));

        var result = await HandleAsync(Desk.Dana, new ReprioritiseTicket(ticket.Number, Impact.Team, Urgency.Soon, Priority.P3));

        Assert.Equal(Priority.P3, result.Value?.Priority);
        Assert.Null((await TicketAsync(ticket.Number)).PriorityOverrideReason);
    }

    [Fact]
    public async Task ARequesterCannotReprioritise()
    {
        var ticket = await Desk.ATicket().RequestedBy(Desk.Alice);

        var result = await HandleAsync(Desk.Alice, new ReprioritiseTicket(ticket.Number, Impact.Organisation, Urgency.BlocksWork));

        Assert.Equal(ErrorKind.Forbidden, result.Error?.Kind);
    }
}
