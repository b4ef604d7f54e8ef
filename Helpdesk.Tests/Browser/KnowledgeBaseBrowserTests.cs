using System.Text.RegularExpressions;
using Helpdesk.Core.Data;
using Helpdesk.Core.Knowledge;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Helpdesk.Tests.Browser;

/// <summary>
/// Issue 11 in real Chromium, on the demo knowledge base: a requester typing a subject is offered an
/// article and ends the request with "This solved my problem" (no ticket, one deflection); the portal's
/// knowledge base never shows an internal article; an agent answers with a canned reply and an article.
/// </summary>
public sealed class KnowledgeBaseBrowserTests(AppHost app, BrowserFixture browser) : IClassFixture<AppHost>, IClassFixture<BrowserFixture>
{
    private async Task<HelpdeskDbContext> DbAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();

    private async Task<int> ArticleAsync(string title)
    {
        await using var db = await DbAsync();
        return await db.Articles.Where(a => a.Title == title).Select(a => a.Id).SingleAsync();
    }

    [Fact]
    public async Task ARequesterTypingASubjectSeesAnArticleAndEndsTheRequestWithThisSolvedMyProblem()
    {
        await using var alice = await browser.NewPersonAsync(app.BaseUrl);
        var page = alice.Page;
        var article = await ArticleAsync("VPN disconnects every few minutes");
        int tickets, deflections;
        await using (var db = await DbAsync())
            (tickets, deflections) = (await db.Tickets.CountAsync(), await db.Deflections.CountAsync(d => d.ArticleId == article));

        await BrowserFixture.ScreenshotOnFailureAsync(page, nameof(ARequesterTypingASubjectSeesAnArticleAndEndsTheRequestWithThisSolvedMyProblem), async () =>
        {
            await alice.SignInAsync("alice@example.test", returnUrl: "/requests/new");
            await alice.GotoInteractiveAsync("/requests/new");
            await page.GetByRole(AriaRole.Combobox, new() { Name = "What is it about?" }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = "Network", Exact = true }).ClickAsync();
            // Typing while the list is still open would go to the select, not the subject.
            await Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
            var subject = page.GetByLabel("Subject");
            await subject.ClickAsync();
            await subject.PressSequentiallyAsync("My VPN keeps disconnecting");

            var suggestions = page.GetByTestId("article-suggestions");
            var suggestion = suggestions.Locator($"[data-suggestion='{article}']");
            await Expect(suggestion).ToContainTextAsync("VPN disconnects every few minutes");
            // The matched words are marked.
            await Expect(suggestion.Locator("mark").First).ToBeVisibleAsync();
            await suggestion.GetByRole(AriaRole.Button, new() { Name = "Read the answer" }).ClickAsync();
            await Expect(suggestion.GetByTestId("suggestion-body")).ToContainTextAsync("switch Protocol to TCP");
            await BrowserFixture.ScreenshotAsync(page, "kb-suggestion-in-request-form");

            await suggestion.GetByRole(AriaRole.Button, new() { Name = "This solved my problem" }).ClickAsync();

            await Expect(page.GetByTestId("deflected")).ToContainTextAsync("Glad that helped!");
            await BrowserFixture.ScreenshotAsync(page, "kb-request-deflected");
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Submit request" })).ToHaveCountAsync(0);
            Assert.True(alice.Errors.Count == 0, "The requester's page reported errors:\n" + alice.Console);
        });

        await using var after = await DbAsync();
        Assert.Equal(tickets, await after.Tickets.CountAsync());
        var recorded = await after.Deflections.Where(d => d.ArticleId == article).OrderBy(d => d.Id).ToListAsync();
        Assert.Equal(deflections + 1, recorded.Count);
        Assert.Equal("My VPN keeps disconnecting", recorded[^1].Subject);
    }

    [Fact]
    public async Task ARequesterBrowsesAndSearchesPublicArticlesButAnInternalOneLooksMissing()
    {
        await using var alice = await browser.NewPersonAsync(app.BaseUrl);
        var page = alice.Page;
        var runbook = await ArticleAsync("Unlock an account in the directory");

        await BrowserFixture.ScreenshotOnFailureAsync(page, nameof(ARequesterBrowsesAndSearchesPublicArticlesButAnInternalOneLooksMissing), async () =>
        {
            await alice.SignInAsync("alice@example.test", returnUrl: "/kb");
            await alice.GotoInteractiveAsync("/kb");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Knowledge base", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Reset your password" })).ToBeVisibleAsync();
            await Expect(page.Locator(".hd-kb")).Not.ToContainTextAsync("Unlock an account");
            await Expect(page.Locator("[data-badge]")).ToHaveCountAsync(0);
            await BrowserFixture.ScreenshotAsync(page, "kb-list");

            // The internal runbook matches these words too, for agents only.
            await page.GetByLabel("Search the knowledge base").PressSequentiallyAsync("account password");
            await page.WaitForURLAsync(new Regex(@"q=account"));
            await Expect(page.GetByText(new Regex(@"\d+ articles? match"))).ToBeVisibleAsync();
            await Expect(page.Locator(".hd-kb-item mark").First).ToBeVisibleAsync();
            await Expect(page.Locator(".hd-kb")).Not.ToContainTextAsync("Unlock an account");
            await BrowserFixture.ScreenshotAsync(page, "kb-search");

            await page.GetByRole(AriaRole.Link, new() { Name = "Reset your password" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Reset your password", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("article-body").Locator("ol > li")).ToHaveCountAsync(4);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Edit" })).ToHaveCountAsync(0);
            await BrowserFixture.ScreenshotAsync(page, "kb-article");

            await alice.GotoInteractiveAsync($"/kb/{runbook}");
            await Expect(page.GetByTestId("article-not-found")).ToHaveTextAsync($"Article {runbook} was not found.");
            Assert.DoesNotContain("Active Directory", await page.ContentAsync());
            Assert.True(alice.Errors.Count == 0, "The requester's page reported errors:\n" + alice.Console);
        });
    }

    [Fact]
    public async Task AnAgentAnswersWithACannedReplyAndAnArticleAndTheArticleCountsTheTicket()
    {
        var alice = await app.CallerAsync("alice@example.test");
        var ticket = await app.FileRequestAsync(alice, "VPN disconnects at home");
        var article = await ArticleAsync("VPN disconnects every few minutes");
        await using var dana = await browser.NewPersonAsync(app.BaseUrl);
        var page = dana.Page;

        await BrowserFixture.ScreenshotOnFailureAsync(page, nameof(AnAgentAnswersWithACannedReplyAndAnArticleAndTheArticleCountsTheTicket), async () =>
        {
            await dana.SignInAsync("dana@helpdesk.test", returnUrl: $"/tickets/{ticket.Number}");
            await dana.GotoInteractiveAsync($"/tickets/{ticket.Number}");
            var suggested = page.GetByTestId("suggested-articles");
            await Expect(suggested.Locator($"[data-suggested-article='{article}']")).ToBeVisibleAsync();

            // "/" and a few letters offer the canned replies; the chosen one is filled in for this ticket.
            var reply = page.GetByLabel("Your reply");
            await reply.PressSequentiallyAsync("/more info");
            await Expect(page.GetByTestId("canned-replies").GetByRole(AriaRole.Button)).ToHaveCountAsync(1);
            await BrowserFixture.ScreenshotAsync(page, "kb-canned-replies-in-composer");
            await page.GetByTestId("canned-replies").GetByRole(AriaRole.Button, new() { Name = "Need more information" }).ClickAsync();
            await Expect(reply).ToHaveValueAsync(new Regex($@"^Hello Alice,\s+to continue with {TicketNumber.Format(ticket.Number)} we need"));
            await Expect(page.GetByTestId("pending-status")).ToContainTextAsync("Pending");

            await suggested.GetByRole(AriaRole.Button, new() { Name = "Insert a link to VPN disconnects every few minutes" }).ClickAsync();
            await Expect(reply).ToHaveValueAsync(new Regex($@"VPN disconnects every few minutes: http://[^ ]+/kb/{article}$"));
            await BrowserFixture.ScreenshotAsync(page, "kb-agent-workspace");

            await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
            await Expect(page.Locator(".hd-ticket-head [data-status=Pending]")).ToBeVisibleAsync();
            await Expect(page.Locator(".hd-conversation").GetByText($"/kb/{article}", new() { Exact = false })).ToBeVisibleAsync();

            // The article now lists the ticket among those it solved.
            await dana.GotoInteractiveAsync($"/kb/{article}");
            await Expect(page.GetByTestId("article-impact").GetByRole(AriaRole.Link, new() { Name = TicketNumber.Format(ticket.Number) })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("article-history")).ToContainTextAsync("Created");
            await BrowserFixture.ScreenshotAsync(page, "kb-article-staff");
            Assert.True(dana.Errors.Count == 0, "The agent's page reported errors:\n" + dana.Console);
        });
    }

    [Fact]
    public async Task AnAgentEditsAnArticleThenRestoresTheEarlierVersion()
    {
        var article = await ArticleAsync("Make the battery last longer");
        await using var lena = await browser.NewPersonAsync(app.BaseUrl);
        var page = lena.Page;

        await BrowserFixture.ScreenshotOnFailureAsync(page, nameof(AnAgentEditsAnArticleThenRestoresTheEarlierVersion), async () =>
        {
            await lena.SignInAsync("lead@helpdesk.test", returnUrl: "/kb/admin");
            await lena.GotoInteractiveAsync("/kb/admin");
            await Expect(page.GetByTestId("deflections")).ToContainTextAsync("requests deflected");
            await BrowserFixture.ScreenshotAsync(page, "kb-admin");

            await lena.GotoInteractiveAsync("/kb/replies");
            await Expect(page.Locator("[data-reply]").First).ToBeVisibleAsync();
            await BrowserFixture.ScreenshotAsync(page, "kb-canned-replies");

            await lena.GotoInteractiveAsync($"/kb/{article}/edit");
            var title = page.GetByLabel("Title");
            await title.FillAsync("Make the laptop battery last a day");
            var body = page.GetByLabel("Text (Markdown)");
            await body.FillAsync("## Quick wins\n\n- Lower the **brightness**.\n- <span onclick=alert(1)>Close video calls.</span>");
            await Expect(page.GetByTestId("preview").Locator("h2")).ToHaveTextAsync("Quick wins");
            await Expect(page.GetByTestId("preview").Locator("strong")).ToHaveTextAsync("brightness");
            await Expect(page.GetByTestId("preview").Locator("span")).ToHaveTextAsync("Close video calls.");
            await Expect(page.GetByTestId("preview").Locator("[onclick]")).ToHaveCountAsync(0);
            await BrowserFixture.ScreenshotAsync(page, "kb-editor");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

            await page.WaitForURLAsync($"**/kb/{article}");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Make the laptop battery last a day", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("article-history")).ToContainTextAsync("Title, Text");

            await page.GetByRole(AriaRole.Button, new() { Name = "View version 1" }).ClickAsync();
            await Expect(page.GetByTestId("version-preview")).ToContainTextAsync("Lower the screen brightness");
            await page.GetByRole(AriaRole.Button, new() { Name = "Restore this version" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Make the battery last longer", Level = 1 })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("article-history").Locator("li").First).ToContainTextAsync("Restored version 1");
            Assert.True(lena.Errors.Count == 0, "The agent's page reported errors:\n" + lena.Console);
        });
    }
}
