using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

/// <summary>The bell in real Chromium: the unread count follows a new notification live, the list links to the ticket, read marks stick.</summary>
public sealed class NotificationBellTests(AppHost app, BrowserFixture browser) : IClassFixture<AppHost>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheBellCountsANewAssignmentLiveAndOpensTheTicket()
    {
        await using var agent = await browser.NewPersonAsync(app.BaseUrl);
        var page = agent.Page;
        await BrowserFixture.ScreenshotOnFailureAsync(page, nameof(TheBellCountsANewAssignmentLiveAndOpensTheTicket), async () =>
        {
            await app.ServiceDeskIsManualAsync();
            await agent.SignInAsync("sam@helpdesk.test");
            await agent.GotoInteractiveAsync("/");
            var bell = page.GetByTestId("bell");
            await Expect(bell).ToBeVisibleAsync();
            var before = int.Parse(await bell.GetAttributeAsync("data-unread") ?? "0");

            // A lead hands Sam a ticket while his page is open.
            var alice = await app.CallerAsync("alice@example.test");
            var lead = await app.CallerAsync("lead@helpdesk.test");
            var ticket = await app.FileRequestAsync(alice, "Docking station not charging");
            await app.Send(lead, new AssignTicket(ticket.Number, (await app.CallerAsync("sam@helpdesk.test")).UserId));

            await Expect(bell).ToHaveAttributeAsync("data-unread", (before + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
            var button = page.GetByRole(AriaRole.Button, new() { Name = $"Notifications: {before + 1} unread" });
            await Expect(button).ToBeVisibleAsync();

            await button.ClickAsync();
            var item = page.GetByRole(AriaRole.Menuitem, new() { Name = $"Lena Lead assigned HD-{ticket.Number} to you" });
            await Expect(item).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, "notification-bell-open");
            await item.ClickAsync();
            await page.WaitForURLAsync($"**/tickets/{ticket.Number}");
            await Expect(bell).ToHaveAttributeAsync("data-unread", before.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
        });
    }
}
