using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Tickets.Commands;

/// <summary>Each test has its own database: archiving sweeps every old closed ticket there is.</summary>
public sealed class ArchiveClosedTicketsTests : IAsyncLifetime
{
    private readonly DeskFixture _desk = new();

    public Task InitializeAsync() => _desk.InitializeAsync();

    public Task DisposeAsync() => _desk.DisposeAsync();

    private int ArchiveAfterDays => _desk.Db.Get<TicketRules>().ArchiveClosedAfterDays;

    private Task<int> ArchiveAsync() => _desk.Db.Get<ArchiveClosedTickets>().RunAsync();

    [Fact]
    public async Task OnlyClosedTicketsOlderThanTheLimitAreArchived()
    {
        var desk = _desk.Desk;
        var oldClosed = await desk.ATicket().About("Toner for the 2nd floor").InStatus(TicketStatus.Closed);
        var oldResolved = await desk.ATicket().InStatus(TicketStatus.Resolved);
        var oldRejected = await desk.ATicket().InStatus(TicketStatus.Rejected);
        var oldOpen = await desk.ATicket().InStatus(TicketStatus.Pending);
        _desk.Clock.Advance(TimeSpan.FromDays(30));
        var recentClosed = await desk.ATicket().InStatus(TicketStatus.Closed);
        _desk.Clock.Advance(TimeSpan.FromDays(ArchiveAfterDays - 30) + TimeSpan.FromMinutes(1));
        var before = await CountsAsync();

        var archived = await ArchiveAsync();

        Assert.Equal(1, archived);
        Assert.True((await desk.RowAsync(oldClosed.Number)).IsArchived);
        foreach (var kept in new[] { oldResolved, oldRejected, oldOpen, recentClosed })
            Assert.False((await desk.RowAsync(kept.Number)).IsArchived);
        Assert.Equal(before with { Audit = before.Audit + 1, Events = before.Events + 1 }, await CountsAsync());
    }

    [Fact]
    public async Task ArchivingIsAuditedAsTheSystemAndPublished()
    {
        var ticket = await _desk.Desk.ATicket().InStatus(TicketStatus.Closed);
        _desk.Clock.Advance(TimeSpan.FromDays(ArchiveAfterDays + 1));
        using var probe = EventProbe.For(_desk.Db.Get<IEventStream>(), TicketEventKind.Archived);

        await ArchiveAsync();

        var published = await probe.Published;
        Assert.Equal((ticket.Id, (int?)null, false, true, ticket.Version + 1),
            (published.Row.Id, published.ActorId, published.IsInternal, published.Row.IsArchived, published.Row.Version));
        await using var db = _desk.Db.CreateDbContext();
        var audit = await db.Audit.Where(a => a.TicketId == ticket.Id).OrderBy(a => a.Id).LastAsync();
        Assert.Equal(("ArchiveTicket", "IsArchived", "False", "True", (int?)null, published.At),
            (audit.Command, audit.Field, audit.OldValue, audit.NewValue, audit.ActorId, audit.At));
        var record = await db.Events.SingleAsync(e => e.Id == published.Sequence);
        Assert.Equal((TicketEventKind.Archived, ticket.Id), (record.Kind, record.TicketId));
    }

    [Fact]
    public async Task ArchivedTicketsStillAppearInSearchesOfAllTickets()
    {
        var desk = _desk.Desk;
        var ticket = await desk.ATicket().RequestedBy(desk.Alice).About("Toner for the 2nd floor").InStatus(TicketStatus.Closed);
        _desk.Clock.Advance(TimeSpan.FromDays(ArchiveAfterDays + 1));
        await ArchiveAsync();
        var queries = _desk.Db.Get<TicketQueries>();

        var bySubject = await queries.ListAsync(desk.Admin, new QueueQuery { View = QueueView.All, Search = "toner" });
        var byNumber = await queries.ListAsync(desk.Dana, new QueueQuery { View = QueueView.All, Search = ticket.DisplayNumber });
        var requesters = await queries.ListAsync(desk.Alice, new QueueQuery { View = QueueView.MyRequests });
        var open = await queries.ListAsync(desk.Admin, new QueueQuery { View = QueueView.AllOpen });

        Assert.True(Assert.Single(bySubject.Items).IsArchived);
        Assert.Equal(ticket.Id, Assert.Single(byNumber.Items).Id);
        Assert.Contains(requesters.Items, r => r.Id == ticket.Id);
        Assert.DoesNotContain(open.Items, r => r.Id == ticket.Id);
        Assert.NotNull(await _desk.Db.Get<TicketDetailsQuery>().GetAsync(desk.Alice, ticket.Number));
    }

    [Fact]
    public async Task ArchivingDeletesNothingAndASecondRunFindsNothingMore()
    {
        var ticket = await _desk.Desk.ATicket().InStatus(TicketStatus.Closed);
        await _desk.Desk.HandleAsync(_desk.Desk.Dana, new AddComment(ticket.Number, "Closing note."));
        _desk.Clock.Advance(TimeSpan.FromDays(ArchiveAfterDays + 1));
        await ArchiveAsync();
        var afterFirst = await CountsAsync();

        var second = await ArchiveAsync();

        Assert.Equal(0, second);
        Assert.Equal(afterFirst, await CountsAsync());
        Assert.Equal((1, 1), (afterFirst.Tickets, afterFirst.Comments));
    }

    [Fact]
    public async Task AnArchivedTicketCanNoLongerChange()
    {
        var ticket = await _desk.Desk.ATicket().InStatus(TicketStatus.Closed);
        _desk.Clock.Advance(TimeSpan.FromDays(ArchiveAfterDays + 1));
        await ArchiveAsync();

        var result = await _desk.Desk.HandleAsync(_desk.Desk.Admin, new ChangeStatus(ticket.Number, TicketStatus.Reopened));

        Assert.Equal(ErrorKind.Validation, result.Error?.Kind);
        Assert.Contains(ticket.DisplayNumber, Assert.Single(result.Error!.Fields["Status"]));
    }

    private async Task<Counts> CountsAsync()
    {
        await using var db = _desk.Db.CreateDbContext();
        return new Counts(await db.Tickets.CountAsync(), await db.Comments.CountAsync(), await db.Links.CountAsync(),
            await db.Audit.CountAsync(), await db.Events.CountAsync());
    }

    private sealed record Counts(int Tickets, int Comments, int Links, int Audit, int Events);
}
