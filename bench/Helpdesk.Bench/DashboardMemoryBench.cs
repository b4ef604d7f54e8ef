using System.Diagnostics;
using Helpdesk.Web.Realtime;

namespace Helpdesk.Bench;

/// <summary>
/// memory: what one open agent dashboard costs the server. The real Helpdesk.Web runs in this
/// process; Chromium (driven by the client process) opens N dashboards, one browser context and
/// sign-in each; the server's managed heap (after full collections) and working set are read
/// before and after, divided by N. Baselines in the same run: the same N contexts on a live page
/// without the queue (the app's /not-found page: same layout, same circuit machinery), and N bare
/// SignalR connections to a bare hub.
/// </summary>
public static class DashboardMemoryBench
{
    private const string Agent = "lead@helpdesk.test";
    private const string Password = Helpdesk.Core.Data.DemoData.DemoAccounts.Password;
    private const string QueueRow = ".hd-grid a[data-ticket]";
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(Section section, bool quick)
    {
        int[] sizes = quick ? [10] : [20, 50];
        await using var app = await LiveApp.StartAsync(demoTickets: 200);
        await using var raw = await RawHubServer.StartAsync();
        await using var clients = await ClientProcess.StartAsync();
        var live = app.Get<LiveFeed>();
        var baseUrl = app.BaseUrl.ToString();

        section.Setup.Add($"Server: the real Helpdesk.Web in the bench process (WebApplicationFactory<Program> on Kestrel, environment Development, SQLite with the operator's default 200 demo tickets), " +
                          $"{(System.Runtime.GCSettings.IsServerGC ? "server GC (as the app's own runtimeconfig)" : "workstation GC (the app's own runtimeconfig says server GC; DOTNET_gcServer=1 to match)")}. " +
                          "Chromium (/usr/bin/chromium, TESTING.md's flags) is driven by bench/Helpdesk.Bench.Clients, a second process: its memory is not in these figures.");
        section.Setup.Add($"Each dashboard is a new browser context that signs in as {Agent} through the real form and lands on / (the live queue, 25 rows of My teams), waiting for body[data-interactive=true] and a queue row. " +
                          "Baselines, same N, same run: the same contexts on /not-found (an interactive page in the same layout: circuit, layout, auth state, but no queue, store or live subscription), " +
                          "and N bare SignalR WebSocket connections to a bare hub in the same process.");
        section.Setup.Add($"Managed heap = GC.GetTotalMemory(true) after GC.Collect, WaitForPendingFinalizers, GC.Collect; working set = Process.WorkingSet64 after an aggressive (decommitting) full collection. Read {Settle.TotalSeconds:0} s after the last page is live; " +
                          "before = just before opening (warm-up: 2 dashboards and 2 plain pages opened and closed first). Closing = each page navigates to about:blank (Blazor's unload beacon ends the circuit), then its context closes.");

        // Warm-up: JIT, caches, pools, first Chromium start.
        await clients.SendAsync($"BROWSE warm {baseUrl} 2 {Agent} {Password} / {QueueRow}");
        await clients.SendAsync($"BROWSE warm {baseUrl} 2 {Agent} {Password} /not-found -");
        await clients.SendAsync($"HUB warm {raw.HubUrl} 20 -");
        await clients.SendAsync("UNBROWSE warm");
        await clients.SendAsync("STOP warm");
        await Task.Delay(Settle);

        var log = new List<string>();
        foreach (var n in sizes)
        {
            var dashboards = await OpenAsync(clients, n, live, log, $"{n} dashboards", $"BROWSE d {baseUrl} {n} {Agent} {Password} / {QueueRow}", "UNBROWSE d");
            var pages = await OpenAsync(clients, n, live, log, $"{n} plain pages", $"BROWSE p {baseUrl} {n} {Agent} {Password} /not-found -", "UNBROWSE p");
            var bare = await OpenAsync(clients, n, live, log, $"{n} bare hub connections", $"HUB b {raw.HubUrl} {n} -", "STOP b");

            section.Rows.Add(new Row($"managed heap per dashboard, N={n}", Kb(dashboards.HeapPer), $"live page without the queue (/not-found), N={n}", Kb(pages.HeapPer), Ratio(dashboards.HeapPer, pages.HeapPer),
                $"the queue adds {Kb(dashboards.HeapPer - pages.HeapPer)} per dashboard to the circuit's own"));
            section.Rows.Add(new Row($"managed heap per dashboard, N={n}", Kb(dashboards.HeapPer), $"bare SignalR connection, N={n}", Kb(bare.HeapPer), Ratio(dashboards.HeapPer, bare.HeapPer), ""));
            section.Rows.Add(new Row($"working set per dashboard, N={n}", Kb(dashboards.WorkingSetPer), $"live page without the queue (/not-found), N={n}", Kb(pages.WorkingSetPer), Ratio(dashboards.WorkingSetPer, pages.WorkingSetPer),
                "working set moves in GC regions and pool blocks: read it as an order of magnitude"));
            section.Rows.Add(new Row($"working set per dashboard, N={n}", Kb(dashboards.WorkingSetPer), $"bare SignalR connection, N={n}", Kb(bare.WorkingSetPer), Ratio(dashboards.WorkingSetPer, bare.WorkingSetPer), ""));
        }
        section.Details.Add(("Readings (heap / working set; circuits open and live-feed watchers as counted in the server)", string.Join("\n", log)));
    }

    private sealed record Opened(double HeapPer, double WorkingSetPer);

    private static async Task<Opened> OpenAsync(ClientProcess clients, int n, LiveFeed live, List<string> log, string what, string open, string close)
    {
        var before = Measure();
        var (circuits0, watchers0) = (CircuitCounter.Open, live.WatcherCount);
        var took = (await clients.SendAsync(open, TimeSpan.FromMinutes(8)))[2];
        await Task.Delay(Settle);
        var after = Measure();
        var (circuits1, watchers1) = (CircuitCounter.Open, live.WatcherCount);
        await GcDumpAsync(what.Replace(' ', '-'));
        await clients.SendAsync(close);
        await Task.Delay(Settle);
        var closed = Measure();
        var (circuits2, watchers2) = (CircuitCounter.Open, live.WatcherCount);
        log.Add($"{what} (opened in {Fmt.Ms(double.Parse(took, Fmt.C))}): before {Mb(before.Heap)} / {Mb(before.WorkingSet)}, open {Mb(after.Heap)} / {Mb(after.WorkingSet)}, " +
                $"closed {Mb(closed.Heap)} / {Mb(closed.WorkingSet)}; circuits {circuits0} -> {circuits1} -> {circuits2}, watchers {watchers0} -> {watchers1} -> {watchers2}");
        return new Opened((after.Heap - before.Heap) / (double)n, (after.WorkingSet - before.WorkingSet) / (double)n);
    }

    private static (long Heap, long WorkingSet) Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        // An aggressive collection also gives free GC regions back to the OS, so the working set that follows
        // is mostly what is live (without it, server GC keeps whatever it grew to, and deltas go negative).
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        return (heap, self.WorkingSet64);
    }

    /// <summary>
    /// With HELPDESK_BENCH_GCDUMP=folder set (and dotnet-gcdump on PATH or in ~/.dotnet/tools), writes a heap
    /// snapshot of this process while the pages are open, to see by type what a page holds
    /// (`dotnet-gcdump report file.gcdump`). Off by default: a dump pauses the process.
    /// </summary>
    private static async Task GcDumpAsync(string name)
    {
        var folder = Environment.GetEnvironmentVariable("HELPDESK_BENCH_GCDUMP");
        if (string.IsNullOrWhiteSpace(folder)) return;
        Directory.CreateDirectory(folder);
        var tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-gcdump");
        var info = new ProcessStartInfo(File.Exists(tool) ? tool : "dotnet-gcdump",
            ["collect", "-p", Environment.ProcessId.ToString(Fmt.C), "-o", Path.Combine(folder, name + ".gcdump")])
        { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var p = Process.Start(info)!;
        await p.WaitForExitAsync();
    }

    /// <summary>A ratio, unless the baseline is within the noise (working-set deltas can be zero or negative).</summary>
    private static string Ratio(double value, double baseline) => baseline > 0 ? Fmt.X(value / baseline) : "n/a (baseline <= 0)";

    private static string Kb(double bytes) => (bytes / 1024).ToString("#,0", Fmt.C) + " KB";
    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", Fmt.C) + " MB";
}
