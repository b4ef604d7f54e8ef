using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Web.SeveralServers;

/// <summary>
/// An agent's dashboard in real Chromium on server B follows changes committed through server A
/// (two servers, one PostgreSQL, a Redis backplane) without a reload and without losing the view
/// the agent chose.
/// </summary>
public sealed class DashboardAcrossServersTests(BrowserFixture browser) : TwoServersTest, IClassFixture<BrowserFixture>
{

    [Fact]
    public async Task ATicketFiledOnServerAAppearsOnADashboardOnServerBInTheViewTheAgentChose()
    {
        var (a, b) = (A, B);
        var alice = await a.CallerAsync("alice@example.test");
        var dana = await a.CallerAsync("dana@helpdesk.test");
        var taken = await a.FileRequestAsync(alice, "Already taken by Dana");
        await a.Send(dana, new AssignTicket(taken.Number, dana.UserId));
        await using var sam = await browser.NewPersonAsync(b.BaseUrl);
        await sam.SignInAsync("sam@helpdesk.test");
        await sam.GotoInteractiveAsync("/");
        var page = sam.Page;
        var total = page.GetByTestId("queue-total");
        ILocator Row(int number) => page.Locator("tr").Filter(new() { Has = page.Locator($"[data-ticket='{number}']") });

        await BrowserFixture.ScreenshotOnFailureAsync(page, nameof(ATicketFiledOnServerAAppearsOnADashboardOnServerBInTheViewTheAgentChose), async () =>
        {
            // Sam narrows the dashboard to what nobody has taken yet.
            await page.GetByText("Unassigned in my teams", new() { Exact = true }).ClickAsync();
            await Expect(Row(taken.Number)).ToHaveCountAsync(0);
            await Expect(page.GetByLabel("Loading")).ToHaveCountAsync(0);
            var before = Count(await total.InnerTextAsync());
            Assert.Equal(before, await page.Locator("tr [data-ticket]").CountAsync());
            await page.EvaluateAsync("() => window.__sameDocument = true");

            var filed = await a.FileRequestAsync(alice, "Scanner on floor 2 is offline");

            await Expect(Row(filed.Number)).ToContainTextAsync("Scanner on floor 2 is offline");
            await Expect(total).ToHaveTextAsync($"{before + 1} tickets");

            // Taken on A: it leaves Sam's unassigned view on B, which stays the view he chose.
            await a.Send(dana, new AssignTicket(filed.Number, dana.UserId));
            await Expect(Row(filed.Number)).ToHaveCountAsync(0);
            await Expect(total).ToHaveTextAsync($"{before} tickets");
            await Expect(Row(taken.Number)).ToHaveCountAsync(0);
            Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "Sam's dashboard reloaded.");
            await BrowserFixture.ScreenshotAsync(page, "dashboard-across-servers");
        });
    }

    [Fact]
    public async Task AColleagueOnServerAIsSeenViewingAndReplyingOnServerBAndLeavesWithTheirTab()
    {
        var (a, b) = (A, B);
        var alice = await a.CallerAsync("alice@example.test");
        var ticket = await a.FileRequestAsync(alice, "Monitor flickers after lunch");
        await using var dana = await browser.NewPersonAsync(b.BaseUrl);
        await dana.SignInAsync("dana@helpdesk.test", returnUrl: $"/tickets/{ticket.Number}");
        await dana.GotoInteractiveAsync($"/tickets/{ticket.Number}");
        var page = dana.Page;

        await BrowserFixture.ScreenshotOnFailureAsync(page, nameof(AColleagueOnServerAIsSeenViewingAndReplyingOnServerBAndLeavesWithTheirTab), async () =>
        {
            // Dana has half a reply typed on B; nothing that follows may lose it.
            await page.GetByLabel("Your reply").FillAsync("Could you try another cable?");
            var sam = await browser.NewPersonAsync(a.BaseUrl);
            await sam.SignInAsync("sam@helpdesk.test", returnUrl: $"/tickets/{ticket.Number}");
            await sam.GotoInteractiveAsync($"/tickets/{ticket.Number}");

            await Expect(page.GetByText("Sam Agent is viewing")).ToBeVisibleAsync();
            await sam.Page.GetByLabel("Your reply").PressSequentiallyAsync("On my way");
            await Expect(page.GetByText("Sam Agent is replying…")).ToBeVisibleAsync();
            await Expect(sam.Page.GetByText("Dana Agent is replying…")).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, "presence-across-servers");

            await sam.DisposeAsync(); // Sam closes his browser on A
            await Expect(page.GetByText("Sam Agent is replying…")).ToHaveCountAsync(0);
            await Expect(page.GetByText("Sam Agent is viewing")).ToHaveCountAsync(0);
            await Expect(page.GetByLabel("Your reply")).ToHaveValueAsync("Could you try another cable?");
        });
    }

    [Fact]
    public async Task APersonDeactivatedOnServerAStopsSeeingNewTicketsOnTheirOpenDashboardOnServerB()
    {
        var (a, b) = (A, B);
        var alice = await a.CallerAsync("alice@example.test");
        var admin = await a.CallerAsync("admin@helpdesk.test");
        var dana = await a.CallerAsync("dana@helpdesk.test");
        await using var danaBrowser = await browser.NewPersonAsync(b.BaseUrl);
        await danaBrowser.SignInAsync("dana@helpdesk.test");
        await danaBrowser.GotoInteractiveAsync("/");
        await using var samBrowser = await browser.NewPersonAsync(b.BaseUrl);
        await samBrowser.SignInAsync("sam@helpdesk.test");
        await samBrowser.GotoInteractiveAsync("/");
        static ILocator Row(IPage page, int number) => page.Locator("tr").Filter(new() { Has = page.Locator($"[data-ticket='{number}']") });

        await BrowserFixture.ScreenshotOnFailureAsync(danaBrowser.Page, nameof(APersonDeactivatedOnServerAStopsSeeingNewTicketsOnTheirOpenDashboardOnServerB), async () =>
        {
            var before = await a.FileRequestAsync(alice, "Filed while Dana still works here");
            await Expect(Row(danaBrowser.Page, before.Number)).ToHaveCountAsync(1);

            var result = await a.Services.GetRequiredService<Helpdesk.Core.Admin.PeopleAdmin>().SetActiveAsync(admin, dana.UserId, active: false);
            Assert.True(result.Succeeded, result.Error?.Message);
            var after = await a.FileRequestAsync(alice, "Filed after Dana left");
            var later = await a.FileRequestAsync(alice, "Filed later still");

            // Sam, on the same server, gets both; by then Dana's screen would have had them too.
            await Expect(Row(samBrowser.Page, after.Number)).ToHaveCountAsync(1);
            await Expect(Row(samBrowser.Page, later.Number)).ToHaveCountAsync(1);
            await Expect(Row(danaBrowser.Page, after.Number)).ToHaveCountAsync(0);
            await Expect(Row(danaBrowser.Page, later.Number)).ToHaveCountAsync(0);
        });
    }

    private static int Count(string text) => int.Parse(text.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
}
