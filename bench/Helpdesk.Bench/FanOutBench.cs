using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Web.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bench;

/// <summary>
/// fanout: commit-to-delivery latency of a ticket change to N hub clients of /hubs/tickets, beside a
/// bare SignalR broadcast of the very same event object to N clients of a bare hub, interleaved in
/// one run. The app is the real Helpdesk.Web in this process; the clients are another process.
/// </summary>
public static class FanOutBench
{
    private const string Admin = "admin@helpdesk.test";
    /// <summary>An agent of one team (Service desk), for the one-copy comparison.</summary>
    private const string Agent = "dana@helpdesk.test";
    private const int WarmUpSteps = 20;
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(20);

    public static async Task RunAsync(Section section, bool quick)
    {
        int[] sizes = quick ? [50] : [100, 500];
        var steps = quick ? 60 : 200;

        await using var app = await LiveApp.StartAsync(demoTickets: 30);
        await using var raw = await RawHubServer.StartAsync();
        await using var clients = await ClientProcess.StartAsync();
        var admin = await app.CallerAsync(Admin);
        var cookie = Convert.ToBase64String(Encoding.UTF8.GetBytes(await app.SignInCookieAsync(Admin)));
        var hubUrl = app.Url(TicketsHub.Url);
        var agent = await app.CallerAsync(Agent);
        var agentCookie = Convert.ToBase64String(Encoding.UTF8.GetBytes(await app.SignInCookieAsync(Agent)));
        var script = await Script.PrepareAsync(app, admin, agent);

        section.Setup.Add($"Server: the real Helpdesk.Web (WebApplicationFactory<Program> on Kestrel, loopback, environment Development, logging at Warning) with its own SQLite file and 30 demo tickets, in the bench process ({GcMode()}). " +
                          $"Clients: bench/Helpdesk.Bench.Clients, a second process (pid {clients.Pid}, workstation GC): N WebSocket connections to {TicketsHub.Url} signed in as {Admin} (then, in a second run, as {Agent}; cookie from the real sign-in form), and N to the bare hub.");
        section.Setup.Add($"Each step runs one command through the app's ITicketCommandHandler<T> as the admin (ChangeStatus In progress <-> Pending and a public AddComment, alternating over {script.Tickets} Service desk tickets nobody involved files or works); " +
                          $"{Fmt.Ms(Pace.TotalMilliseconds / 2)} later the bare hub broadcasts the same TicketEvent object (IHubContext<RawHub>.Clients.All.SendAsync(\"TicketChanged\", e)). One step every {Fmt.Ms(Pace.TotalMilliseconds)}; {WarmUpSteps} warm-up steps, then {steps} measured.");
        section.Setup.Add("Latency = first arrival at a connection (Stopwatch.GetTimestamp() first thing in the client's handler) minus, for ours, the moment TicketWriter published the committed event " +
                          "(an IEventStream wrapper registered in the bench's service graph: Publish is called right after tx.CommitAsync), for the bare hub the moment just before SendAsync. Percentiles over every (event, connection).");
        section.Setup.Add(await ClockCheckAsync(clients));

        var cpuRows = new List<string>();
        // The admin (the brief's audience: "admins" group, and agent in every team) gets each event once per group it
        // is in; the one-team agent gets it once. Same harness, each beside its own bare broadcast: the difference
        // between the two ratios is what the duplicate copies cost.
        (string Who, string Cookie)[] audiences = [($"{Admin}, 2 copies", cookie), ($"{Agent}, 1 copy", agentCookie)];
        foreach (var n in sizes)
            foreach (var (who, audienceCookie) in audiences)
            {
                await clients.SendAsync($"HUB ours {hubUrl} {n} {audienceCookie}");
                await clients.SendAsync($"HUB raw {raw.HubUrl} {n} -");
                await RunStepsAsync(app, raw, clients, script, admin, WarmUpSteps, n, measure: false);
                var cpu0 = (Server: ServerCpuMs(), Client: await clients.CpuMsAsync());
                var run = await RunStepsAsync(app, raw, clients, script, admin, steps, n, measure: true);
                var cpu1 = (Server: ServerCpuMs(), Client: await clients.CpuMsAsync());
                await clients.SendAsync("STOP ours");
                await clients.SendAsync("STOP raw");

                var ours = run.Ours;
                var bare = run.Raw;
                foreach (var (name, p) in new (string, double)[] { ("p50", 50), ("p95", 95), ("p99", 99) })
                {
                    var a = Stats.Percentile(ours.Latencies, p);
                    var b = Stats.Percentile(bare.Latencies, p);
                    section.Rows.Add(new Row($"commit to delivery, N={n} ({who}), {name}", Fmt.Ms(a), $"bare SignalR broadcast, same payload, N={n}", Fmt.Ms(b), Fmt.X(a / b),
                        name == "p95" ? Reading(a / b) : ""));
                }
                section.Details.Add(($"N={n}, {who}: distribution and what arrived",
                    $"ours: {ours.Describe()}\n" +
                    $"bare: {bare.Describe()}\n" +
                    $"handler returned after the commit (publish to return): p50 {Fmt.Ms(Stats.P50(run.CommitToReturn))}, p95 {Fmt.Ms(Stats.P95(run.CommitToReturn))}\n" +
                    $"payload: one TicketEvent (row + previous row) = {run.PayloadBytes} bytes of JSON; steps paced {Fmt.Ms(Pace.TotalMilliseconds)}, actual {Fmt.Ms(run.ElapsedMs / steps)} per step\n" +
                    $"CPU during the measured steps ({Fmt.Ms(run.ElapsedMs)} wall): server process {Fmt.Ms(cpu1.Server - cpu0.Server)}, client process {Fmt.Ms(cpu1.Client - cpu0.Client)} (2 cores = {Fmt.Ms(2 * run.ElapsedMs)} available)"));
                cpuRows.Add($"N={n} {who}: server {Fmt.Pct((cpu1.Server - cpu0.Server) / (2 * run.ElapsedMs))} of 2 cores, clients {Fmt.Pct((cpu1.Client - cpu0.Client) / (2 * run.ElapsedMs))}, " +
                            $"{Fmt.Ms(run.ElapsedMs / steps)} per step; copies per (event, connection) ours {ours.CopiesPerDelivery:0.00}, bare {bare.CopiesPerDelivery:0.00}");
                if (ours.Missing > 0 || bare.Missing > 0)
                    section.Findings.Add($"N={n}, {who}: {ours.Missing} of ours and {bare.Missing} of the bare hub's (event, connection) deliveries never arrived.");
            }
        section.Setup.Add("CPU while measuring: " + string.Join("; ", cpuRows) + ".");

        var isolated = await IsolatedCpuAsync(app, raw, clients, script, admin, hubUrl, cookie, agentCookie, quick ? 50 : 100, steps);
        section.Details.Add(("Where the server's CPU goes (one path at a time, no interleaving)", isolated));
        await clients.SendAsync("QUIT", TimeSpan.FromSeconds(60)).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private static string Reading(double ratio) => ratio switch
    {
        < 1.5 => "our path adds little to SignalR's own delivery",
        < 3 => "our path costs up to 3x a bare broadcast: see the details for where",
        _ => "our path is several times slower than a bare broadcast: see the details for where",
    };

    private static string GcMode() => System.Runtime.GCSettings.IsServerGC ? "server GC, as the app's own runtimeconfig" : "workstation GC; the app's own runtimeconfig says server GC (DOTNET_gcServer=1 to match)";

    private static double ServerCpuMs() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

    /// <summary>
    /// Checks that a client timestamp always falls between the server's timestamps taken just before
    /// sending CLOCK and just after reading the answer. Stopwatch on Linux reads CLOCK_MONOTONIC
    /// (nanoseconds since boot, one clock for every process on the machine).
    /// </summary>
    private static async Task<string> ClockCheckAsync(ClientProcess clients)
    {
        if (clients.Frequency != Stopwatch.Frequency)
            throw new InvalidOperationException($"Stopwatch frequencies differ: server {Stopwatch.Frequency}, clients {clients.Frequency}.");
        var inside = 0;
        var rounds = 50;
        var trips = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var before = Stopwatch.GetTimestamp();
            var client = long.Parse((await clients.SendAsync("CLOCK"))[1], Fmt.C);
            var after = Stopwatch.GetTimestamp();
            if (before <= client && client <= after) inside++;
            trips.Add((after - before) * 1000.0 / Stopwatch.Frequency);
        }
        if (inside != rounds) throw new InvalidOperationException($"The client's Stopwatch fell outside the server's window in {rounds - inside} of {rounds} round trips: the processes do not share a clock.");
        return $"Clock: both processes' Stopwatch run at {Stopwatch.Frequency:#,0} ticks/s (CLOCK_MONOTONIC on Linux); in {inside}/{rounds} round trips the client's reading fell between the server's before and after readings (round trip p50 {Fmt.Ms(Stats.P50(trips))}), so timestamps compare across the two processes.";
    }

    private sealed record StepRun(Deliveries Ours, Deliveries Raw, List<double> CommitToReturn, int PayloadBytes, double ElapsedMs);

    /// <summary>One step = one command on our path, then half a pace later the bare broadcast of the event it produced.</summary>
    private static async Task<StepRun> RunStepsAsync(LiveApp app, RawHubServer raw, ClientProcess clients, Script script, Caller admin, int steps, int n, bool measure)
    {
        var oursSent = new Dictionary<long, long>();
        var rawSent = new Dictionary<long, long>();
        var commitToReturn = new List<double>();
        var payload = 0;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < steps; i++)
        {
            await WaitUntilAsync(start, Pace * i);
            var last = app.Commits.LastSequence;
            await script.StepAsync(app, admin);
            var returned = Stopwatch.GetTimestamp();
            var published = app.Commits.After(last);
            if (published.Count != 1) throw new InvalidOperationException($"Expected one event from the step, got {published.Count}.");
            var (at, e) = published[0];
            oursSent[e.Sequence] = at;
            commitToReturn.Add((returned - at) * 1000.0 / Stopwatch.Frequency);
            if (payload == 0) payload = JsonSerializer.SerializeToUtf8Bytes(e, JsonSerializerOptions.Web).Length;

            await WaitUntilAsync(start, Pace * i + Pace / 2);
            var sendAt = Stopwatch.GetTimestamp();
            await raw.Hub.Clients.All.SendAsync("TicketChanged", e);
            rawSent[e.Sequence] = sendAt;
        }
        var elapsed = Stats.ElapsedMs(start);
        await DrainAsync(clients, "ours", n, oursSent.Count);
        await DrainAsync(clients, "raw", n, rawSent.Count);
        var ours = await Deliveries.CollectAsync(clients, "ours", n, oursSent, measure);
        var bare = await Deliveries.CollectAsync(clients, "raw", n, rawSent, measure);
        app.Commits.Clear();
        return new StepRun(ours, bare, commitToReturn, payload, elapsed);
    }

    private static async Task WaitUntilAsync(long start, TimeSpan offset)
    {
        var wait = offset - Stopwatch.GetElapsedTime(start);
        if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
    }

    private static async Task<(long Distinct, long Messages)> CountAsync(ClientProcess clients, string label)
    {
        var answer = await clients.SendAsync($"COUNT {label}");
        return (long.Parse(answer[2], Fmt.C), long.Parse(answer[3], Fmt.C));
    }

    /// <summary>Waits until every connection has every event, or nothing new arrived for 5 s.</summary>
    internal static async Task DrainAsync(ClientProcess clients, string label, int n, int events)
    {
        long expected = (long)n * events, seen = -1;
        var quiet = Stopwatch.StartNew();
        while (quiet.Elapsed < TimeSpan.FromSeconds(5))
        {
            var distinct = long.Parse((await clients.SendAsync($"COUNT {label}"))[2], Fmt.C);
            if (distinct >= expected) return;
            if (distinct != seen) quiet.Restart();
            seen = distinct;
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The server's CPU per event on each path alone, at one N: our path with no client connected
    /// (the commit and the bookkeeping), our path with N clients, the bare broadcast with N clients.
    /// Each is measured over its steps minus an idle window of the same length just before (same
    /// connections open), because the process also burns CPU when no event flows.
    /// </summary>
    private static async Task<string> IsolatedCpuAsync(LiveApp app, RawHubServer raw, ClientProcess clients, Script script, Caller admin, string hubUrl, string cookie, string agentCookie, int n, int steps)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"N={n}, {steps} events per path, one every {Fmt.Ms(Pace.TotalMilliseconds)}; CPU per event = (CPU over the steps - mean CPU of the idle windows as long just before and after) / steps.");
        sb.AppendLine("Whole-process CPU on a shared machine: the phases run one after another, not interleaved, and repeat runs differ by about 1 ms per event; read only large differences.");
        sb.AppendLine("                                     server process   client process");
        var alone = await PathCpuAsync(clients, steps, () => script.StepAsync(app, admin));
        sb.AppendLine($"  our path, no client connected:     {Fmt.Ms(alone.Server),14}   {Fmt.Ms(alone.Client),14}   (commit, event stream, LiveFeed and HubFanOut over empty groups)");
        await clients.SendAsync($"HUB ours {hubUrl} {n} {cookie}");
        var ours = await PathCpuAsync(clients, steps, () => script.StepAsync(app, admin));
        await clients.SendAsync("STOP ours");
        sb.AppendLine($"  our path, {n,3} admin connections:   {Fmt.Ms(ours.Server),14}   {Fmt.Ms(ours.Client),14}   (2 copies per connection: admins + team group)");
        await clients.SendAsync($"HUB one {hubUrl} {n} {agentCookie}");
        var one = await PathCpuAsync(clients, steps, () => script.StepAsync(app, admin));
        var (oneDistinct, oneMessages) = await CountAsync(clients, "one");
        await clients.SendAsync("STOP one");
        sb.AppendLine($"  our path, {n,3} agent connections:   {Fmt.Ms(one.Server),14}   {Fmt.Ms(one.Client),14}   ({Agent}, Service desk only: {(double)oneMessages / Math.Max(1, oneDistinct):0.00} copies per connection)");
        await clients.SendAsync($"HUB raw {raw.HubUrl} {n} -");
        var last = app.Commits.LastSequence;
        await script.StepAsync(app, admin);
        var e = app.Commits.After(last)[0].Event;
        var bare = await PathCpuAsync(clients, steps, () => raw.Hub.Clients.All.SendAsync("TicketChanged", e));
        await clients.SendAsync("STOP raw");
        app.Commits.Clear();
        sb.AppendLine($"  bare broadcast, {n,3} connections:   {Fmt.Ms(bare.Server),14}   {Fmt.Ms(bare.Client),14}");
        sb.AppendLine($"  => our fan-out's server CPU beyond the commit: admins {Fmt.Ms(ours.Server - alone.Server)} per event ({Fmt.X((ours.Server - alone.Server) / bare.Server)} the bare broadcast's), " +
                      $"one-team agents {Fmt.Ms(one.Server - alone.Server)} ({Fmt.X((one.Server - alone.Server) / bare.Server)});");
        sb.Append($"     client CPU: admins {Fmt.X(ours.Client / bare.Client)}, agents {Fmt.X(one.Client / bare.Client)} the bare hub's.");
        return sb.ToString();
    }

    private static async Task<(double Server, double Client)> PathCpuAsync(ClientProcess clients, int steps, Func<Task> step)
    {
        var window = Pace * steps + TimeSpan.FromSeconds(1);
        async Task<(double Server, double Client)> Cpu() => (ServerCpuMs(), await clients.CpuMsAsync());
        await Task.Delay(TimeSpan.FromSeconds(3)); // connection set-up and tear-down tails
        var idle0 = await Cpu();
        await Task.Delay(window);
        var active0 = await Cpu();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < steps; i++)
        {
            await WaitUntilAsync(start, Pace * i);
            await step();
        }
        await WaitUntilAsync(start, window); // the last deliveries land within the extra second
        var active1 = await Cpu();
        await Task.Delay(window);
        var idle1 = await Cpu();
        // Idle = the mean of the windows just before and just after, each as long as the active one.
        double PerEvent(double a0, double a1, double i0, double i1) => Math.Max(0, (a1 - a0) - ((a0 - i0) + (i1 - a1)) / 2) / steps;
        return (PerEvent(active0.Server, active1.Server, idle0.Server, idle1.Server), PerEvent(active0.Client, active1.Client, idle0.Client, idle1.Client));
    }

    /// <summary>What one label's connections received, as latencies from the send (or commit) timestamps.</summary>
    internal sealed class Deliveries
    {
        public List<double> Latencies { get; } = [];
        public long Missing { get; private set; }
        public long Copies { get; private set; }
        public double CopiesPerDelivery => Latencies.Count == 0 ? 0 : (double)Copies / Latencies.Count;

        public static async Task<Deliveries> CollectAsync(ClientProcess clients, string label, int n, Dictionary<long, long> sent, bool measure)
        {
            var file = Path.Combine(Path.GetTempPath(), $"helpdesk-bench-{label}-{Guid.NewGuid():N}.txt");
            await clients.SendAsync($"DUMP {label} {file}");
            var result = new Deliveries();
            try
            {
                if (!measure) return result;
                long found = 0;
                foreach (var line in File.ReadLines(file))
                {
                    var p = line.Split(' ');
                    var sequence = long.Parse(p[1], Fmt.C);
                    if (!sent.TryGetValue(sequence, out var at)) continue; // another event (not one of this run's)
                    var first = long.Parse(p[2], Fmt.C);
                    result.Latencies.Add((first - at) * 1000.0 / Stopwatch.Frequency);
                    result.Copies += int.Parse(p[3], Fmt.C);
                    found++;
                }
                result.Missing = (long)n * sent.Count - found;
                return result;
            }
            finally
            {
                File.Delete(file);
            }
        }

        public string Describe() =>
            $"{Fmt.N(Latencies.Count)} deliveries (missing {Missing}), {CopiesPerDelivery:0.00} copies each; " +
            $"min {Fmt.Ms(Latencies.Min())}, p50 {Fmt.Ms(Stats.P50(Latencies))}, p90 {Fmt.Ms(Stats.Percentile(Latencies, 90))}, p95 {Fmt.Ms(Stats.P95(Latencies))}, " +
            $"p99 {Fmt.Ms(Stats.P99(Latencies))}, max {Fmt.Ms(Stats.Max(Latencies))}";
    }

    /// <summary>The commands: per ticket, a status change (In progress <-> Pending) then a public reply, round robin.</summary>
    private sealed class Script
    {
        private readonly List<(int Number, TicketStatus Status)> _tickets;
        private int _step;

        private Script(List<(int, TicketStatus)> tickets) => _tickets = tickets;

        public int Tickets => _tickets.Count;

        public static async Task<Script> PrepareAsync(LiveApp app, Caller admin, Caller agent)
        {
            await using var db = await app.Get<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
            var team = agent.TeamIds.Single();
            var followed = db.Collaborators.Select(c => c.TicketId);
            // Tickets of the agent's one team that neither the admin nor the agent files or works, with no collaborators:
            // an admin connection gets each event through the "admins" group and the team's group, an agent's through the team's only.
            var numbers = await db.Tickets.AsNoTracking()
                .Where(t => t.IsOpen && !t.IsArchived && t.TeamId == team && !followed.Contains(t.Id)
                            && t.RequesterId != admin.UserId && t.AssigneeId != admin.UserId && t.RequesterId != agent.UserId && t.AssigneeId != agent.UserId)
                .OrderBy(t => t.Number).Select(t => new { t.Number, t.Status }).Take(4).ToListAsync();
            if (numbers.Count < 4) throw new InvalidOperationException("The demo data has fewer than 4 open tickets to work on.");
            var tickets = new List<(int, TicketStatus)>();
            foreach (var t in numbers)
            {
                if (t.Status != TicketStatus.InProgress)
                    await SendAsync(app, admin, new ChangeStatus(t.Number, TicketStatus.InProgress));
                tickets.Add((t.Number, TicketStatus.InProgress));
            }
            return new Script(tickets);
        }

        public Task StepAsync(LiveApp app, Caller admin)
        {
            var step = _step++;
            var index = step / 2 % _tickets.Count;
            var (number, status) = _tickets[index];
            if (step % 2 == 1)
                return SendAsync(app, admin, new AddComment(number, $"Bench reply {step}: we are on it."));
            var to = status == TicketStatus.InProgress ? TicketStatus.Pending : TicketStatus.InProgress;
            _tickets[index] = (number, to);
            return SendAsync(app, admin, new ChangeStatus(number, to));
        }

        private static async Task SendAsync<T>(LiveApp app, Caller caller, T command)
        {
            var result = await app.Services.GetRequiredService<ITicketCommandHandler<T>>().HandleAsync(caller, command);
            if (!result.Succeeded) throw new InvalidOperationException($"{typeof(T).Name} failed: {result.Error?.Message}");
        }
    }
}
