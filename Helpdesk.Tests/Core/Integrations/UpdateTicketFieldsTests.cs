using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;

namespace Helpdesk.Tests.Core.Integrations;

/// <summary>The API's PATCH: classification fields in one command; what is left out stays.</summary>
public sealed class UpdateTicketFieldsTests(DeskFixture fixture) : DeskTest(fixture)
{
    [Fact]
    public async Task AnOverrideIsKeptWhenOnlyImpactChangesAndClearedByTheMatrixPriority()
    {
        var ticket = await Desk.ATicket().About("Override kept").WithPriority(Impact.Individual, Urgency.Soon);
        var overridden = (await HandleAsync(Desk.Dana, new UpdateTicketFields(ticket.Number, Priority: Priority.P1, PriorityReason: "CEO's laptop"))).Value!;

        var impact = (await HandleAsync(Desk.Dana, new UpdateTicketFields(ticket.Number, Impact: Impact.Team))).Value!;
        var kept = await TicketAsync(ticket.Number);
        var back = (await HandleAsync(Desk.Dana, new UpdateTicketFields(ticket.Number, Priority: Priority.P3))).Value!;

        Assert.Equal(Priority.P1, overridden.Priority);
        Assert.Equal((Priority.P1, Impact.Team, "CEO's laptop"), (impact.Priority, kept.Impact, kept.PriorityOverrideReason));
        Assert.Equal(Priority.P3, back.Priority);
        Assert.Null((await TicketAsync(ticket.Number)).PriorityOverrideReason);
    }

    [Fact]
    public async Task ACategoryChangeIsAuditedAndPublished()
    {
        var ticket = await Desk.ATicket().About("Wrong category");
        using var probe = Probe(e => e.Row.Number == ticket.Number && e.Kind == TicketEventKind.Recategorised);

        var result = await HandleAsync(Desk.Dana, new UpdateTicketFields(ticket.Number, CategoryId: Desk.Laptop, ExpectedVersion: ticket.Version));

        Assert.Equal(Desk.Laptop, result.Value!.CategoryId);
        Assert.Equal(ticket.Version + 1, result.Value.Version);
        Assert.Equal(Desk.Laptop, (await probe.Published).Row.CategoryId);
        Assert.Contains(await AuditOfAsync(ticket.Number), a => a.Field == nameof(Ticket.CategoryId) && a.NewValue == "Laptop");
    }

    [Fact]
    public async Task NothingToChangeWritesNothing()
    {
        var ticket = await Desk.ATicket().About("Already right").WithPriority(Impact.Team, Urgency.Soon);
        var before = await FootprintAsync(ticket.Number);

        var result = await HandleAsync(Desk.Dana, new UpdateTicketFields(ticket.Number, Impact: Impact.Team, CategoryId: ticket.CategoryId));

        Assert.True(result.Succeeded);
        Assert.Equal(before, await FootprintAsync(ticket.Number));
    }

    [Fact]
    public async Task RefusalsWriteNothing()
    {
        var ticket = await Desk.ATicket().About("Guarded");
        var before = await FootprintAsync(ticket.Number);

        var requester = await HandleAsync(Desk.Alice, new UpdateTicketFields(ticket.Number, Urgency: Urgency.BlocksWork));
        var stale = await HandleAsync(Desk.Dana, new UpdateTicketFields(ticket.Number, Urgency: Urgency.BlocksWork, ExpectedVersion: ticket.Version - 1));
        var invalid = await HandleAsync(Desk.Dana, new UpdateTicketFields(ticket.Number, Impact: (Impact)9, CategoryId: 999_999));
        var noReason = await HandleAsync(Desk.Dana, new UpdateTicketFields(ticket.Number, Priority: Priority.P1));

        Assert.Equal(ErrorKind.Forbidden, requester.Error?.Kind);
        Assert.Equal(ErrorKind.Conflict, stale.Error?.Kind);
        Assert.Equal(["CategoryId", "Impact"], invalid.Error!.Fields.Keys.Order());
        Assert.Equal(["Reason"], noReason.Error!.Fields.Keys);
        Assert.Equal(before, await FootprintAsync(ticket.Number));
    }
}
