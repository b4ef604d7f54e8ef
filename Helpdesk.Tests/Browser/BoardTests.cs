using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Routing;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

/// <summary>
/// The team lead's board in real Chromium, with a second person watching: Lena (lead of Service
/// desk and Desktop support) drags a card to Dana, and Dana's open dashboard lists it under "My
/// tickets" without a reload; refused drops snap back with the reason; the "Assign to…" menu does
/// the same from the keyboard; an agent's availability shows on their column as they switch it.
/// </summary>
public sealed class BoardTests(AppHost app, BrowserFixture browser) : IClassFixture<AppHost>, IClassFixture<BrowserFixture>
{
    // Wide enough for all six columns of Lena's two teams, so a drag never has to scroll the board.
    private static BrowserNewContextOptions Wide => new() { ViewportSize = new() { Width = 1920, Height = 1000 } };

    /// <summary>New Service desk tickets stay unassigned whoever is online (the demo routes them round robin).</summary>
    private async Task<Caller> ServiceDeskIsManualAsync()
    {
        var admin = await app.CallerAsync("admin@helpdesk.test");
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        var team = await db.Teams.Where(t => t.Name == "Service desk").Select(t => t.Id).SingleAsync();
        Assert.True((await app.Services.GetRequiredService<RoutingSettings>().SetStrategyAsync(admin, team, AssignmentStrategy.Manual)).Succeeded);
        return admin;
    }

    private async Task<TicketRow> RowAsync(Caller admin, int number) =>
        (await app.Services.GetRequiredService<TicketQueries>().GetRowAsync(admin, number))!;

    private async Task<BoardScreen> OpenBoardAsync(BrowserPerson lead)
    {
        await lead.SignInAsync("lead@helpdesk.test", returnUrl: "/board");
        await lead.GotoInteractiveAsync("/board");
        var board = new BoardScreen(lead.Page);
        await Expect(board.Column(null)).ToBeVisibleAsync();
        return board;
    }

    [Fact]
    public async Task ALeadDragsACardToAnAgentAndTheAgentsDashboardShowsItWithoutReload()
    {
        var admin = await ServiceDeskIsManualAsync();
        var dana = await app.CallerAsync("dana@helpdesk.test");
        var ticket = await app.FileRequestAsync(await app.CallerAsync("alice@example.test"), "Docking station buzzes");
        await using var agent = await browser.NewPersonAsync(app.BaseUrl);
        await using var lead = await browser.NewPersonAsync(app.BaseUrl, Wide);

        await BrowserFixture.ScreenshotOnFailureAsync(lead.Page, nameof(ALeadDragsACardToAnAgentAndTheAgentsDashboardShowsItWithoutReload), async () =>
        {
            // Dana watches her own tickets.
            await agent.SignInAsync("dana@helpdesk.test");
            await agent.GotoInteractiveAsync("/");
            await agent.Page.Locator(".mud-toggle-item", new() { HasText = "My tickets" }).ClickAsync();
            var mine = agent.Page.Locator($"[data-ticket='{ticket.Number}']");
            await Expect(agent.Page.Locator(".mud-toggle-item-selected", new() { HasText = "My tickets" })).ToBeVisibleAsync();
            await Expect(mine).ToHaveCountAsync(0);
            await agent.Page.EvaluateAsync("() => window.__sameDocument = true");

            var board = await OpenBoardAsync(lead);
            await Expect(board.Column(null).Locator(board.CardSelector(ticket.Number))).ToBeVisibleAsync();
            await Expect(board.Header(dana.UserId)).ToContainTextAsync("Online");

            await board.Card(ticket.Number).DragToAsync(board.Zone(dana.UserId));

            await Expect(board.Column(dana.UserId).Locator(board.CardSelector(ticket.Number))).ToBeVisibleAsync();
            await Expect(mine).ToBeVisibleAsync();
            Assert.True(await agent.Page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "Dana's dashboard reloaded.");
            Assert.Equal(dana.UserId, (await RowAsync(admin, ticket.Number)).AssigneeId);
            Assert.True(lead.Errors.Count == 0, "The board reported errors:\n" + lead.Console);
            await BrowserFixture.ScreenshotAsync(lead.Page, "board");
        });
    }

    [Fact]
    public async Task ADropOnATicketSomeoneChangedMeanwhileSnapsBackWithWhoChangedWhat()
    {
        var admin = await ServiceDeskIsManualAsync();
        var dana = await app.CallerAsync("dana@helpdesk.test");
        var sam = await app.CallerAsync("sam@helpdesk.test");
        var ticket = await app.FileRequestAsync(await app.CallerAsync("alice@example.test"), "Headset crackles");
        await using var lead = await browser.NewPersonAsync(app.BaseUrl, Wide);

        await BrowserFixture.ScreenshotOnFailureAsync(lead.Page, nameof(ADropOnATicketSomeoneChangedMeanwhileSnapsBackWithWhoChangedWhat), async () =>
        {
            var board = await OpenBoardAsync(lead);
            var page = lead.Page;
            await board.Card(ticket.Number).ScrollIntoViewIfNeededAsync();
            await board.Card(ticket.Number).HoverAsync();
            await page.Mouse.DownAsync();
            var target = (await board.Zone(dana.UserId).BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(target.X + target.Width / 2, target.Y + 60, new() { Steps = 8 });

            // While the card is in the air, Sam opens the ticket: Lena's board hears of it.
            await app.Send(sam, new ChangeStatus(ticket.Number, TicketStatus.Open));
            await Expect(board.Card(ticket.Number).Locator("[data-status=Open]")).ToBeVisibleAsync();
            await page.Mouse.MoveAsync(target.X + target.Width / 2, target.Y + 70);
            await page.Mouse.UpAsync();

            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"{TicketNumber.Format(ticket.Number)} stays where it was");
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("changed by Sam Agent");
            await Expect(board.Column(null).Locator(board.CardSelector(ticket.Number))).ToBeVisibleAsync();
            Assert.Null((await RowAsync(admin, ticket.Number)).AssigneeId);
        });
    }

    [Fact]
    public async Task ADropOnAnAgentOutsideTheTicketsTeamSnapsBackWithTheReason()
    {
        var admin = await ServiceDeskIsManualAsync();
        var omar = await app.CallerAsync("omar@helpdesk.test");
        var ticket = await app.FileRequestAsync(await app.CallerAsync("alice@example.test"), "Cannot open the payroll share");
        await using var lead = await browser.NewPersonAsync(app.BaseUrl, Wide);

        await BrowserFixture.ScreenshotOnFailureAsync(lead.Page, nameof(ADropOnAnAgentOutsideTheTicketsTeamSnapsBackWithTheReason), async () =>
        {
            var board = await OpenBoardAsync(lead);
            await Expect(board.Header(omar.UserId)).ToContainTextAsync("Desktop support");

            await board.Card(ticket.Number).DragToAsync(board.Zone(omar.UserId));

            await Expect(lead.Page.Locator(".mud-snackbar")).ToContainTextAsync("Only an active member of Service desk can be assigned this ticket.");
            await Expect(board.Column(null).Locator(board.CardSelector(ticket.Number))).ToBeVisibleAsync();
            await Expect(board.Column(omar.UserId).Locator(board.CardSelector(ticket.Number))).ToHaveCountAsync(0);
            Assert.Null((await RowAsync(admin, ticket.Number)).AssigneeId);
            await BrowserFixture.ScreenshotAsync(lead.Page, "board-refused-drop");
        });
    }

    [Fact]
    public async Task TheAssignToMenuWorksFromTheKeyboard()
    {
        var admin = await ServiceDeskIsManualAsync();
        var sam = await app.CallerAsync("sam@helpdesk.test");
        var ticket = await app.FileRequestAsync(await app.CallerAsync("alice@example.test"), "Second screen stays black");
        await using var lead = await browser.NewPersonAsync(app.BaseUrl, Wide);

        await BrowserFixture.ScreenshotOnFailureAsync(lead.Page, nameof(TheAssignToMenuWorksFromTheKeyboard), async () =>
        {
            var board = await OpenBoardAsync(lead);
            var page = lead.Page;
            var button = page.GetByRole(AriaRole.Button, new() { Name = $"Assign {TicketNumber.Format(ticket.Number)} to…" });
            await button.FocusAsync();
            await page.Keyboard.PressAsync("Enter");

            // The ticket's own team, by name; Omar (Desktop support only) is not offered.
            string[] offered = ["Ada Admin (L3)", "Dana Agent (L1)", "Lena Lead (L2)", "Sam Agent (L1)"];
            await Expect(page.GetByRole(AriaRole.Menuitem)).ToHaveTextAsync(offered);
            await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = offered[0] })).ToBeFocusedAsync();
            foreach (var next in offered.Skip(1))
            {
                await page.Keyboard.PressAsync("ArrowDown");
                await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = next })).ToBeFocusedAsync();
            }
            await page.Keyboard.PressAsync("Enter");

            await Expect(board.Column(sam.UserId).Locator(board.CardSelector(ticket.Number))).ToBeVisibleAsync();
            Assert.Equal(sam.UserId, (await RowAsync(admin, ticket.Number)).AssigneeId);
        });
    }

    [Fact]
    public async Task AnAgentsColumnShowsTheirAvailabilityAsTheySwitchIt()
    {
        await ServiceDeskIsManualAsync();
        var sam = await app.CallerAsync("sam@helpdesk.test");
        await using var agent = await browser.NewPersonAsync(app.BaseUrl);
        await using var lead = await browser.NewPersonAsync(app.BaseUrl, Wide);

        await BrowserFixture.ScreenshotOnFailureAsync(lead.Page, nameof(AnAgentsColumnShowsTheirAvailabilityAsTheySwitchIt), async () =>
        {
            var board = await OpenBoardAsync(lead);
            await Expect(board.Header(sam.UserId)).ToContainTextAsync("Offline");

            await agent.SignInAsync("sam@helpdesk.test");
            await agent.GotoInteractiveAsync("/");
            await Expect(board.Header(sam.UserId)).ToContainTextAsync("Online");

            var availability = agent.Page.GetByRole(AriaRole.Switch, new() { Name = "Available" });
            await availability.ClickAsync();
            await Expect(agent.Page.GetByRole(AriaRole.Switch, new() { Name = "Away" })).ToBeVisibleAsync();
            await Expect(board.Header(sam.UserId)).ToContainTextAsync("Away");

            await agent.Page.GetByRole(AriaRole.Switch, new() { Name = "Away" }).ClickAsync();
            await Expect(board.Header(sam.UserId)).ToContainTextAsync("Online");
            await agent.Context.CloseAsync();
            await Expect(board.Header(sam.UserId)).ToContainTextAsync("Offline");
        });
    }

    /// <summary>The board as a lead sees it: columns by agent id ("unassigned" for the team queue), cards by ticket number.</summary>
    private sealed class BoardScreen(IPage page)
    {
        public ILocator Column(int? agentId) => page.Locator($"[data-column='{(agentId is { } id ? id.ToString() : "unassigned")}']");
        public ILocator Zone(int? agentId) => Column(agentId).Locator(".mud-drop-zone");
        public ILocator Header(int agentId) => page.Locator($"[data-agent-head='{agentId}']");
        public string CardSelector(int number) => $"[data-card='{number}']";
        public ILocator Card(int number) => page.Locator(CardSelector(number));
    }
}
