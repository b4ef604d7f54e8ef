using Helpdesk.Core.Data;
using Helpdesk.Core.Sla;
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
/// The wall display in real Chromium, opened with a key from configuration and no sign-in: a P1
/// created by a service call appears live; a wrong key gets "Not authorised"; the server stops (the
/// screen says since when its data is stale) and starts again on the same port and database, and
/// the page reloads by itself and shows a ticket created after the restart. Screenshots at
/// 1920x1080 and 1280x720 go to .test-results/screenshots.
/// </summary>
public sealed class WallDisplayTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Key = "wall-test-key-7c1e0b5f2a9d4e63";
    private static readonly LocatorAssertionsToBeVisibleOptions Live = new() { Timeout = 15_000 };
    private static readonly LocatorAssertionsToContainTextOptions LiveText = new() { Timeout = 15_000 };

    private static Task<AppHost> StartAsync() => AppHost.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Wall:Displays:0:Name"] = "Service desk wall",
        ["Wall:Displays:0:Key"] = Key,
        ["Wall:Displays:0:Teams:0"] = "Service desk",
        ["Wall:Displays:0:ShowSubjects"] = "true",
    });

    private static async Task<TicketRow> FileP1Async(AppHost app, string subject)
    {
        var alice = await app.CallerAsync("alice@example.test");
        await app.ServiceDeskIsManualAsync();
        return await app.Send(alice, new CreateTicket(new NewTicketData
        {
            RequesterId = alice.UserId, CategoryId = await app.CategoryAsync("Access"), Subject = subject,
            Description = "Nobody on the floor can sign in.", Impact = Impact.Organisation, Urgency = Urgency.BlocksWork,
        }));
    }

    /// <summary>
    /// Whatever the demo's SLA policies made of its tickets, give a few open Service desk tickets
    /// breached and at-risk targets, so the SLA tile surely has red and amber rows to show.
    /// </summary>
    private static async Task<IReadOnlyList<string>> SomeTicketsMissTheirTargetsAsync(AppHost app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        var team = await db.Teams.Where(t => t.Name == "Service desk").Select(t => t.Id).SingleAsync();
        var tickets = await db.Tickets.Where(t => t.IsOpen && t.TeamId == team && t.Status != TicketStatus.Pending)
            .OrderBy(t => t.Id).Take(4).ToListAsync();
        var now = DateTime.UtcNow;
        var minutes = new[] { -95, -12, 18, 47 };
        for (var i = 0; i < tickets.Count; i++)
            tickets[i].SetSla(null, now.AddMinutes(minutes[i]), now.AddMinutes(minutes[i]), minutes[i] < 0 ? SlaState.Breached : SlaState.AtRisk);
        await db.SaveChangesAsync();
        return [.. tickets.Select(t => TicketNumber.Format(t.Number))];
    }

    [Fact]
    public async Task AWallShowsANewP1LiveAndRecoversFromAServerRestartByItself()
    {
        await using var app = await StartAsync();
        await SomeTicketsMissTheirTargetsAsync(app);
        await using var tv = await browser.NewPersonAsync(app.BaseUrl, new() { ViewportSize = new() { Width = 1920, Height = 1080 } });
        var page = tv.Page;
        await BrowserFixture.ScreenshotOnFailureAsync(page, nameof(AWallShowsANewP1LiveAndRecoversFromAServerRestartByItself), async () =>
        {
            await tv.GotoInteractiveAsync("/wall?key=" + Key);
            var open = page.Locator("[data-value=open]");
            await Expect(open).ToBeVisibleAsync(Live);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Service desk wall" })).ToBeVisibleAsync();
            await Expect(page.Locator("[data-value=breached]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[1-9]\d* breached$"));
            await Expect(page.Locator(".wall-row-breached").First).ToContainTextAsync(" over");
            await Expect(page.Locator(".wall-row-atrisk").First).ToContainTextAsync(" left");
            var p1Before = int.Parse(await page.Locator("[data-priority=P1] b").InnerTextAsync());

            var p1 = await FileP1Async(app, "Badge readers down on floor 3");
            var banner = page.Locator(".wall-banner");
            await Expect(banner).ToContainTextAsync(p1.DisplayNumber, LiveText);
            await Expect(banner).ToContainTextAsync("Badge readers down on floor 3");
            await Expect(page.Locator("[data-priority=P1] b")).ToHaveTextAsync((p1Before + 1).ToString(), new() { Timeout = 15_000 });
            // Nobody took it: it is the newest waiting ticket, counted as unassigned.
            await Expect(page.Locator(".wall-clock")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\d\d:\d\d"));
            Assert.Empty(tv.Errors);
            await BrowserFixture.ScreenshotAsync(page, "wall-1920x1080");
            await page.SetViewportSizeAsync(1280, 720);
            await BrowserFixture.ScreenshotAsync(page, "wall-1280x720");
            await AssertNoScrollbarsAsync(page);
            await page.SetViewportSizeAsync(1920, 1080);
            await AssertNoScrollbarsAsync(page);

            // The server goes away: the figures are marked stale, with since when.
            await page.EvaluateAsync("() => window.wallBeforeRestart = true");
            await app.StopAsync();
            var badge = page.Locator("#components-reconnect-modal");
            await Expect(badge).ToBeVisibleAsync(Live);
            await Expect(badge).ToContainTextAsync("Reconnecting… data as of");
            await BrowserFixture.ScreenshotAsync(page, "wall-reconnecting-1920x1080");

            // It comes back on the same port and database: the page reloads itself (a new circuit) and is live again.
            await app.StartAgainAsync();
            await page.WaitForFunctionAsync("() => window.wallBeforeRestart === undefined && document.body.dataset.interactive === 'true'",
                null, new() { Timeout = 30_000, PollingInterval = 250 });
            await Expect(badge).ToBeHiddenAsync(new() { Timeout = 15_000 });
            var after = await FileP1Async(app, "Floor 4 printers offline");
            await Expect(page.Locator(".wall-banner")).ToContainTextAsync(after.DisplayNumber, LiveText);
        });
    }

    [Fact]
    public async Task AWrongKeyGetsAPlainNotAuthorisedPage()
    {
        await using var app = await StartAsync();
        await using var tv = await browser.NewPersonAsync(app.BaseUrl, new() { ViewportSize = new() { Width = 1280, Height = 720 } });
        var response = await tv.Page.GotoAsync("/wall/not-the-key");
        Assert.Equal(403, response!.Status);
        await Expect(tv.Page.GetByRole(AriaRole.Heading, new() { Name = "Not authorised" })).ToBeVisibleAsync();
        Assert.DoesNotContain("Service desk", await tv.Page.ContentAsync());
        var none = await tv.Page.GotoAsync("/wall");
        Assert.Equal(403, none!.Status);
    }

    private static async Task AssertNoScrollbarsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<bool>(
            "() => document.documentElement.scrollHeight > innerHeight + 1 || document.documentElement.scrollWidth > innerWidth + 1 " +
            "|| [...document.querySelectorAll('.wall-tile')].some(t => t.getBoundingClientRect().bottom > innerHeight || t.getBoundingClientRect().right > innerWidth)");
        Assert.False(overflow, "The wall overflows the screen.");
    }
}
