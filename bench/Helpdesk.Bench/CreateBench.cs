using System.Diagnostics;
using System.Text.Json;
using Queue = System.Threading.Channels;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bench;

/// <summary>
/// Scenario "create": tickets through the real command path (ITicketCommandHandler&lt;CreateTicket&gt;
/// -> TicketWriter -> WriteGate, audit, event log) beside raw Microsoft.Data.Sqlite inserts of the
/// same rows, on twin files migrated the same way, in the same run.
/// </summary>
public static class CreateBench
{
    public sealed record Seed(int TeamId, int CategoryId, int RequesterId, string TeamName, string CategoryName, string RequesterName, string? Department);

    private sealed record Sample(double[] LatenciesMs, double WallMs, int Ok, int Locked, int Other, string? FirstError);

    public static async Task RunAsync(Section s, bool quick)
    {
        var single = quick ? 600 : 3000;
        const int rounds = 3;
        var warm = quick ? 100 : 300;
        const int writers = 50;
        var perWriter = quick ? 15 : 60; // in 3 rounds

        var dir = Directory.CreateTempSubdirectory("helpdesk-bench-create-").FullName;
        var corePath = Path.Combine(dir, "core.db");
        var rawPath = Path.Combine(dir, "raw.db");
        try
        {
            await using var core = await CoreHost.StartAsync(corePath);
            var seed = await SeedAsync(core);
            string rawCs;
            Seed rawSeed;
            await using (var twin = await CoreHost.StartAsync(rawPath)) // same migrations, WAL, pragmas
            {
                rawSeed = await SeedAsync(twin);
                rawCs = twin.ConnectionString;
            }
            var handler = core.Get<ITicketCommandHandler<CreateTicket>>();
            var rawNumbers = new NumberSource();
            string journal, sync;
            using (var c = Raw.Open(rawCs))
            {
                journal = Raw.Scalar<string>(c, "PRAGMA journal_mode;");
                sync = Raw.Scalar<string>(c, "PRAGMA synchronous;");
            }
            s.Setup.Add($"Twin temp SQLite files under {Path.GetTempPath()}, both migrated by DatabaseInitializer; journal_mode={journal}, synchronous={sync} (SQLite default, as Core leaves it), foreign_keys=ON, busy_timeout=10000 on every connection.");
            s.Setup.Add("Core path: ServiceCollection + AddLogging() (no providers) + AddHelpdeskCore, ITicketCommandHandler<CreateTicket>.HandleAsync(Caller.System, ...).");
            s.Setup.Add("Raw baseline: Microsoft.Data.Sqlite, prepared commands, per ticket BEGIN IMMEDIATE + ticket row (RETURNING Id) + event row (TicketRow JSON) + 2 audit rows + COMMIT.");

            // --- Warm-up (JIT, EF model and query caches, SQLite page cache) ---
            var n = 0;
            for (var i = 0; i < warm; i++) await CoreCreateAsync(handler, seed, n++);
            using (var w = new RawTicketWriter(rawCs, rawSeed, rawNumbers))
                for (var i = 0; i < warm; i++) w.Create(Data(rawSeed, i));

            // --- One writer: alternate raw and Core blocks so drift hits both ---
            var coreLat = new List<double>(single);
            var rawLat = new List<double>(single);
            double coreWall = 0, rawWall = 0;
            using (var w = new RawTicketWriter(rawCs, rawSeed, rawNumbers))
            {
                for (var r = 0; r < rounds; r++)
                {
                    var block = single / rounds;
                    var t0 = Stopwatch.GetTimestamp();
                    for (var i = 0; i < block; i++)
                    {
                        var t = Stopwatch.GetTimestamp();
                        w.Create(Data(rawSeed, i));
                        rawLat.Add(Stats.ElapsedMs(t));
                    }
                    rawWall += Stats.ElapsedMs(t0);

                    t0 = Stopwatch.GetTimestamp();
                    for (var i = 0; i < block; i++)
                    {
                        var t = Stopwatch.GetTimestamp();
                        await CoreCreateAsync(handler, seed, n++);
                        coreLat.Add(Stats.ElapsedMs(t));
                    }
                    coreWall += Stats.ElapsedMs(t0);
                }
            }
            var coreRate = coreLat.Count / (coreWall / 1000);
            var rawRate = rawLat.Count / (rawWall / 1000);

            // The row re-read after COMMIT (TicketWriter.ExecuteAsync's return value) on its own: one query + connection re-open + PRAGMAs.
            var reread = new List<double>();
            await using (var db = await core.Get<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync())
            {
                var ids = await db.Tickets.OrderByDescending(t => t.Id).Select(t => t.Id).Take(500).ToListAsync();
                foreach (var (id, k) in ids.Select((id, k) => (id, k)))
                {
                    var t = Stopwatch.GetTimestamp();
                    await TicketRows.For(db).SingleAsync(r => r.Id == id);
                    if (k >= 50) reread.Add(Stats.ElapsedMs(t));
                }
            }

            // What one Core create writes and sends, counted on a separate (instrumented) provider.
            var perCreate = await CountStatementsAsync(Path.Combine(dir, "capture.db"), warm, quick ? 200 : 500);
            int auditPerTicket, eventsPerTicket;
            using (var c = Raw.Open(core.ConnectionString))
            {
                var tickets = Raw.Scalar<long>(c, "SELECT COUNT(*) FROM Tickets");
                auditPerTicket = (int)Math.Round(Raw.Scalar<long>(c, "SELECT COUNT(*) FROM Audit") / (double)tickets);
                eventsPerTicket = (int)Math.Round(Raw.Scalar<long>(c, "SELECT COUNT(*) FROM TicketEvents") / (double)tickets);
            }
            s.Setup.Add($"Core wrote per create: 1 ticket, {eventsPerTicket} event row(s), {auditPerTicket} audit row(s); it sent {perCreate.Statements} SQL commands over {perCreate.Opens} connection open(s) (each open also runs the PRAGMA interceptor).");

            s.Rows.Add(new Row($"Core create, 1 writer ({Fmt.N(coreLat.Count)} tickets)", Fmt.Rate(coreRate),
                "raw insert, 1 writer, same rows", Fmt.Rate(rawRate), Fmt.X(coreRate / rawRate),
                $"the real write path runs at {Fmt.Pct(coreRate / rawRate)} of the raw SQLite rate (ADR figure ~8,800/s raw)."));
            s.Rows.Add(new Row("Core create latency, 1 writer (p50 / p99)", $"{Fmt.Ms(Stats.P50(coreLat))} / {Fmt.Ms(Stats.P99(coreLat))}",
                "raw insert latency (p50 / p99)", $"{Fmt.Ms(Stats.P50(rawLat))} / {Fmt.Ms(Stats.P99(rawLat))}",
                $"{Fmt.X(Stats.P50(coreLat) / Stats.P50(rawLat))} / {Fmt.X(Stats.P99(coreLat) / Stats.P99(rawLat))}",
                $"about {Fmt.Ms(Stats.P50(coreLat) - Stats.P50(rawLat))} of EF/handler work per create on top of the commit."));

            s.Rows.Add(new Row("Core create: re-reading the row after COMMIT (p50)", Fmt.Ms(Stats.P50(reread)),
                "Core create latency (p50)", Fmt.Ms(Stats.P50(coreLat)), Fmt.X(Stats.P50(reread) / Stats.P50(coreLat)),
                "TicketWriter re-queries the TicketRow it already built for the event; reusing it saves this share of every command."));

            // --- 50 concurrent writers: three rounds, each running the three variants in turn ---
            Sample? cc = null, rg = null, rf = null, rb = null;
            for (var r = 0; r < rounds; r++)
            {
                cc = Merge(cc, await CoreConcurrentAsync(handler, seed, writers, perWriter / rounds, n));
                n += writers * (perWriter / rounds);
                rg = Merge(rg, await RawGatedAsync(rawCs, rawSeed, rawNumbers, writers, perWriter / rounds));
                rf = Merge(rf, RawIndependent(rawCs, rawSeed, rawNumbers, writers, perWriter / rounds));
                rb = Merge(rb, await RawGroupCommitAsync(rawCs, rawSeed, rawNumbers, writers, perWriter / rounds));
            }
            Sample coreConc = cc!, rawGate = rg!, rawFree = rf!, rawBatch = rb!;

            double Thr(Sample x) => x.Ok / (x.WallMs / 1000);
            string Lat(Sample x) => $"{Fmt.Ms(Stats.P50(x.LatenciesMs))} / {Fmt.Ms(Stats.P95(x.LatenciesMs))} / {Fmt.Ms(Stats.P99(x.LatenciesMs))}";
            var total = writers * (perWriter / rounds) * rounds;
            s.Rows.Add(new Row($"Core create, {writers} writers x {perWriter}: throughput", Fmt.Rate(Thr(coreConc)),
                $"raw, {writers} callers through one async gate", Fmt.Rate(Thr(rawGate)), Fmt.X(Thr(coreConc) / Thr(rawGate)),
                $"the WriteGate serialises creates, so {writers} callers get {Fmt.X(Thr(coreConc) / coreRate)} Core's own 1-writer rate: they add waiting, not throughput."));
            s.Rows.Add(new Row($"Core create, {writers} writers: latency p50 / p95 / p99", Lat(coreConc),
                "raw through one gate p50 / p95 / p99", Lat(rawGate),
                $"{Fmt.X(Stats.P50(coreConc.LatenciesMs) / Stats.P50(rawGate.LatenciesMs))} / {Fmt.X(Stats.P95(coreConc.LatenciesMs) / Stats.P95(rawGate.LatenciesMs))} / {Fmt.X(Stats.P99(coreConc.LatenciesMs) / Stats.P99(rawGate.LatenciesMs))}",
                $"a create waits behind ~{writers - 1} others in the gate (FIFO), so latency ~ {writers} x service time; max {Fmt.Ms(Stats.Max(coreConc.LatenciesMs))}."));
            s.Rows.Add(new Row($"Core, {writers} writers: 'database is locked' errors", $"{coreConc.Locked} of {Fmt.N(total)}",
                $"raw, {writers} independent connections, BEGIN IMMEDIATE", $"{rawFree.Locked} of {Fmt.N(total)}", "-",
                coreConc.Locked == 0 ? "OK: none (must be 0)." : "FAIL: must be 0."));
            s.Rows.Add(new Row($"Core, {writers} writers: other failures", $"{coreConc.Other} of {Fmt.N(total)}",
                "raw, independent connections: other failures", $"{rawFree.Other}", "-",
                coreConc.Other == 0 ? "none." : $"first: {coreConc.FirstError}"));
            s.Rows.Add(new Row($"raw, {writers} independent connections: throughput; p50 / p95 / p99 / max",
                $"{Fmt.Rate(Thr(rawFree))}; {Lat(rawFree)} / {Fmt.Ms(Stats.Max(rawFree.LatenciesMs))}",
                "raw through one gate", $"{Fmt.Rate(Thr(rawGate))}; max {Fmt.Ms(Stats.Max(rawGate.LatenciesMs))}", Fmt.X(Thr(rawFree) / Thr(rawGate)),
                "without an in-process gate, writers queue on busy_timeout sleeps: the tail is what the WriteGate avoids."));

            s.Rows.Add(new Row($"raw, {writers} callers, one writer, group commit (<= 100 per tx): throughput; p50 / p95 / p99",
                $"{Fmt.Rate(Thr(rawBatch))}; {Lat(rawBatch)}", "raw through one gate, one tx per create", $"{Fmt.Rate(Thr(rawGate))}; {Lat(rawGate)}",
                Fmt.X(Thr(rawBatch) / Thr(rawGate)),
                $"what committing queued creates together buys on this disk: {Fmt.X(Thr(rawBatch) / Thr(coreConc))} Core's current {writers}-writer throughput."));

            if (coreConc.Locked > 0) s.Findings.Add($"{coreConc.Locked} creates failed with 'database is locked' under {writers} writers.");
            s.Setup.Add(perCreate.Breakdown);
            s.Details.Add(("SQL commands of one Core create (instrumented provider, not timed)", perCreate.Listing));
        }
        finally
        {
            Raw.DeleteDatabase(corePath);
            Raw.DeleteDatabase(rawPath);
            Raw.DeleteDatabase(Path.Combine(dir, "capture.db"));
            try { Directory.Delete(dir, true); } catch (IOException) { }
        }
    }

    public static async Task<Seed> SeedAsync(CoreHost h)
    {
        await using var db = await h.Get<IDbContextFactory<HelpdeskDbContext>>().CreateDbContextAsync();
        var team = new Team { Name = "Service Desk", Tier = Tier.L1 };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        var category = new Category { Name = "Email & calendar", DefaultTeamId = team.Id, DefaultTier = Tier.L1 };
        var user = new User
        {
            DisplayName = "Robin Requester", UserName = "robin", NormalizedUserName = "ROBIN",
            Email = "robin@example.test", NormalizedEmail = "ROBIN@EXAMPLE.TEST", Department = "Finance",
            CreatedAt = DateTime.UtcNow, SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Categories.Add(category);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return new Seed(team.Id, category.Id, user.Id, team.Name, category.Name, user.DisplayName, user.Department);
    }

    private static readonly string[] Subjects =
    [
        "Outlook keeps asking for my password", "Shared mailbox not visible", "Calendar invites arrive twice",
        "Cannot send to external addresses", "Mailbox almost full", "Meeting room not bookable",
    ];

    private const string Description =
        "Since this morning Outlook prompts for my password every few minutes, on the laptop and on the phone. " +
        "I changed the password last week as requested. Colleagues in the same office are not affected. " +
        "I need the shared finance mailbox for the month-end close, so this blocks part of my work today.";

    public static NewTicketData Data(Seed s, int i) => new()
    {
        RequesterId = s.RequesterId,
        CategoryId = s.CategoryId,
        Subject = $"{Subjects[i % Subjects.Length]} ({i})",
        Description = Description,
        Impact = (Impact)(i % 3 + 1),
        Urgency = (Urgency)(i / 3 % 3 + 1),
        Channel = (Channel)(i % 5),
    };

    private static async Task CoreCreateAsync(ITicketCommandHandler<CreateTicket> handler, Seed seed, int i)
    {
        var r = await handler.HandleAsync(Caller.System, new CreateTicket(Data(seed, i)));
        if (!r.Succeeded) throw new InvalidOperationException($"Create failed: {r.Error!.Kind} {r.Error.Message}");
    }

    private static Sample Merge(Sample? a, Sample b) => a is null ? b
        : new Sample([.. a.LatenciesMs, .. b.LatenciesMs], a.WallMs + b.WallMs, a.Ok + b.Ok, a.Locked + b.Locked, a.Other + b.Other, a.FirstError ?? b.FirstError);

    private static async Task<Sample> CoreConcurrentAsync(ITicketCommandHandler<CreateTicket> handler, Seed seed, int writers, int perWriter, int start)
    {
        var lat = new double[writers * perWriter];
        int ok = 0, locked = 0, other = 0;
        string? first = null;
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await go.Task;
            for (var j = 0; j < perWriter; j++)
            {
                var i = w * perWriter + j;
                var t = Stopwatch.GetTimestamp();
                try
                {
                    var r = await handler.HandleAsync(Caller.System, new CreateTicket(Data(seed, start + i)));
                    if (r.Succeeded) Interlocked.Increment(ref ok);
                    else { Interlocked.Increment(ref other); Interlocked.CompareExchange(ref first, $"{r.Error!.Kind}: {r.Error.Message}", null); }
                }
                catch (Exception ex) when (ex.ToString().Contains("database is locked", StringComparison.OrdinalIgnoreCase))
                {
                    Interlocked.Increment(ref locked);
                }
                catch (Exception ex)
                {
                    Interlocked.Increment(ref other);
                    Interlocked.CompareExchange(ref first, ex.GetType().Name + ": " + ex.Message, null);
                }
                lat[i] = Stats.ElapsedMs(t);
            }
        })).ToArray();
        var t0 = Stopwatch.GetTimestamp();
        go.SetResult();
        await Task.WhenAll(tasks);
        return new Sample(lat, Stats.ElapsedMs(t0), ok, locked, other, first);
    }

    /// <summary>Same design as Core (one writer, callers queue in an async FIFO gate), raw SQL.</summary>
    private static async Task<Sample> RawGatedAsync(string cs, Seed seed, NumberSource numbers, int writers, int perWriter)
    {
        using var writer = new RawTicketWriter(cs, seed, numbers);
        using var gate = new SemaphoreSlim(1, 1);
        var lat = new double[writers * perWriter];
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await go.Task;
            for (var j = 0; j < perWriter; j++)
            {
                var i = w * perWriter + j;
                var t = Stopwatch.GetTimestamp();
                await gate.WaitAsync();
                try { writer.Create(Data(seed, i)); }
                finally { gate.Release(); }
                lat[i] = Stats.ElapsedMs(t);
            }
        })).ToArray();
        var t0 = Stopwatch.GetTimestamp();
        go.SetResult();
        await Task.WhenAll(tasks);
        return new Sample(lat, Stats.ElapsedMs(t0), lat.Length, 0, 0, null);
    }

    /// <summary>One writer loop commits whatever callers queued (up to 100 per transaction); each caller awaits its own commit.</summary>
    private static async Task<Sample> RawGroupCommitAsync(string cs, Seed seed, NumberSource numbers, int writers, int perWriter)
    {
        using var writer = new RawTicketWriter(cs, seed, numbers);
        var queue = Queue.Channel.CreateUnbounded<(NewTicketData Data, TaskCompletionSource Done)>(new Queue.UnboundedChannelOptions { SingleReader = true });
        var loop = Task.Run(async () =>
        {
            var batch = new List<(NewTicketData Data, TaskCompletionSource Done)>(100);
            while (await queue.Reader.WaitToReadAsync())
            {
                batch.Clear();
                while (batch.Count < 100 && queue.Reader.TryRead(out var item)) batch.Add(item);
                try
                {
                    writer.CreateBatch(batch.Select(b => b.Data));
                    foreach (var b in batch) b.Done.SetResult();
                }
                catch (Exception ex)
                {
                    foreach (var b in batch) b.Done.SetException(ex);
                }
            }
        });
        var lat = new double[writers * perWriter];
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            await go.Task;
            for (var j = 0; j < perWriter; j++)
            {
                var i = w * perWriter + j;
                var t = Stopwatch.GetTimestamp();
                var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                queue.Writer.TryWrite((Data(seed, i), done));
                await done.Task;
                lat[i] = Stats.ElapsedMs(t);
            }
        })).ToArray();
        var t0 = Stopwatch.GetTimestamp();
        go.SetResult();
        await Task.WhenAll(tasks);
        var wall = Stats.ElapsedMs(t0);
        queue.Writer.Complete();
        await loop;
        return new Sample(lat, wall, lat.Length, 0, 0, null);
    }

    /// <summary>No gate: 50 threads, 50 connections, each create its own BEGIN IMMEDIATE; SQLite's busy handler arbitrates.</summary>
    private static Sample RawIndependent(string cs, Seed seed, NumberSource numbers, int writers, int perWriter)
    {
        var lat = new double[writers * perWriter];
        int ok = 0, locked = 0, other = 0;
        string? first = null;
        using var ready = new CountdownEvent(writers);
        using var go = new ManualResetEventSlim();
        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            using var writer = new RawTicketWriter(cs, seed, numbers);
            ready.Signal();
            go.Wait();
            for (var j = 0; j < perWriter; j++)
            {
                var i = w * perWriter + j;
                var t = Stopwatch.GetTimestamp();
                try { writer.Create(Data(seed, i)); Interlocked.Increment(ref ok); }
                catch (SqliteException ex) when (ex.Message.Contains("database is locked", StringComparison.OrdinalIgnoreCase)) { Interlocked.Increment(ref locked); }
                catch (Exception ex) { Interlocked.Increment(ref other); Interlocked.CompareExchange(ref first, ex.Message, null); }
                lat[i] = Stats.ElapsedMs(t);
            }
        }) { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        ready.Wait();
        var t0 = Stopwatch.GetTimestamp();
        go.Set();
        threads.ForEach(t => t.Join());
        return new Sample(lat, Stats.ElapsedMs(t0), ok, locked, other, first);
    }

    private static async Task<(int Statements, int Opens, string Listing, string Breakdown)> CountStatementsAsync(string path, int warm, int count)
    {
        var capture = new CommandCapture();
        await using var h = await CoreHost.StartAsync(path, s => s.ConfigureDbContext<HelpdeskDbContext>(o => o.AddInterceptors(capture)));
        var seed = await SeedAsync(h);
        var handler = h.Get<ITicketCommandHandler<CreateTicket>>();
        for (var i = 0; i < warm; i++) await CoreCreateAsync(handler, seed, i);
        capture.Clear();
        await CoreCreateAsync(handler, seed, warm);
        var cmds = capture.Commands.ToList();
        var opens = capture.ConnectionOpens;
        var listing = string.Join("\n", cmds.Select((c, i) => $"{i + 1,2}. {OneLine(c.Sql)}"));

        capture.Clear();
        var t0 = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++) await CoreCreateAsync(handler, seed, warm + 1 + i);
        var wall = Stats.ElapsedMs(t0) / count;
        var sql = capture.SqlMs / count;
        var commit = capture.CommitMs / count;
        var breakdown = $"Where one Core create's time goes (mean of {count}, instrumented provider, not the timed one): {Fmt.Ms(wall)} in all = " +
                        $"{Fmt.Ms(sql)} executing its {cmds.Count} SQL commands + {Fmt.Ms(commit)} COMMIT (WAL fsync) + {Fmt.Ms(wall - sql - commit)} outside SQLite " +
                        "(EF change tracking and SaveChanges, query pipeline, context and connection opens with their PRAGMAs, JSON, gate).";
        return (cmds.Count, opens, listing, breakdown);
    }

    private static string OneLine(string sql)
    {
        var s = string.Join(' ', sql.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return s.Length > 160 ? s[..157] + "..." : s;
    }

    public sealed class NumberSource
    {
        private int _next = TicketNumber.First - 1;
        public int Next() => Interlocked.Increment(ref _next);
    }

    /// <summary>Raw Microsoft.Data.Sqlite writer of the same rows: one transaction per ticket, prepared commands.</summary>
    private sealed class RawTicketWriter : IDisposable
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
        private readonly SqliteConnection _c;
        private readonly SqliteCommand _ticket, _event, _audit;
        private readonly Seed _seed;
        private readonly NumberSource _numbers;

        public RawTicketWriter(string cs, Seed seed, NumberSource numbers)
        {
            _seed = seed;
            _numbers = numbers;
            _c = Raw.Open(cs);
            _ticket = Prepare("""
                INSERT INTO "Tickets" ("Number", "Subject", "Description", "RequesterId", "CategoryId", "Channel", "Status",
                  "Impact", "Urgency", "Priority", "Tier", "TeamId", "CreatedAt", "UpdatedAt", "IsOpen", "IsArchived", "Version")
                VALUES ($number, $subject, $description, $requester, $category, $channel, 0, $impact, $urgency, $priority, 1, $team,
                  $now, $now, 1, 0, 1)
                RETURNING "Id";
                """, "$number", "$subject", "$description", "$requester", "$category", "$channel", "$impact", "$urgency", "$priority", "$team", "$now");
            _event = Prepare("""
                INSERT INTO "TicketEvents" ("TicketId", "Kind", "At", "ActorId", "IsInternal", "Row")
                VALUES ($ticket, 0, $at, NULL, 0, $row);
                """, "$ticket", "$at", "$row");
            _audit = Prepare("""
                INSERT INTO "Audit" ("TicketId", "Version", "At", "ActorId", "Command", "Field", "OldValue", "NewValue")
                VALUES ($ticket, 1, $at, NULL, 'CreateTicket', $field, NULL, $new);
                """, "$ticket", "$at", "$field", "$new");
        }

        private SqliteCommand Prepare(string sql, params string[] names)
        {
            var cmd = _c.CreateCommand();
            cmd.CommandText = sql;
            foreach (var n in names) cmd.Parameters.Add(new SqliteParameter { ParameterName = n });
            cmd.Prepare();
            return cmd;
        }

        public void Create(NewTicketData d)
        {
            using var tx = _c.BeginTransaction(); // BEGIN IMMEDIATE, as EF's BeginTransaction on SQLite
            Insert(d, tx);
            tx.Commit();
        }

        /// <summary>Group commit: several creates, one transaction (one WAL fsync).</summary>
        public void CreateBatch(IEnumerable<NewTicketData> batch)
        {
            using var tx = _c.BeginTransaction();
            foreach (var d in batch) Insert(d, tx);
            tx.Commit();
        }

        private void Insert(NewTicketData d, SqliteTransaction tx)
        {
            var now = DateTime.UtcNow;
            var number = _numbers.Next();
            var priority = PriorityMatrix.For(d.Impact, d.Urgency);
            _ticket.Transaction = tx;
            var p = _ticket.Parameters;
            p[0].Value = number; p[1].Value = d.Subject; p[2].Value = d.Description; p[3].Value = d.RequesterId;
            p[4].Value = d.CategoryId; p[5].Value = (int)d.Channel; p[6].Value = (int)d.Impact; p[7].Value = (int)d.Urgency;
            p[8].Value = (int)priority; p[9].Value = _seed.TeamId; p[10].Value = now;
            var id = Convert.ToInt32(_ticket.ExecuteScalar(), Fmt.C);

            var row = new TicketRow
            {
                Id = id, Number = number, Subject = d.Subject, RequesterId = d.RequesterId, RequesterName = _seed.RequesterName,
                RequesterDepartment = _seed.Department, CategoryId = d.CategoryId, CategoryName = _seed.CategoryName, Channel = d.Channel,
                Priority = priority, Status = TicketStatus.New, Tier = Tier.L1, TeamId = _seed.TeamId, TeamName = _seed.TeamName,
                CreatedAt = now, UpdatedAt = now, IsOpen = true, Version = 1,
            };
            _event.Transaction = tx;
            _event.Parameters[0].Value = id; _event.Parameters[1].Value = now; _event.Parameters[2].Value = JsonSerializer.Serialize(row, Json);
            _event.ExecuteNonQuery();

            _audit.Transaction = tx;
            _audit.Parameters[0].Value = id; _audit.Parameters[1].Value = now;
            _audit.Parameters[2].Value = "Created"; _audit.Parameters[3].Value = TicketNumber.Format(number);
            _audit.ExecuteNonQuery();
            _audit.Parameters[2].Value = "Status"; _audit.Parameters[3].Value = nameof(TicketStatus.New);
            _audit.ExecuteNonQuery();
        }

        public void Dispose()
        {
            _ticket.Dispose();
            _event.Dispose();
            _audit.Dispose();
            _c.Dispose();
        }
    }
}
