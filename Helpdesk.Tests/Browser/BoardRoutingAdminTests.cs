using Helpdesk.Core.Data;
using Helpdesk.Core.Routing;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

/// <summary>The admin's routing page in real Chromium: the demo defaults are shown, and a strategy and an escalation rule are changed and kept.</summary>
public sealed class BoardRoutingAdminTests(AppHost app, BrowserFixture browser) : IClassFixture<AppHost>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnAdminChangesATeamsStrategyAndAddsAnEscalationRule()
    {
        await using var admin = await browser.NewPersonAsync(app.BaseUrl);
        var page = admin.Page;

        await BrowserFixture.ScreenshotOnFailureAsync(page, nameof(AnAdminChangesATeamsStrategyAndAddsAnEscalationRule), async () =>
        {
            await admin.SignInAsync("admin@helpdesk.test", returnUrl: "/admin/routing");
            await admin.GotoInteractiveAsync("/admin/routing");
            var desktop = page.Locator("tr[data-team='Desktop support']");
            await Expect(desktop).ToContainTextAsync("Least loaded");
            await Expect(page.Locator("tr[data-team='Service desk']")).ToContainTextAsync("Round robin");
            await Expect(page.Locator("tr[data-team='Infrastructure']")).ToContainTextAsync("Skill based");
            await Expect(page.GetByRole(AriaRole.Row, new() { Name = "P1 not taken within 15 minutes" })).ToContainTextAsync("escalate to L2 + notify the lead");
            await BrowserFixture.ScreenshotAsync(page, "admin-routing");

            await page.GetByRole(AriaRole.Combobox, new() { Name = "Strategy for Desktop support" }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Round robin", Exact = true }).ClickAsync();
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Desktop support: Round robin");

            await page.GetByRole(AriaRole.Button, new() { Name = "Add escalation rule" }).ClickAsync();
            var form = page.GetByRole(AriaRole.Region, new() { Name = "Escalation rule" });
            await form.GetByLabel("Name").FillAsync("P2 open longer than 8 hours");
            await form.GetByRole(AriaRole.Combobox, new() { Name = "When" }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Still open" }).ClickAsync();
            await form.GetByLabel("After").FillAsync("8");
            await form.GetByRole(AriaRole.Combobox, new() { Name = "Unit" }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "hours" }).ClickAsync();
            await form.GetByRole(AriaRole.Combobox, new() { Name = "Priority" }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "P2 or more urgent" }).ClickAsync();
            await BrowserFixture.ScreenshotAsync(page, "admin-routing-escalation-form");
            await form.GetByRole(AriaRole.Button, new() { Name = "Save escalation rule" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Row, new() { Name = "P2 open longer than 8 hours" })).ToContainTextAsync("Open longer than 8 h");

            await using var db = await app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
            var rule = await db.EscalationRules.SingleAsync(r => r.Name == "P2 open longer than 8 hours");
            Assert.Equal((EscalationTrigger.OpenLongerThan, 8 * 60, Priority.P2, (Tier?)null, true), (rule.Trigger, rule.AfterMinutes, rule.Priority, rule.EscalateTo, rule.NotifyLead));
            var team = await db.Teams.SingleAsync(t => t.Name == "Desktop support");
            Assert.Equal(AssignmentStrategy.RoundRobin, (await db.TeamRouting.SingleAsync(r => r.TeamId == team.Id)).Strategy);
            Assert.True(admin.Errors.Count == 0, "The page reported errors:\n" + admin.Console);
        });
    }
}
