using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Helpdesk.Core.Data.DemoData;
using Microsoft.Playwright;

namespace Helpdesk.Tests.Support;

/// <summary>
/// One real, headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) per test class:
/// <c>IClassFixture&lt;BrowserFixture&gt;</c>. Each simulated person gets a fresh BrowserContext
/// (<see cref="NewPersonAsync"/>): two people are two independent sessions.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    /// <summary>How long <see cref="GotoInteractiveAsync"/> waits for the Blazor circuit.</summary>
    public const float InteractiveTimeoutMs = 15_000;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public async Task InitializeAsync()
    {
        // Fail, never skip: a browser test that silently does not run is a test that does not exist.
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}. Run the tests with `bash scripts/test.sh`, " +
                "which installs Debian's chromium package when it is missing (or: sudo apt-get install -y chromium).");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The flags from TESTING.md, plus --disable-dev-shm-usage: containers often give /dev/shm
            // only 64 MB, and Chromium's renderer then crashes on large pages.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh session (its own cookies and storage) with one page. Relative URLs resolve against <paramref name="baseUrl"/>.</summary>
    public async Task<BrowserPerson> NewPersonAsync(Uri? baseUrl = null, BrowserNewContextOptions? options = null)
    {
        options ??= new();
        if (baseUrl is not null) options.BaseURL ??= baseUrl.ToString();
        options.ViewportSize ??= new() { Width = 1366, Height = 900 };
        options.Locale ??= "en-GB";
        var context = await Browser.NewContextAsync(options);
        context.SetDefaultTimeout(10_000);
        var page = await context.NewPageAsync();
        return new BrowserPerson(context, page);
    }

    /// <summary>
    /// Navigates and waits until the Blazor circuit has rendered interactively (the layout sets
    /// body[data-interactive=true]); clicks before that would be lost.
    /// </summary>
    public static async Task GotoInteractiveAsync(IPage page, string url)
    {
        var response = await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = InteractiveTimeoutMs });
        if (response is { Ok: false })
            throw new InvalidOperationException($"GET {page.Url} answered {response.Status} {response.StatusText}.");
        try
        {
            await page.WaitForSelectorAsync("body[data-interactive=true]",
                new() { State = WaitForSelectorState.Attached, Timeout = InteractiveTimeoutMs });
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException(
                $"{page.Url} did not become interactive within {InteractiveTimeoutMs / 1000} s (no body[data-interactive=true]). " +
                $"Browser console:{Environment.NewLine}{BrowserPerson.ConsoleOf(page)}", ex);
        }
    }

    /// <summary>Saves a full-page screenshot to .test-results/screenshots/&lt;name&gt;.png and returns the path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(TestPaths.Screenshots, SafeName(name) + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }

    /// <summary>
    /// Runs a test body; if it throws, saves a screenshot of <paramref name="page"/> as
    /// .test-results/screenshots/&lt;testName&gt;.png and rethrows. Use with nameof(TestMethod).
    /// </summary>
    public static async Task ScreenshotOnFailureAsync(IPage page, string testName, Func<Task> body)
    {
        try
        {
            await body();
        }
        catch
        {
            try { await ScreenshotAsync(page, testName + ".failed"); }
            catch (Exception) { /* the page may be gone; the original failure matters */ }
            throw;
        }
    }

    private static string SafeName(string name) => Regex.Replace(name, @"[^A-Za-z0-9._-]+", "_");

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }
}

/// <summary>One simulated person: their own browser context (session) and a page. Dispose closes the context.</summary>
public sealed class BrowserPerson : IAsyncDisposable
{
    private static readonly ConditionalWeakTable<IPage, ConcurrentQueue<string>> Consoles = new();
    private readonly ConcurrentQueue<string> _errors = new();

    internal BrowserPerson(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        var lines = Consoles.GetOrCreateValue(page);
        void Add(string line, bool isError)
        {
            lines.Enqueue(line);
            if (isError) _errors.Enqueue(line);
        }
        page.Console += (_, m) => Add($"[{m.Type}] {m.Text} ({m.Location})",
            // Chromium asks every site for /favicon.ico by itself; its 404 is not the page's doing.
            m.Type == "error" && !m.Location.Contains("/favicon.ico", StringComparison.Ordinal));
        page.PageError += (_, error) => Add($"[pageerror] {error}", true);
        page.Response += (_, r) => { if (r.Status >= 400) Add($"[http {r.Status}] {r.Request.Method} {r.Url}", true); };
        page.RequestFailed += (_, r) => Add($"[requestfailed] {r.Method} {r.Url}: {r.Failure}", false);
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    /// <summary>Everything the page wrote to the browser console so far, plus HTTP errors and failed requests (for failure messages).</summary>
    public string Console => ConsoleOf(Page);

    /// <summary>
    /// Console errors, uncaught script errors and HTTP error responses seen so far (not the
    /// browser's own /favicon.ico probe). A healthy page has none.
    /// </summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    internal static string ConsoleOf(IPage page) =>
        Consoles.TryGetValue(page, out var lines) && !lines.IsEmpty ? string.Join(Environment.NewLine, lines) : "(nothing)";

    public Task GotoInteractiveAsync(string url) => BrowserFixture.GotoInteractiveAsync(Page, url);

    /// <summary>
    /// Signs in through the real sign-in form (/account/login, a static server-rendered page, so no
    /// interactive wait there) and waits until the browser has left it. Demo accounts:
    /// <see cref="DemoAccounts"/> (e.g. "dana@helpdesk.test", an agent; "alice@example.test", a requester).
    /// </summary>
    public async Task SignInAsync(string email, string password = DemoAccounts.Password, string returnUrl = "/")
    {
        await Page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        await Page.Locator("#email").FillAsync(email);
        await Page.Locator("#password").FillAsync(password);
        await Page.Locator("form button[type=submit]").ClickAsync();
        try
        {
            await Page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase),
                new() { Timeout = BrowserFixture.InteractiveTimeoutMs, WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException ex)
        {
            var alert = await Page.Locator("[role=alert]").AllInnerTextsAsync();
            throw new InvalidOperationException($"Signing in as {email} failed; still on {Page.Url}. {string.Join(" ", alert)}", ex);
        }
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
