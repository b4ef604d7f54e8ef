using Helpdesk.Core.Data.DemoData;
using Helpdesk.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

/// <summary>Smoke test in real Chromium against the real app on a real port.</summary>
public sealed class HomePageBrowserTests(AppHost app, BrowserFixture browser) : IClassFixture<AppHost>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Home_page_lists_the_demo_tickets_and_becomes_interactive()
    {
        await using var person = await browser.NewPersonAsync(app.BaseUrl);
        var page = person.Page;

        await BrowserFixture.ScreenshotOnFailureAsync(page, nameof(Home_page_lists_the_demo_tickets_and_becomes_interactive), async () =>
        {
            await person.SignInAsync(DemoAccounts.Staff[0].Email); // Ada, the admin: sees every open ticket
            await person.GotoInteractiveAsync("/");

            var ticketRows = page.GetByRole(AriaRole.Row).Filter(new() { HasTextRegex = new(@"HD-\d+") });
            await Expect(ticketRows.First).ToBeVisibleAsync();
            Assert.InRange(await ticketRows.CountAsync(), 1, 50);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
            Assert.True(person.Errors.Count == 0, "The page reported errors:\n" + person.Console);
            await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();

            await BrowserFixture.ScreenshotAsync(page, "home");
        });
    }
}
