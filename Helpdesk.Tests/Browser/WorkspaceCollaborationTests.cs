using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

/// <summary>
/// The agent workspace in real Chromium. Two agents at once: Dana (Service desk) brings Omar
/// (Desktop support) in on a Service desk ticket by @mentioning him in an internal note; Omar,
/// who could not open the ticket before, now can. And the links: a follow-up ticket, a duplicate.
/// </summary>
public sealed class WorkspaceCollaborationTests(AppHost app, BrowserFixture browser) : IClassFixture<AppHost>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AMentionedColleagueFromAnotherTeamCanOpenTheTicket()
    {
        var alice = await app.CallerAsync("alice@example.test");
        var ticket = await app.FileRequestAsync(alice, "Docking station does not charge the laptop");
        var url = $"/tickets/{ticket.Number}";
        await using var dana = await browser.NewPersonAsync(app.BaseUrl);
        await using var omar = await browser.NewPersonAsync(app.BaseUrl);
        var page = dana.Page;

        await BrowserFixture.ScreenshotOnFailureAsync(page, nameof(AMentionedColleagueFromAnotherTeamCanOpenTheTicket), async () =>
        {
            // Omar works in Desktop support: a Service desk ticket is not his to see.
            await omar.SignInAsync("omar@helpdesk.test", returnUrl: url);
            await omar.GotoInteractiveAsync(url);
            await Expect(omar.Page.GetByText($"Ticket {TicketNumber.Format(ticket.Number)} was not found.")).ToBeVisibleAsync();

            await dana.SignInAsync("dana@helpdesk.test", returnUrl: url);
            await dana.GotoInteractiveAsync(url);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = ticket.Subject })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("collaborators")).ToContainTextAsync("Nobody follows this ticket yet");

            await page.Locator(".mud-toggle-item", new() { HasText = "Internal note" }).ClickAsync();
            var note = page.GetByLabel("Internal note (agents only)");
            await note.PressSequentiallyAsync("Could you check the docking station? @om");
            var suggestions = page.GetByTestId("mention-suggestions");
            await suggestions.GetByText("Omar Desktop").ClickAsync();
            await Expect(note).ToHaveValueAsync("Could you check the docking station? @Omar Desktop ");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();

            await Expect(Conversation(page).GetByText("Could you check the docking station? @Omar Desktop")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("collaborators")).ToContainTextAsync("Omar Desktop");
            await Expect(page.GetByTestId("collaborators")).ToContainTextAsync("Desktop support");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Remove Omar Desktop" })).ToBeVisibleAsync();

            // Omar opens the ticket now, and sees the note that brought him in.
            await omar.GotoInteractiveAsync(url);
            await Expect(omar.Page.GetByRole(AriaRole.Heading, new() { Name = ticket.Subject })).ToBeVisibleAsync();
            await Expect(Conversation(omar.Page).GetByText("Could you check the docking station? @Omar Desktop")).ToBeVisibleAsync();
            await Expect(omar.Page.GetByTestId("collaborators")).ToContainTextAsync("Omar Desktop");

            Assert.True(dana.Errors.Count == 0, "Dana's page reported errors:\n" + dana.Console);
            Assert.True(omar.Errors.Count == 0, "Omar's page reported errors:\n" + omar.Console);
            await BrowserFixture.ScreenshotAsync(page, "workspace-collaboration");
        });
    }

    [Fact]
    public async Task AnAgentCreatesAFollowUpAndMarksADuplicateFromTheWorkspace()
    {
        var alice = await app.CallerAsync("alice@example.test");
        var parent = await app.FileRequestAsync(alice, "Move the finance team to the 4th floor");
        var duplicate = await app.FileRequestAsync(alice, "Finance move: same request again");
        await using var dana = await browser.NewPersonAsync(app.BaseUrl);
        var page = dana.Page;

        await BrowserFixture.ScreenshotOnFailureAsync(page, nameof(AnAgentCreatesAFollowUpAndMarksADuplicateFromTheWorkspace), async () =>
        {
            await dana.SignInAsync("dana@helpdesk.test", returnUrl: $"/tickets/{parent.Number}");
            await dana.GotoInteractiveAsync($"/tickets/{parent.Number}");
            var links = page.GetByTestId("links");

            await links.GetByRole(AriaRole.Button, new() { Name = "Create follow-up ticket" }).ClickAsync();
            await links.GetByLabel("Subject").FillAsync("Order desks for the 4th floor");
            await links.GetByLabel("Description").FillAsync("Twelve desks, delivery before the move.");
            await BrowserFixture.ScreenshotAsync(page, "workspace-follow-up-form");
            await links.GetByRole(AriaRole.Button, new() { Name = "Create follow-up", Exact = true }).ClickAsync();
            var followUp = links.Locator("li", new() { HasText = "Order desks for the 4th floor" });
            await Expect(followUp).ToContainTextAsync("Follow-up");

            await dana.GotoInteractiveAsync($"/tickets/{duplicate.Number}");
            await page.GetByTestId("links").GetByRole(AriaRole.Button, new() { Name = "Mark as duplicate of…" }).ClickAsync();
            await page.GetByTestId("links").GetByLabel("Duplicate of ticket").FillAsync(TicketNumber.Format(parent.Number));
            await page.GetByTestId("links").GetByRole(AriaRole.Button, new() { Name = "Mark as duplicate", Exact = true }).ClickAsync();

            await Expect(page.Locator(".hd-ticket-head [data-status=Rejected]")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("rejection")).ToContainTextAsync($"Duplicate of {TicketNumber.Format(parent.Number)}");
            await Expect(page.GetByTestId("links").Locator("li")).ToContainTextAsync($"Duplicate of {TicketNumber.Format(parent.Number)}");
            Assert.True(dana.Errors.Count == 0, "Dana's page reported errors:\n" + dana.Console);
            await BrowserFixture.ScreenshotAsync(page, "workspace-duplicate");
        });
    }

    private static ILocator Conversation(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Conversation" });
}
