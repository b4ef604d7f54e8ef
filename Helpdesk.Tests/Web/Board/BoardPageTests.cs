using System.Security.Claims;
using Bunit;
using Helpdesk.Core.Events;
using Helpdesk.Core.People;
using Helpdesk.Core.Routing;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Helpdesk.Web.Features.Account;
using Helpdesk.Web.Features.Board;
using Helpdesk.Web.Realtime;
using Helpdesk.Web.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace Helpdesk.Tests.Web.Board;

/// <summary>The board page rendered by bunit over the real Core (temp SQLite) and the real live feed, as Ada (admin: the first team, Service desk).</summary>
public sealed class BoardPageTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Desk _desk = null!;
    private LiveFeed _live = null!;
    private AgentPresence _presence = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _desk = await Desk.CreateAsync(_db);
        _live = new LiveFeed(_db.Get<IEventStream>(), NullLogger<LiveFeed>.Instance);
        await _live.StartAsync(default);
        _presence = new AgentPresence(NullLogger<AgentPresence>.Instance);

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(_live);
        Services.AddSingleton(_presence);
        Services.AddLocalization();
        Services.AddSingleton(_db.Get<CallerDirectory>());
        Services.AddSingleton(_db.Get<BoardQueries>());
        Services.AddSingleton(_db.Get<CategoryQueries>());
        Services.AddSingleton(_db.Get<ITicketCommandHandler<AssignTicket>>());
        Services.AddScoped<CurrentCaller>();
        Services.AddHelpdeskStore(typeof(BoardState).Assembly);
        AddAuthorization().SetAuthorized("Ada Admin").SetRoles(Roles.Admin)
            .SetClaims(new Claim(ClaimTypes.NameIdentifier, _desk.Admin.UserId.ToString()));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _live.StopAsync(default);
        await DisposeAsync();
        await _db.DisposeAsync();
    }

    private IRenderedComponent<MudPopoverProvider> _popovers = null!;

    private IRenderedComponent<BoardPage> RenderBoard()
    {
        _popovers = Render<MudPopoverProvider>();
        var page = Render<BoardPage>();
        page.WaitForAssertion(() => Assert.False(Services.GetRequiredService<IState<BoardState>>().Value.Loading));
        return page;
    }

    private static string? ColumnOf(IRenderedComponent<BoardPage> page, int number) =>
        page.Find($"[data-card='{number}']").Closest("[data-column]")?.GetAttribute("data-column");

    [Fact]
    public async Task TheBoardShowsAColumnPerTeamMemberAndTheTeamsOpenTickets()
    {
        var waiting = await _desk.ATicket().About("Printer jams");
        var dana = await _desk.ATicket().About("VPN drops").AssignedTo(_desk.Dana);
        var otherTeam = await _desk.ATicket().InCategory(_desk.Network).About("Core switch down");
        var resolved = await _desk.ATicket().InStatus(TicketStatus.Resolved);

        var page = RenderBoard();

        Assert.Equal(["unassigned", _desk.Admin.UserId.ToString(), _desk.Dana.UserId.ToString(), _desk.Sam.UserId.ToString()],
            page.FindAll("[data-column]").Select(c => c.GetAttribute("data-column")));
        Assert.Equal("unassigned", ColumnOf(page, waiting.Number));
        Assert.Equal(_desk.Dana.UserId.ToString(), ColumnOf(page, dana.Number));
        Assert.Empty(page.FindAll($"[data-card='{otherTeam.Number}']"));
        Assert.Empty(page.FindAll($"[data-card='{resolved.Number}']"));
        Assert.Contains("Load 1", page.Find($"[data-agent-head='{_desk.Dana.UserId}']").TextContent);
        Assert.Contains("Offline", page.Find($"[data-agent-head='{_desk.Dana.UserId}']").TextContent);
    }

    [Fact]
    public async Task ACardMovesColumnsWhenSomeoneElseAssignsItAndTheHeadersFollow()
    {
        var ticket = await _desk.ATicket().About("Badge reader refuses my card").WithPriority(Impact.Organisation, Urgency.BlocksWork);
        var page = RenderBoard();
        Assert.Equal("unassigned", ColumnOf(page, ticket.Number));

        await _desk.HandleAsync(_desk.Sam, new AssignTicket(ticket.Number, _desk.Sam.UserId));
        _presence.Connected("circuit-1", _desk.Sam.UserId);

        page.WaitForAssertion(() =>
        {
            Assert.Equal(_desk.Sam.UserId.ToString(), ColumnOf(page, ticket.Number));
            var head = page.Find($"[data-agent-head='{_desk.Sam.UserId}']").TextContent;
            Assert.Contains("Load 5", head);
            Assert.Contains("Online", head);
        }, TimeSpan.FromSeconds(5));

        _presence.AvailabilityChanged(_desk.Sam.UserId, away: true);
        page.WaitForAssertion(() => Assert.Contains("Away", page.Find($"[data-agent-head='{_desk.Sam.UserId}']").TextContent), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task TheAssignMenuOffersTheTicketsTeamAndMovesTheCard()
    {
        var ticket = await _desk.ATicket().About("Cannot print");
        var page = RenderBoard();

        await page.Find($"[data-card='{ticket.Number}'] button[aria-label='Assign {TicketNumber.Format(ticket.Number)} to…']").ClickAsync(new());
        _popovers.WaitForAssertion(() => Assert.NotEmpty(_popovers.FindAll(".mud-menu-item")));
        var items = _popovers.FindAll(".mud-menu-item").Select(i => i.TextContent.Trim()).ToList();
        Assert.Equal(["Ada Admin (L3)", "Dana Agent (L1)", "Sam Agent (L1)"], items);
        await _popovers.FindAll(".mud-menu-item").Single(i => i.TextContent.Contains("Dana Agent")).ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(_desk.Dana.UserId.ToString(), ColumnOf(page, ticket.Number)), TimeSpan.FromSeconds(5));
        Assert.Equal(_desk.Dana.UserId, (await _desk.RowAsync(ticket.Number)).AssigneeId);
    }
}
