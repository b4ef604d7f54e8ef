using Helpdesk.Core.Application;
using Helpdesk.Core.Resources;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Support.Builders;
using Microsoft.Extensions.Localization;

namespace Helpdesk.Tests.Core.Tickets;

public sealed class TicketTransitionsTests(DeskFixture fixture) : DeskTest(fixture)
{
    public static TheoryData<TicketStatus, TicketStatus> AllowedTransitions()
    {
        var data = new TheoryData<TicketStatus, TicketStatus>();
        foreach (var from in Enum.GetValues<TicketStatus>())
            foreach (var to in TicketTransitions.From(from))
                data.Add(from, to);
        return data;
    }

    public static TheoryData<TicketStatus, TicketStatus> ForbiddenTransitions() => new()
    {
        { TicketStatus.New, TicketStatus.Closed },
        { TicketStatus.New, TicketStatus.Resolved },
        { TicketStatus.Closed, TicketStatus.InProgress },
        { TicketStatus.Closed, TicketStatus.Open },
        { TicketStatus.Rejected, TicketStatus.Resolved },
        { TicketStatus.Resolved, TicketStatus.InProgress },
        { TicketStatus.Pending, TicketStatus.Closed },
        { TicketStatus.Reopened, TicketStatus.Closed },
    };

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public async Task EveryTransitionInTheTableSucceeds(TicketStatus from, TicketStatus to)
    {
        var ticket = await Desk.ATicket().InStatus(from);

        var result = await HandleAsync(Desk.Dana, new ChangeStatus(ticket.Number, to, Resolution: "Reseated the cable.", Reason: "Duplicate request."));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(to, result.Value!.Status);
        Assert.Equal(to.IsOpen(), result.Value.IsOpen);
        Assert.Equal(ticket.Version + 1, result.Value.Version);
    }

    [Theory]
    [MemberData(nameof(ForbiddenTransitions))]
    public async Task ATransitionOutsideTheTableIsRefusedAndWritesNothing(TicketStatus from, TicketStatus to)
    {
        var ticket = await Desk.ATicket().InStatus(from);
        var before = await FootprintAsync(ticket.Number);

        var result = await HandleAsync(Desk.Dana, new ChangeStatus(ticket.Number, to, Resolution: "Reseated the cable.", Reason: "Duplicate request."));

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        var message = Assert.Single(result.Error!.Fields["Status"]);
        Assert.Equal($"A ticket cannot go from {StatusName(from)} to {StatusName(to)}.", message);
        Assert.Equal(before, await FootprintAsync(ticket.Number));
        Assert.Equal(from, (await Desk.RowAsync(ticket.Number)).Status);
    }

    [Fact]
    public async Task ARefusedTransitionNamesTheStatesInWordsNotResourceKeys()
    {
        var ticket = await Desk.ATicket().InStatus(TicketStatus.Closed);

        var result = await HandleAsync(Desk.Dana, new ChangeStatus(ticket.Number, TicketStatus.InProgress));

        Assert.Equal("A ticket cannot go from Closed to In progress.", Assert.Single(result.Error!.Fields["Status"]));
    }

    private string StatusName(TicketStatus status) => Db.Get<IStringLocalizer<Messages>>()["status." + status];

    [Fact]
    public async Task ResolvingWithoutAResolutionIsRefused()
    {
        var ticket = await Desk.ATicket().InStatus(TicketStatus.InProgress);
        var before = await FootprintAsync(ticket.Number);

        var result = await HandleAsync(Desk.Dana, new ChangeStatus(ticket.Number, TicketStatus.Resolved, Resolution: "  "));

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.True(result.Error!.Fields.ContainsKey("Resolution"));
        Assert.Equal(before, await FootprintAsync(ticket.Number));
    }

    [Fact]
    public async Task RejectingWithoutAReasonIsRefused()
    {
        var ticket = await Desk.ATicket();

        var result = await HandleAsync(Desk.Dana, new ChangeStatus(ticket.Number, TicketStatus.Rejected));

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.True(result.Error!.Fields.ContainsKey("Reason"));
    }

    [Fact]
    public async Task ReopeningClearsTheResolutionAndClosingDates()
    {
        var ticket = await Desk.ATicket().InStatus(TicketStatus.Closed);

        await HandleAsync(Desk.Dana, new ChangeStatus(ticket.Number, TicketStatus.Reopened));

        var reopened = await TicketAsync(ticket.Number);
        Assert.True(reopened.IsOpen);
        Assert.Null(reopened.ResolvedAt);
        Assert.Null(reopened.ClosedAt);
    }
}
