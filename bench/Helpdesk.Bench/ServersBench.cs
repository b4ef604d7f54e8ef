using System.Diagnostics;
using System.Text;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Tests.Support.Postgres;
using Helpdesk.Tests.Support.Redis;
using Helpdesk.Web.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bench;

/// <summary>
/// servers: commit-to-delivery latency through two app servers (the commit on A, the hub client on
/// B: PostgreSQL NOTIFY wakes B's relay, which reads the event log; the Redis backplane is on),
/// beside the same commit delivered to a hub client of A itself (one server, same PostgreSQL), and a
/// bare SignalR broadcast of the same event, interleaved in one run. PostgreSQL and redis-server are
/// temporary, started by the bench as the tests start them.
/// </summary>
public static class ServersBench
{
    private const string Admin = "admin@helpdesk.test";
    private const int WarmUpSteps = 20;
    // Slow enough that each commit is delivered before the next: this is latency, not throughput.
    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(50);

    public static async Task RunAsync(Section section, bool quick)
    {
        var steps = quick ? 60 : 200;
        await using var redis = await RedisServer.StartNewAsync();
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync();
        try
        {
            var shared = new Dictionary<string, string?>
            {
                ["Database:Provider"] = DatabaseOptions.PostgresProvider,
                ["Database:ConnectionString"] = postgres.ConnectionString(database),
                [RedisBackplane.ConfigurationKey] = redis.Configuration,
            };
            await using var a = await LiveApp.StartAsync(demoTickets: 30, shared);
            await using var b = await LiveApp.StartAsync(demoTickets: 30, shared);
            await using var raw = await RawHubServer.StartAsync();
            await using var clients = await ClientProcess.StartAsync();
            var admin = await a.CallerAsync(Admin);
            var tickets = await TicketsAsync(a, admin);

            section.Setup.Add($"Servers: two real Helpdesk.Web apps (WebApplicationFactory<Program> on Kestrel, loopback, logging at Warning) in the bench process, on ONE temporary PostgreSQL {PostgresVersion()} database (initdb'd under /tmp, fsync off) " +
                              $"and ONE temporary redis-server as their SignalR backplane (Redis:Configuration {redis.Configuration}). A seeded 30 demo tickets; B found the database ready.");
            section.Setup.Add($"Each step: one ChangeStatus (In progress <-> Pending) through A's ITicketCommandHandler<T> as {Admin}, round robin over {tickets.Count} tickets; half a pace later the bare hub broadcasts the same TicketEvent. One step every {Fmt.Ms(Pace.TotalMilliseconds)}; {WarmUpSteps} warm-up steps, then {steps} measured.");
            section.Setup.Add($"Hub clients: bench/Helpdesk.Bench.Clients (a second process), one WebSocket connection signed in as {Admin} to B's {TicketsHub.Url} (two servers), one to A's (one server: the event from the committing server's own stream), one to the bare hub. " +
                              "Latency = first arrival (client Stopwatch, same monotonic clock) minus the moment A published the committed event (right after tx.CommitAsync); for the bare hub minus the moment just before SendAsync.");

            await clients.SendAsync($"HUB two {b.Url(TicketsHub.Url)} 1 {Cookie(await b.SignInCookieAsync(Admin))}");
            await clients.SendAsync($"HUB one {a.Url(TicketsHub.Url)} 1 {Cookie(await a.SignInCookieAsync(Admin))}");
            await clients.SendAsync($"HUB raw {raw.HubUrl} 1 -");
            await RunAsync(a, raw, clients, admin, tickets, WarmUpSteps, measure: false);
            var (two, one, bare) = await RunAsync(a, raw, clients, admin, tickets, steps, measure: true);
            foreach (var label in new[] { "two", "one", "raw" }) await clients.SendAsync($"STOP {label}");

            foreach (var (name, p) in new (string, double)[] { ("p50", 50), ("p95", 95), ("max", 100) })
            {
                var rawValue = Stats.Percentile(bare.Latencies, p);
                foreach (var (who, d) in new[] { ("two servers (PostgreSQL NOTIFY + Redis backplane)", two), ("one server, same PostgreSQL", one) })
                {
                    var v = Stats.Percentile(d.Latencies, p);
                    section.Rows.Add(new Row($"commit to delivery, {who}, {name}", Fmt.Ms(v), "bare SignalR broadcast, same payload", Fmt.Ms(rawValue), Fmt.X(v / rawValue),
                        d == two && name == "p50" ? $"{Fmt.X(v / Stats.Percentile(one.Latencies, p))} the one-server figure" : ""));
                }
            }
            section.Details.Add(("Distributions",
                $"two servers: {two.Describe()}\none server:  {one.Describe()}\nbare:        {bare.Describe()}"));
            foreach (var (who, d) in new[] { ("two servers", two), ("one server", one), ("bare hub", bare) })
                if (d.Missing > 0) section.Findings.Add($"{who}: {d.Missing} of {steps} events never arrived.");
            await clients.SendAsync("QUIT", TimeSpan.FromSeconds(60)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        finally
        {
            await postgres.DropDatabaseAsync(database);
        }
    }

    private static string Cookie(string header) => Convert.ToBase64String(Encoding.UTF8.GetBytes(header));

    private static string PostgresVersion() => Path.GetFileName(Path.GetDirectoryName(PostgresServer.BinDirectory)) ?? "";

    private static async Task<(FanOutBench.Deliveries Two, FanOutBench.Deliveries One, FanOutBench.Deliveries Raw)> RunAsync(
        LiveApp a, RawHubServer raw, ClientProcess clients, Caller admin, List<(int Number, TicketStatus Status)> tickets, int steps, bool measure)
    {
        var committed = new Dictionary<long, long>();
        var broadcast = new Dictionary<long, long>();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < steps; i++)
        {
            await WaitUntilAsync(start, Pace * i);
            var last = a.Commits.LastSequence;
            var (number, status) = tickets[i % tickets.Count];
            var to = status == TicketStatus.InProgress ? TicketStatus.Pending : TicketStatus.InProgress;
            await SendAsync(a, admin, new ChangeStatus(number, to));
            tickets[i % tickets.Count] = (number, to);
            var published = a.Commits.After(last);
            if (published.Count != 1) throw new InvalidOperationException($"Expected one event from the step, got {published.Count}.");
            var (at, e) = published[0];
            committed[e.Sequence] = at;

            await WaitUntilAsync(start, Pace * i + Pace / 2);
            var sendAt = Stopwatch.GetTimestamp();
            await raw.Hub.Clients.All.SendAsync("TicketChanged", e);
            broadcast[e.Sequence] = sendAt;
        }
        foreach (var label in new[] { "two", "one" }) await FanOutBench.DrainAsync(clients, label, 1, committed.Count);
        await FanOutBench.DrainAsync(clients, "raw", 1, broadcast.Count);
        var result = (await FanOutBench.Deliveries.CollectAsync(clients, "two", 1, committed, measure),
            await FanOutBench.Deliveries.CollectAsync(clients, "one", 1, committed, measure),
            await FanOutBench.Deliveries.CollectAsync(clients, "raw", 1, broadcast, measure));
        a.Commits.Clear();
        return result;
    }

    /// <summary>Four open Service desk tickets, put In progress, to toggle.</summary>
    private static async Task<List<(int Number, TicketStatus Status)>> TicketsAsync(LiveApp app, Caller admin)
    {
        await using var db = await app.Get<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        var team = await db.Teams.Where(t => t.Name == "Service desk").Select(t => t.Id).SingleAsync();
        var numbers = await db.Tickets.AsNoTracking().Where(t => t.IsOpen && !t.IsArchived && t.TeamId == team)
            .OrderBy(t => t.Number).Select(t => new { t.Number, t.Status }).Take(4).ToListAsync();
        if (numbers.Count < 4) throw new InvalidOperationException("The demo data has fewer than 4 open Service desk tickets.");
        foreach (var t in numbers.Where(t => t.Status != TicketStatus.InProgress))
            await SendAsync(app, admin, new ChangeStatus(t.Number, TicketStatus.InProgress));
        return [.. numbers.Select(t => (t.Number, TicketStatus.InProgress))];
    }

    private static async Task WaitUntilAsync(long start, TimeSpan offset)
    {
        var wait = offset - Stopwatch.GetElapsedTime(start);
        if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
    }

    private static async Task SendAsync<T>(LiveApp app, Caller caller, T command)
    {
        var result = await app.Services.GetRequiredService<ITicketCommandHandler<T>>().HandleAsync(caller, command);
        if (!result.Succeeded) throw new InvalidOperationException($"{typeof(T).Name} failed: {result.Error?.Message}");
    }
}
