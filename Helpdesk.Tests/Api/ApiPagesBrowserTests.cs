using System.Net;
using System.Text.RegularExpressions;
using Helpdesk.Core.Integrations.Webhooks;
using Helpdesk.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Api;

/// <summary>In real Chromium: a person creates an API token and sees it once; an admin watches a webhook fail and retries it.</summary>
public sealed class ApiPagesBrowserTests(ApiPagesBrowserTests.QuickRetriesApp app, BrowserFixture browser)
    : IClassFixture<ApiPagesBrowserTests.QuickRetriesApp>, IClassFixture<BrowserFixture>
{
    public sealed class QuickRetriesApp() : AppHost(10, new Dictionary<string, string?>
    {
        ["Webhooks:AllowPrivateNetworks"] = "true",
        ["Webhooks:RetryDelaysSeconds"] = "0.2",
        ["Webhooks:MaxAttempts"] = "2",
        ["Webhooks:PollSeconds"] = "1",
    });

    [Fact]
    public async Task APersonCreatesATokenSeesItOnceUsesItAndRevokesIt()
    {
        await using var alice = await browser.NewPersonAsync(app.BaseUrl);
        var page = alice.Page;

        await BrowserFixture.ScreenshotOnFailureAsync(page, nameof(APersonCreatesATokenSeesItOnceUsesItAndRevokesIt), async () =>
        {
            await alice.SignInAsync("alice@example.test", returnUrl: "/account/tokens");
            await alice.GotoInteractiveAsync("/account/tokens");
            await Expect(page.GetByText("You have no API tokens yet.")).ToBeVisibleAsync();

            await page.GetByLabel("Name").FillAsync("Expense scanner");
            await page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();

            var shown = page.GetByTestId("token-value");
            await Expect(shown).ToHaveTextAsync(new Regex("^hd_[A-Za-z0-9_-]{43}$"));
            var token = (await shown.TextContentAsync())!;
            await Expect(page.Locator("td").GetByText("Expense scanner", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(page.Locator("td").GetByText(token[..11] + "…", new() { Exact = true })).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, "api-token-created");

            using var api = app.ApiWithToken(token);
            Assert.Contains("Alice Martin", await api.GetStringAsync("api/v1/me"));

            // Shown once: after a reload the page knows only the prefix.
            await alice.GotoInteractiveAsync("/account/tokens");
            await Expect(page.Locator("td").GetByText("Expense scanner", new() { Exact = true })).ToBeVisibleAsync();
            Assert.DoesNotContain(token, await page.ContentAsync());
            await Expect(page.GetByTestId("new-token")).ToHaveCountAsync(0);

            await page.GetByRole(AriaRole.Button, new() { Name = "Revoke Expense scanner" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
            await Expect(page.Locator("td").GetByText("Revoked", new() { Exact = true })).ToBeVisibleAsync();
            Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("api/v1/me")).StatusCode);
            Assert.True(alice.Errors.Count == 0, "The page reported errors:\n" + alice.Console);
            await BrowserFixture.ScreenshotAsync(page, "api-token-revoked");
        });
    }

    [Fact]
    public async Task AnAdminRegistersAWebhookSeesAFailedDeliveryAndRetriesIt()
    {
        await using var receiver = await LoopbackReceiver.StartAsync();
        receiver.Respond = _ => Task.FromResult(StatusCodes.Status503ServiceUnavailable);
        await using var admin = await browser.NewPersonAsync(app.BaseUrl);
        var page = admin.Page;

        await BrowserFixture.ScreenshotOnFailureAsync(page, nameof(AnAdminRegistersAWebhookSeesAFailedDeliveryAndRetriesIt), async () =>
        {
            await admin.SignInAsync("admin@helpdesk.test", returnUrl: "/admin/webhooks");
            await admin.GotoInteractiveAsync("/admin/webhooks");
            await page.GetByRole(AriaRole.Button, new() { Name = "Add webhook" }).ClickAsync();
            await page.GetByLabel("URL", new() { Exact = true }).FillAsync(receiver.Url);
            await page.GetByLabel("Description (optional)").FillAsync("Chat-ops bridge");
            await BrowserFixture.ScreenshotAsync(page, "webhooks-form");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
            await Expect(page.GetByText("Chat-ops bridge")).ToBeVisibleAsync();

            var alice = await app.CallerAsync("alice@example.test");
            var ticket = await app.FileRequestAsync(alice, "Webhook demo ticket");
            await receiver.NextAsync();
            await receiver.NextAsync();
            var failed = page.Locator("tr", new() { Has = page.GetByText(ticket.DisplayNumber, new() { Exact = true }) });
            await Expect(failed.Locator("[data-delivery-status=Failed]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(failed).ToContainTextAsync("HTTP 503");
            await BrowserFixture.ScreenshotAsync(page, "webhooks-failed-delivery");

            receiver.Respond = _ => Task.FromResult(StatusCodes.Status200OK);
            await failed.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Retry delivery") }).ClickAsync();
            await receiver.NextAsync();
            await Expect(failed.Locator("[data-delivery-status=Succeeded]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(failed).ToContainTextAsync("HTTP 200");
            Assert.True(admin.Errors.Count == 0, "The page reported errors:\n" + admin.Console);
            await BrowserFixture.ScreenshotAsync(page, "webhooks-retried");
        });
    }

    [Fact]
    public async Task TheApiReferencePageRendersTheDocumentWithoutTheInternet()
    {
        await using var reader = await browser.NewPersonAsync(app.BaseUrl);
        var page = reader.Page;

        await BrowserFixture.ScreenshotOnFailureAsync(page, nameof(TheApiReferencePageRendersTheDocumentWithoutTheInternet), async () =>
        {
            await page.GotoAsync("/api/docs/");

            await Expect(page.GetByText("Open a ticket").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(page.GetByText("Helpdesk API").First).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, "api-reference");
        });
    }
}
