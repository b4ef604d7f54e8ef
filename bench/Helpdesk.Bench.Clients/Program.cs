using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace Helpdesk.Bench.Clients;

/// <summary>
/// The clients of the live benchmarks, in a process of their own. Helpdesk.Bench writes one command
/// per line on stdin and reads one answer line ("OK ..." or "ERR ...") per command on stdout:
/// <list type="bullet">
/// <item><c>CLOCK</c> → <c>OK CLOCK &lt;Stopwatch.GetTimestamp()&gt;</c> (to check the two processes share one clock).</item>
/// <item><c>HUB &lt;label&gt; &lt;hubUrl&gt; &lt;n&gt; &lt;cookieHeaderBase64|-&gt;</c>: opens n WebSocket hub connections that record,
///   for every TicketChanged, the Stopwatch timestamp on arrival per (sequence, connection) and how many copies came.</item>
/// <item><c>COUNT &lt;label&gt;</c> → <c>OK COUNT &lt;label&gt; &lt;distinct (sequence, connection)&gt; &lt;messages&gt;</c>.</item>
/// <item><c>DUMP &lt;label&gt; &lt;file&gt;</c>: writes "connection sequence firstTimestamp copies" lines, then clears.</item>
/// <item><c>STOP &lt;label&gt;</c>: closes that label's connections.</item>
/// <item><c>BROWSE &lt;label&gt; &lt;baseUrl&gt; &lt;n&gt; &lt;email&gt; &lt;password&gt; &lt;path&gt; &lt;selector|-&gt;</c>: n Chromium contexts, each
///   signs in through the form, lands on path, waits for body[data-interactive=true] (and the selector).</item>
/// <item><c>UNBROWSE &lt;label&gt;</c>: each page navigates away (so Blazor ends its circuit) and its context closes.</item>
/// <item><c>CPU</c> → <c>OK CPU &lt;this process's CPU time in ms&gt;</c>; <c>QUIT</c>.</item>
/// </list>
/// </summary>
public static class Program
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly Dictionary<string, HubSet> Hubs = [];
    private static readonly Dictionary<string, List<IBrowserContext>> Contexts = [];
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    public static async Task<int> Main()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        Reply($"READY {Stopwatch.Frequency} {Environment.ProcessId}");
        while (await Console.In.ReadLineAsync() is { } line)
        {
            var a = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (a.Length == 0) continue;
            try
            {
                switch (a[0])
                {
                    case "CLOCK": Reply($"OK CLOCK {Stopwatch.GetTimestamp()}"); break;
                    case "CPU": Reply($"OK CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds:0}"); break;
                    case "HUB":
                    {
                        var started = Stopwatch.GetTimestamp();
                        Hubs[a[1]] = await HubSet.OpenAsync(a[2], int.Parse(a[3], CultureInfo.InvariantCulture), a[4]);
                        Reply($"OK HUB {a[1]} {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0}");
                        break;
                    }
                    case "COUNT":
                    {
                        var (distinct, messages) = Hubs[a[1]].Count();
                        Reply($"OK COUNT {a[1]} {distinct} {messages}");
                        break;
                    }
                    case "DUMP": Reply($"OK DUMP {a[1]} {Hubs[a[1]].Dump(a[2])}"); break;
                    case "STOP":
                        if (Hubs.Remove(a[1], out var set)) await set.DisposeAsync();
                        Reply($"OK STOP {a[1]}");
                        break;
                    case "BROWSE":
                    {
                        var started = Stopwatch.GetTimestamp();
                        await BrowseAsync(a[1], a[2], int.Parse(a[3], CultureInfo.InvariantCulture), a[4], a[5], a[6], a[7] == "-" ? null : a[7]);
                        Reply($"OK BROWSE {a[1]} {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0}");
                        break;
                    }
                    case "UNBROWSE":
                        await UnbrowseAsync(a[1]);
                        Reply($"OK UNBROWSE {a[1]}");
                        break;
                    case "QUIT":
                        foreach (var h in Hubs.Values) await h.DisposeAsync();
                        foreach (var label in Contexts.Keys.ToList()) await UnbrowseAsync(label);
                        if (_browser is not null) await _browser.CloseAsync();
                        _playwright?.Dispose();
                        Reply("OK QUIT");
                        return 0;
                    default: Reply($"ERR {a[0]} unknown command"); break;
                }
            }
            catch (Exception ex)
            {
                Reply($"ERR {a[0]} {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
            }
        }
        return 0;
    }

    private static void Reply(string line)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }

    private static async Task BrowseAsync(string label, string baseUrl, int n, string email, string password, string path, string? selector)
    {
        if (_browser is null)
        {
            _playwright = await Playwright.CreateAsync();
            // The flags from /work/shared/TESTING.md, plus --disable-dev-shm-usage as Helpdesk.Tests' BrowserFixture.
            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
            });
        }
        if (!Contexts.TryGetValue(label, out var list)) Contexts[label] = list = [];
        for (var i = 0; i < n; i++)
        {
            var context = await _browser.NewContextAsync(new()
            {
                BaseURL = baseUrl, ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "en-GB",
            });
            context.SetDefaultTimeout(30_000);
            list.Add(context);
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/login?ReturnUrl=" + Uri.EscapeDataString(path));
            await page.Locator("#email").FillAsync(email);
            await page.Locator("#password").FillAsync(password);
            await page.Locator("form button[type=submit]").ClickAsync();
            await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase),
                new() { WaitUntil = WaitUntilState.Commit });
            await page.WaitForSelectorAsync("body[data-interactive=true]", new() { State = WaitForSelectorState.Attached });
            if (selector is not null) await page.WaitForSelectorAsync(selector, new() { State = WaitForSelectorState.Attached });
        }
    }

    private static async Task UnbrowseAsync(string label)
    {
        if (!Contexts.Remove(label, out var list)) return;
        foreach (var context in list)
        {
            // Leaving the page fires its unload handlers: blazor.web.js then tells the server the circuit
            // is over (a closed context alone can leave it "disconnected", kept for minutes).
            foreach (var page in context.Pages)
            {
                try { await page.GotoAsync("about:blank"); }
                catch (PlaywrightException) { }
            }
            await context.CloseAsync();
        }
    }
}

/// <summary>n hub connections and what each received.</summary>
internal sealed class HubSet : IAsyncDisposable
{
    private readonly HubConnection[] _connections;
    private readonly Receipts[] _receipts;

    private HubSet(int n)
    {
        _connections = new HubConnection[n];
        _receipts = new Receipts[n];
    }

    public static async Task<HubSet> OpenAsync(string url, int n, string cookieHeaderBase64)
    {
        var cookies = new CookieContainer();
        if (cookieHeaderBase64 != "-")
        {
            var host = new Uri(url).Host;
            foreach (var pair in Encoding.UTF8.GetString(Convert.FromBase64String(cookieHeaderBase64)).Split("; "))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                cookies.Add(new System.Net.Cookie(pair[..eq], pair[(eq + 1)..], "/", host));
            }
        }
        var set = new HubSet(n);
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(Enumerable.Range(0, n).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var receipts = set._receipts[i] = new Receipts();
                var connection = new HubConnectionBuilder()
                    .WithUrl(url, o =>
                    {
                        o.Transports = HttpTransportType.WebSockets;
                        o.SkipNegotiation = true;
                        o.Cookies = cookies;
                    })
                    .Build();
                // The timestamp is the first thing the handler does (the JSON is already parsed, on both hubs alike).
                connection.On<Sequenced>("TicketChanged", e =>
                {
                    var now = Stopwatch.GetTimestamp();
                    receipts.Add(e.Sequence, now);
                });
                set._connections[i] = connection;
                await connection.StartAsync();
            }
            finally
            {
                gate.Release();
            }
        }));
        return set;
    }

    public (long Distinct, long Messages) Count()
    {
        long distinct = 0, messages = 0;
        foreach (var r in _receipts)
        {
            var (d, m) = r.Count();
            distinct += d;
            messages += m;
        }
        return (distinct, messages);
    }

    /// <summary>Writes "connection sequence firstTimestamp copies" per line and clears; returns the line count.</summary>
    public int Dump(string path)
    {
        var lines = 0;
        using var w = new StreamWriter(path, false, Encoding.ASCII, 1 << 16);
        for (var i = 0; i < _receipts.Length; i++)
            foreach (var (sequence, (first, copies)) in _receipts[i].TakeAll())
            {
                w.Write(i); w.Write(' '); w.Write(sequence); w.Write(' '); w.Write(first); w.Write(' '); w.WriteLine(copies);
                lines++;
            }
        return lines;
    }

    public async ValueTask DisposeAsync()
    {
        using var gate = new SemaphoreSlim(32);
        await Task.WhenAll(_connections.Where(c => c is not null).Select(async c =>
        {
            await gate.WaitAsync();
            try { await c.DisposeAsync(); }
            finally { gate.Release(); }
        }));
    }

    /// <summary>Only the field the benchmark needs; the rest of the event is parsed past.</summary>
    private sealed record Sequenced(long Sequence);

    private sealed class Receipts
    {
        private readonly Lock _gate = new();
        private Dictionary<long, (long First, int Copies)> _bySequence = [];

        public void Add(long sequence, long timestamp)
        {
            lock (_gate)
                _bySequence[sequence] = _bySequence.TryGetValue(sequence, out var seen) ? (seen.First, seen.Copies + 1) : (timestamp, 1);
        }

        public (long Distinct, long Messages) Count()
        {
            lock (_gate) return (_bySequence.Count, _bySequence.Values.Sum(v => (long)v.Copies));
        }

        public Dictionary<long, (long First, int Copies)> TakeAll()
        {
            lock (_gate)
            {
                var all = _bySequence;
                _bySequence = [];
                return all;
            }
        }
    }
}
