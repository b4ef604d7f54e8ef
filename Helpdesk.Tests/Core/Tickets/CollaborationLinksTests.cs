using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Support.Builders;

namespace Helpdesk.Tests.Core.Tickets;

/// <summary>The workspace's links: follow-ups, duplicates, and the requester's history beside a ticket.</summary>
public sealed class CollaborationLinksTests(DeskFixture fixture) : DeskTest(fixture)
{
    private Task<TicketDetails?> DetailsAsync(Caller caller, int number) => Db.Get<TicketDetailsQuery>().GetAsync(caller, number);

    [Fact]
    public async Task AFollowUpTicketIsLinkedToItsParentBothWays()
    {
        var parent = await Desk.ATicket().RequestedBy(Desk.Alice).InStatus(TicketStatus.InProgress);

        var child = (await HandleAsync(Desk.Dana, new CreateTicket(new NewTicketData
        {
            RequesterId = parent.RequesterId, CategoryId = parent.CategoryId, Subject = "Order a new fuser unit",
            Description = "For the printer on the 3rd floor.",
        }, ParentNumber: parent.Number))).Value!;

        Assert.Equal(Desk.Alice.UserId, child.RequesterId);
        var fromParent = Assert.Single((await DetailsAsync(Desk.Dana, parent.Number))!.Links);
        var fromChild = Assert.Single((await DetailsAsync(Desk.Dana, child.Number))!.Links);
        Assert.Equal((LinkKind.ParentOf, true, child.Number), (fromParent.Kind, fromParent.Outgoing, fromParent.Number));
        Assert.Equal((LinkKind.ParentOf, false, parent.Number), (fromChild.Kind, fromChild.Outgoing, fromChild.Number));
    }

    [Fact]
    public async Task MarkingANewTicketAsDuplicateLinksAndRejectsItInOneChange()
    {
        var original = await Desk.ATicket().About("VPN drops every hour");
        var duplicate = await Desk.ATicket().About("VPN keeps disconnecting");

        var result = await HandleAsync(Desk.Dana, new MarkAsDuplicate(duplicate.Number, original.Number, duplicate.Version));

        Assert.Equal(TicketStatus.Rejected, result.Value?.Status);
        var details = (await DetailsAsync(Desk.Dana, duplicate.Number))!;
        Assert.Equal($"Duplicate of HD-{original.Number}", details.RejectionReason);
        var link = Assert.Single(details.Links);
        Assert.Equal((LinkKind.DuplicateOf, true, original.Number), (link.Kind, link.Outgoing, link.Number));
        var audit = await AuditOfAsync(duplicate.Number);
        Assert.Contains(audit, a => a is { Command: "MarkAsDuplicate", Field: "Link" } && a.NewValue == $"DuplicateOf HD-{original.Number}");
        Assert.Contains(audit, a => a is { Command: "MarkAsDuplicate", Field: "Status", NewValue: "Rejected" });
        var seenFromOriginal = Assert.Single((await DetailsAsync(Desk.Dana, original.Number))!.Links);
        Assert.Equal((LinkKind.DuplicateOf, false, duplicate.Number), (seenFromOriginal.Kind, seenFromOriginal.Outgoing, seenFromOriginal.Number));
    }

    [Fact]
    public async Task ATicketPastRejectionIsOnlyLinkedAsDuplicate()
    {
        var original = await Desk.ATicket();
        var resolved = await Desk.ATicket().InStatus(TicketStatus.Resolved);

        var result = await HandleAsync(Desk.Dana, new MarkAsDuplicate(resolved.Number, original.Number));

        Assert.Equal(TicketStatus.Resolved, result.Value?.Status);
        Assert.Single((await DetailsAsync(Desk.Dana, resolved.Number))!.Links);
    }

    [Fact]
    public async Task ADuplicateOfAnUnknownOrTheSameTicketIsRefused()
    {
        var ticket = await Desk.ATicket();
        var before = await FootprintAsync(ticket.Number);

        var self = await HandleAsync(Desk.Dana, new MarkAsDuplicate(ticket.Number, ticket.Number));
        var missing = await HandleAsync(Desk.Dana, new MarkAsDuplicate(ticket.Number, 99_999));
        var requester = await HandleAsync(Desk.Alice, new MarkAsDuplicate(ticket.Number, ticket.Number));

        Assert.Equal(ErrorKind.Validation, self.Error?.Kind);
        Assert.Equal(ErrorKind.Validation, missing.Error?.Kind);
        Assert.Equal(ErrorKind.Forbidden, requester.Error?.Kind);
        Assert.Equal(before, await FootprintAsync(ticket.Number));
    }

    [Fact]
    public async Task TheRequesterHistoryShowsTheTenNewestTicketsTheCallerMaySeeWithTheTotal()
    {
        var requester = await Db.ARequesterAsync($"Hannah History {Guid.NewGuid():N}");
        var numbers = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            numbers.Add((await Desk.ATicket().RequestedBy(requester).About($"Request {i}")).Number);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }
        var network = await Desk.ATicket().RequestedBy(requester).InCategory(Desk.Network);
        var current = numbers[^1];

        var history = await Db.Get<WorkspaceQueries>().RequesterHistoryAsync(Desk.Dana, requester.UserId, exceptNumber: current);
        var asAdmin = await Db.Get<WorkspaceQueries>().RequesterHistoryAsync(Desk.Admin, requester.UserId, exceptNumber: current);
        var asRequester = await Db.Get<WorkspaceQueries>().RequesterHistoryAsync(requester, requester.UserId);

        Assert.Equal(11, history.Total);
        Assert.Equal(numbers[..^1].AsEnumerable().Reverse().Take(WorkspaceQueries.HistorySize), history.Items.Select(r => r.Number));
        Assert.Equal(12, asAdmin.Total);
        Assert.Equal(network.Number, asAdmin.Items[0].Number);
        Assert.Empty(asRequester.Items);
    }
}
