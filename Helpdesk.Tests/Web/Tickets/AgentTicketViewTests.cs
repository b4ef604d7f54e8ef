using Bunit;
using Helpdesk.Core.Application;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Helpdesk.Web.Features.Tickets;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Helpdesk.Tests.Web.Tickets;

/// <summary>
/// The agent workspace rendered by bunit from a hand-made <see cref="TicketDetails"/>: commands go to
/// recording fakes, pickers and history read a real temporary database.
/// </summary>
public sealed class AgentTicketViewTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Desk _desk = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _desk = await Desk.CreateAsync(_db);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(typeof(ITicketCommandHandler<>), typeof(RecordingHandler<>));
        Services.AddFallbackServiceProvider(_db.Services);
        Render<MudPopoverProvider>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _db.DisposeAsync();
    }

    private RecordingHandler<T> Handler<T>() => (RecordingHandler<T>)Services.GetRequiredService<ITicketCommandHandler<T>>();

    private IRenderedComponent<AgentTicketView> RenderView(TicketDetails details) =>
        Render<AgentTicketView>(p => p.Add(v => v.Details, details).Add(v => v.Caller, _desk.Dana));

    private TicketDetails ATicket(TicketStatus status, IReadOnlyList<LinkEntry>? links = null, IReadOnlyList<CollaboratorEntry>? collaborators = null)
    {
        var row = new TicketRow
        {
            Id = 1, Number = 1042, Subject = "Printer on the 3rd floor jams", RequesterId = _desk.Alice.UserId, RequesterName = "Alice Martin",
            CategoryId = _desk.General, CategoryName = "General", Status = status, Priority = Priority.P4, Tier = Tier.L1,
            TeamId = _desk.ServiceDesk, TeamName = "Service desk", AssigneeId = _desk.Dana.UserId, AssigneeName = "Dana Agent",
            CreatedAt = DateTime.UtcNow.AddDays(-2), UpdatedAt = DateTime.UtcNow.AddHours(-1), IsOpen = status.IsOpen(), Version = 4,
            CollaboratorIds = [.. (collaborators ?? []).Select(c => c.UserId)],
        };
        return new TicketDetails(row, "Every second page jams in tray 2.", new SystemDetails(), Impact.Individual, Urgency.Soon,
            null, status is TicketStatus.Resolved ? "Replaced the fuser unit." : null, null, null, null, "alice.martin@example.test", "Paris",
            new Dictionary<string, string>(), [], links ?? [], [], TicketTransitions.From(status), [new StatusStep(row.CreatedAt, TicketStatus.New)])
        {
            Collaborators = collaborators ?? [],
        };
    }

    [Fact]
    public void AResolvedTicketOffersOnlyClosingAndReopening()
    {
        var view = RenderView(ATicket(TicketStatus.Resolved));

        var offered = view.FindAll("[data-status-action]").Select(b => b.GetAttribute("data-status-action")).ToList();
        Assert.Equal(["Closed", "Reopened"], offered);
        Assert.Equal(["Close", "Reopen"], view.FindAll("[data-status-action]").Select(b => b.TextContent.Trim()));
        // Nor can a resolved ticket be taken or escalated.
        Assert.DoesNotContain("Take it", view.Markup);
        Assert.DoesNotContain("Escalate", view.Markup);
    }

    [Fact]
    public void ClickingAnAllowedTransitionSendsItWithTheVersionOnScreen()
    {
        var view = RenderView(ATicket(TicketStatus.Resolved));

        view.Find("[data-status-action=Closed]").Click();

        var (_, sent) = Assert.Single(Handler<ChangeStatus>().Received);
        Assert.Equal(new ChangeStatus(1042, TicketStatus.Closed, ExpectedVersion: 4), sent);
    }

    [Fact]
    public void LinksReadInWordsInBothDirections()
    {
        var view = RenderView(ATicket(TicketStatus.Open, links:
        [
            new LinkEntry(LinkKind.ParentOf, true, 1050, "Order a fuser unit", TicketStatus.New),
            new LinkEntry(LinkKind.ParentOf, false, 1001, "Move the finance team", TicketStatus.InProgress),
            new LinkEntry(LinkKind.DuplicateOf, true, 1003, "Printer jams", TicketStatus.Open),
            new LinkEntry(LinkKind.Related, false, 1004, "Toner low", TicketStatus.Closed),
        ]));

        var items = view.Find("[data-testid=links]").QuerySelectorAll("li")
            .Select(li => (li.QuerySelector(".hd-link-kind")!.TextContent, li.QuerySelector("a")!.TextContent)).ToList();
        Assert.Equal([("Follow-up of", "HD-1001"), ("Follow-up", "HD-1050"), ("Related", "HD-1004"), ("Duplicate of", "HD-1003")], items);
    }

    [Fact]
    public void ACollaboratorCanBeRemovedFromThePanel()
    {
        var view = RenderView(ATicket(TicketStatus.Open, collaborators:
            [new CollaboratorEntry(_desk.Ines.UserId, "Ines Infra", "Infrastructure", "Dana Agent", DateTime.UtcNow)]));
        Assert.Contains("Infrastructure", view.Find("[data-testid=collaborators]").TextContent);

        view.Find("[aria-label='Remove Ines Infra']").Click();

        var (caller, sent) = Assert.Single(Handler<RemoveCollaborator>().Received);
        Assert.Equal((_desk.Dana, new RemoveCollaborator(1042, _desk.Ines.UserId)), (caller, sent));
    }

    [Fact]
    public async Task TheColleaguePickerOffersActiveStaffNotAlreadyFollowing()
    {
        var view = RenderView(ATicket(TicketStatus.Open, collaborators:
            [new CollaboratorEntry(_desk.Sam.UserId, "Sam Agent", "Service desk", "Dana Agent", DateTime.UtcNow)]));
        var picker = view.FindComponent<MudAutocomplete<ColleagueOption>>();

        var offered = await view.InvokeAsync(() => picker.Instance.SearchFunc!("", CancellationToken.None)!);

        Assert.Equal(["Ada Admin", "Ines Infra"], offered!.Select(c => c.DisplayName));
    }

    [Fact]
    public void TypingAtInAnInternalNoteOffersColleaguesToMention()
    {
        var view = RenderView(ATicket(TicketStatus.Open));
        view.FindAll(".mud-toggle-item").Single(b => b.TextContent.Contains("Internal note")).Click();

        view.Find("textarea").Input("Switch on floor 3? @in");

        view.WaitForAssertion(() => Assert.Equal(["Ines Infra"], view.FindAll("[data-testid=mention-suggestions] .mud-chip").Select(c => c.TextContent.Trim())));
        view.Find("[data-testid=mention-suggestions] .mud-chip").Click();
        view.WaitForAssertion(() => Assert.Equal("Switch on floor 3? @Ines Infra ", view.Find("textarea").GetAttribute("value") ?? view.Find("textarea").TextContent));
        Assert.Empty(view.FindAll("[data-testid=mention-suggestions]"));
    }

    [Fact]
    public async Task TheRequestersEarlierTicketsAreListedNewestFirst()
    {
        var first = await _desk.ATicket().RequestedBy(_desk.Alice).About("Keyboard missing keys");
        var second = await _desk.ATicket().RequestedBy(_desk.Alice).About("Mouse double-clicks").InStatus(TicketStatus.Resolved);

        var view = RenderView(ATicket(TicketStatus.Open));

        view.WaitForAssertion(() =>
        {
            var history = view.Find("[data-testid=requester-history]");
            Assert.Equal([second.DisplayNumber, first.DisplayNumber], history.QuerySelectorAll("li a").Select(a => a.TextContent));
            Assert.Contains("Earlier requests from Alice Martin", history.TextContent);
        });
    }
}
