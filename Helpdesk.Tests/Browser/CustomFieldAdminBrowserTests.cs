using Helpdesk.Core.Data;
using Helpdesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

/// <summary>In real Chromium: an admin creates a choice field for a category; a requester with the form already open sees it appear, fills it in, and the ticket keeps it.</summary>
public sealed class CustomFieldAdminBrowserTests(AppHost app, BrowserFixture browser) : IClassFixture<AppHost>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AFieldAnAdminCreatesAppearsOnTheOpenPortalFormAndIsStored()
    {
        await using var admin = await browser.NewPersonAsync(app.BaseUrl);
        await using var alice = await browser.NewPersonAsync(app.BaseUrl);
        var page = admin.Page;

        await BrowserFixture.ScreenshotOnFailureAsync(page, nameof(AFieldAnAdminCreatesAppearsOnTheOpenPortalFormAndIsStored), async () =>
        {
            await alice.SignInAsync("alice@example.test", returnUrl: "/requests/new");
            await alice.GotoInteractiveAsync("/requests/new");
            await alice.Page.GetByRole(AriaRole.Combobox, new() { Name = "What is it about?" }).ClickAsync();
            await alice.Page.GetByRole(AriaRole.Option, new() { Name = "Access", Exact = true }).ClickAsync();

            await admin.SignInAsync("admin@helpdesk.test", returnUrl: "/admin/fields");
            await admin.GotoInteractiveAsync("/admin/fields");
            await page.GetByRole(AriaRole.Button, new() { Name = "New field" }).ClickAsync();
            var form = page.Locator("[data-testid=field-form]");
            await form.GetByLabel("Label").FillAsync("Which share");
            await form.GetByLabel("Help text (shown under the field)").FillAsync("As shown in the error message.");
            await form.GetByRole(AriaRole.Combobox, new() { Name = "Type" }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "One choice" }).ClickAsync();
            await form.GetByLabel("Option 1").FillAsync("Finance share");
            await form.GetByRole(AriaRole.Button, new() { Name = "Add option" }).ClickAsync();
            await form.GetByLabel("Option 2").FillAsync("HR share");
            await form.GetByRole(AriaRole.Checkbox, new() { Name = "Required" }).CheckAsync();
            await form.GetByRole(AriaRole.Combobox, new() { Name = "Categories (none: every category)" }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Access" }).ClickAsync();
            await page.Keyboard.PressAsync("Escape");
            await BrowserFixture.ScreenshotAsync(page, "admin-field-form");
            await form.GetByRole(AriaRole.Button, new() { Name = "Save field" }).ClickAsync();
            await Expect(page.Locator("[data-testid=fields] tr", new() { HasText = "Which share" })).ToContainTextAsync("Finance share, HR share");
            await BrowserFixture.ScreenshotAsync(page, "admin-fields");

            // Alice's open form shows the new field without a reload.
            var share = alice.Page.GetByRole(AriaRole.Combobox, new() { Name = "Which share" });
            await Expect(share).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(alice.Page.GetByText("As shown in the error message.")).ToBeVisibleAsync();
            await alice.Page.GetByLabel("Subject").FillAsync("Cannot open the share");
            await alice.Page.GetByLabel("Description").FillAsync("Access denied since this morning.");
            await alice.Page.GetByRole(AriaRole.Button, new() { Name = "Submit request" }).ClickAsync();
            await Expect(alice.Page.Locator("[data-field]", new() { HasText = "Which share is required." })).ToBeVisibleAsync();
            await share.ClickAsync();
            await alice.Page.GetByRole(AriaRole.Option, new() { Name = "HR share" }).ClickAsync();
            await BrowserFixture.ScreenshotAsync(alice.Page, "portal-custom-field");
            await alice.Page.GetByRole(AriaRole.Button, new() { Name = "Submit request" }).ClickAsync();
            await Expect(alice.Page.Locator("[data-testid=ticket-fields]")).ToContainTextAsync("HR share", new() { Timeout = 15_000 });

            await using var db = await app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
            var key = await db.CustomFields.Where(f => f.Label == "Which share").Select(f => f.Key).SingleAsync();
            Assert.True(await db.FieldValues.AnyAsync(v => v.Key == key && v.Value == "hr-share"));
            Assert.True(admin.Errors.Count == 0, "The admin page reported errors:\n" + admin.Console);
            Assert.True(alice.Errors.Count == 0, "The portal reported errors:\n" + alice.Console);
        });
    }
}
