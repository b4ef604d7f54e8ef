using System.Text.RegularExpressions;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

/// <summary>
/// Issue 4's story in real Chromium, two people at once: a requester registers and submits a
/// request; an agent opens it, starts work and replies; the requester's open page shows the new
/// status, who handles it and the reply without a reload.
/// </summary>
public sealed class RequesterFollowsTicketLiveTests(AppHost app, BrowserFixture browser) : IClassFixture<AppHost>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheRequestersPageShowsTheAgentsWorkLiveWithoutReload()
    {
        await app.ServiceDeskIsManualAsync();
        await using var requester = await browser.NewPersonAsync(app.BaseUrl);
        await using var agent = await browser.NewPersonAsync(app.BaseUrl);
        var mine = requester.Page;

        await BrowserFixture.ScreenshotOnFailureAsync(mine, nameof(TheRequestersPageShowsTheAgentsWorkLiveWithoutReload), async () =>
        {
            // Register (a static form), then the live portal.
            await mine.GotoAsync("/account/register");
            await mine.GetByLabel("Your name").FillAsync("Nora Newcomer");
            await mine.GetByLabel("E-mail").FillAsync("nora@example.test");
            await mine.GetByLabel("Department").FillAsync("Finance");
            await mine.GetByLabel("Password (at least").FillAsync("Correct-Horse-7");
            await mine.GetByLabel("Repeat the password").FillAsync("Correct-Horse-7");
            await mine.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
            await mine.WaitForURLAsync("**/requests");

            await requester.GotoInteractiveAsync("/requests/new");
            await mine.GetByRole(AriaRole.Combobox, new() { Name = "What is it about?" }).ClickAsync();
            await mine.GetByRole(AriaRole.Option, new() { Name = "Access", Exact = true }).ClickAsync();
            await mine.GetByLabel("Subject").FillAsync("Cannot open the payroll folder");
            await mine.GetByLabel("Description").FillAsync("Access denied on \\\\files\\payroll since this morning.");
            await mine.GetByText("Blocks my work", new() { Exact = true }).ClickAsync();
            await mine.GetByRole(AriaRole.Button, new() { Name = "Submit request" }).ClickAsync();
            await mine.WaitForURLAsync(new Regex(@"/tickets/\d+$"));
            var number = int.Parse(Regex.Match(mine.Url, @"/tickets/(\d+)$").Groups[1].Value);
            await Expect(mine.GetByRole(AriaRole.Heading, new() { Name = "Cannot open the payroll folder" })).ToBeVisibleAsync();
            await Expect(mine.GetByTestId("handled-by")).ToContainTextAsync("Waiting for an agent");
            await mine.EvaluateAsync("() => window.__sameDocument = true");

            // The agent opens it: the requester sees someone is on it.
            await agent.SignInAsync("dana@helpdesk.test", returnUrl: $"/tickets/{number}");
            await agent.GotoInteractiveAsync($"/tickets/{number}");
            await Expect(mine.GetByText("Dana Agent is working on this")).ToBeVisibleAsync();

            await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Take it" }).ClickAsync();
            await Expect(agent.Page.GetByTestId("assignee")).ToContainTextAsync("Dana Agent");
            await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Start work" }).ClickAsync();
            await agent.Page.GetByLabel("Your reply").FillAsync("I have restored your access: please try again.");
            await agent.Page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();

            // Live on the requester's page, same document (no reload).
            await Expect(mine.Locator("[data-status=InProgress]").First).ToBeVisibleAsync();
            await Expect(mine.GetByTestId("handled-by")).ToContainTextAsync("Handled by Dana Agent");
            await Expect(mine.GetByText("I have restored your access: please try again.")).ToBeVisibleAsync();
            Assert.True(await mine.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The requester's page reloaded.");
            Assert.True(requester.Errors.Count == 0, "The requester's page reported errors:\n" + requester.Console);
            await BrowserFixture.ScreenshotAsync(mine, "requester-live-ticket");
        });
    }

    [Fact]
    public async Task ARequesterNeverSeesAnInternalNoteNeitherRenderedNorPushed()
    {
        var alice = await app.CallerAsync("alice@example.test");
        var dana = await app.CallerAsync("dana@helpdesk.test");
        var ticket = await app.FileRequestAsync(alice, "Printer keeps asking for a PIN");
        await using var requester = await browser.NewPersonAsync(app.BaseUrl);
        await requester.SignInAsync("alice@example.test", returnUrl: $"/tickets/{ticket.Number}");
        await requester.GotoInteractiveAsync($"/tickets/{ticket.Number}");

        await app.Send(dana, new AddComment(ticket.Number, "SECRET: the PIN server is down, do not tell yet", Internal: true));
        await app.Send(dana, new AddComment(ticket.Number, "We are on it."));

        await Expect(requester.Page.GetByText("We are on it.")).ToBeVisibleAsync();
        Assert.DoesNotContain("SECRET", await requester.Page.ContentAsync());
    }
}
