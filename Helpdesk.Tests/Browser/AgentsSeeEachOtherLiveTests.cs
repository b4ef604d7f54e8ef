using Helpdesk.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

/// <summary>
/// Two agents in real Chromium: what Dana does on a ticket shows up on Sam's dashboard row and on
/// Sam's open copy of the ticket without a reload, and Sam sees that Dana is on it.
/// </summary>
public sealed class AgentsSeeEachOtherLiveTests(AppHost app, BrowserFixture browser) : IClassFixture<AppHost>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ADashboardRowAndAnOpenTicketFollowAnotherAgentsChanges()
    {
        var alice = await app.CallerAsync("alice@example.test");
        var ticket = await app.FileRequestAsync(alice, "Badge reader refuses my card");
        await using var dana = await browser.NewPersonAsync(app.BaseUrl);
        await using var sam = await browser.NewPersonAsync(app.BaseUrl);
        await sam.SignInAsync("sam@helpdesk.test");
        await sam.GotoInteractiveAsync("/");
        var dashboard = sam.Page;
        var row = dashboard.Locator("tr").Filter(new() { Has = dashboard.Locator($"[data-ticket='{ticket.Number}']") });

        await BrowserFixture.ScreenshotOnFailureAsync(dashboard, nameof(ADashboardRowAndAnOpenTicketFollowAnotherAgentsChanges), async () =>
        {
            await Expect(row).ToContainTextAsync("Unassigned");
            var workspace = await sam.Context.NewPageAsync();
            await BrowserFixture.GotoInteractiveAsync(workspace, $"/tickets/{ticket.Number}");
            await dashboard.EvaluateAsync("() => window.__sameDocument = true");
            await workspace.EvaluateAsync("() => window.__sameDocument = true");

            await dana.SignInAsync("dana@helpdesk.test", returnUrl: $"/tickets/{ticket.Number}");
            await dana.GotoInteractiveAsync($"/tickets/{ticket.Number}");

            // Sam sees Dana on the ticket, in the workspace and on the dashboard row.
            await Expect(workspace.GetByText("Dana Agent is viewing")).ToBeVisibleAsync();
            await Expect(row.GetByTestId("row-presence")).ToBeVisibleAsync();

            await dana.Page.GetByRole(AriaRole.Button, new() { Name = "Start work" }).ClickAsync();
            await Expect(dana.Page.Locator("[data-status=InProgress]").First).ToBeVisibleAsync();
            await dana.Page.GetByRole(AriaRole.Button, new() { Name = "Take it" }).ClickAsync();

            await Expect(row.Locator("[data-status=InProgress]")).ToBeVisibleAsync();
            await Expect(row).ToContainTextAsync("Dana Agent");
            await Expect(workspace.Locator("[data-status=InProgress]").First).ToBeVisibleAsync();
            await Expect(workspace.GetByTestId("assignee")).ToContainTextAsync("Dana Agent");
            Assert.True(await dashboard.EvaluateAsync<bool>("() => window.__sameDocument === true"), "Sam's dashboard reloaded.");
            Assert.True(await workspace.EvaluateAsync<bool>("() => window.__sameDocument === true"), "Sam's ticket page reloaded.");
            await BrowserFixture.ScreenshotAsync(dashboard, "dashboard-live");
        });
    }

    [Fact]
    public async Task PresenceEndsAsSoonAsAColleagueClosesTheTicket()
    {
        var alice = await app.CallerAsync("alice@example.test");
        var ticket = await app.FileRequestAsync(alice, "Keyboard missing keys");
        await using var dana = await browser.NewPersonAsync(app.BaseUrl);
        await dana.SignInAsync("dana@helpdesk.test", returnUrl: $"/tickets/{ticket.Number}");
        await dana.GotoInteractiveAsync($"/tickets/{ticket.Number}");
        var sam = await browser.NewPersonAsync(app.BaseUrl);
        await sam.SignInAsync("sam@helpdesk.test", returnUrl: $"/tickets/{ticket.Number}");
        await sam.GotoInteractiveAsync($"/tickets/{ticket.Number}");
        await Expect(dana.Page.GetByText("Sam Agent is viewing")).ToBeVisibleAsync();

        // Sam types: Dana sees it. Then Sam closes the browser: Blazor keeps his circuit for minutes, his presence must not stay.
        await sam.Page.GetByLabel("Your reply").PressSequentiallyAsync("Checking");
        await Expect(dana.Page.GetByText("Sam Agent is replying…")).ToBeVisibleAsync();
        await sam.DisposeAsync();

        await Expect(dana.Page.GetByText("Sam Agent is replying…")).ToHaveCountAsync(0);
        await Expect(dana.Page.GetByText("Sam Agent is viewing")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AStaleEditIsRefusedWithAMessageNamingWhatChanged()
    {
        var alice = await app.CallerAsync("alice@example.test");
        var ticket = await app.FileRequestAsync(alice, "Projector in room 4 is blank");
        var dana = await app.CallerAsync("dana@helpdesk.test");
        await using var sam = await browser.NewPersonAsync(app.BaseUrl);
        await sam.SignInAsync("sam@helpdesk.test", returnUrl: $"/tickets/{ticket.Number}");
        await sam.GotoInteractiveAsync($"/tickets/{ticket.Number}");

        // Sam opens the priority editor; meanwhile Dana escalates the ticket.
        await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Priority" }).ClickAsync();
        await app.Send(dana, new Helpdesk.Core.Tickets.Commands.EscalateTicket(ticket.Number, Helpdesk.Core.Tickets.Tier.L2, "Needs the AV team"));
        await Expect(sam.Page.GetByText("L2 · Service desk")).ToBeVisibleAsync();
        await sam.Page.GetByRole(AriaRole.Button, new() { Name = "Save priority" }).ClickAsync();

        var alert = sam.Page.GetByTestId("conflict");
        await Expect(alert).ToContainTextAsync($"HD-{ticket.Number} was changed by Dana Agent");
        await Expect(alert).ToContainTextAsync("Tier");
    }
}
