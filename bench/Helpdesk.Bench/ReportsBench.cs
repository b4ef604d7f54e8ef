using System.Diagnostics;
using Helpdesk.Core.Application;
using Helpdesk.Core.People;
using Helpdesk.Core.Reports;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Bench;

/// <summary>
/// Scenario "reports": every report through Core's ReportQueries/OverviewQueries over the queue
/// scenario's generated tickets, augmented with what reports read and the queue data lacks (status
/// and tier audit rows, SLA targets, breaches and pending pauses, subject keys), each timed beside a
/// plain SELECT COUNT(*) over the same Tickets table, interleaved in the same run.
/// </summary>
public static class ReportsBench
{
    private const int Runs = 3;

    public static async Task RunAsync(Section section, bool quick)
    {
        var size = quick ? 100_000 : 1_000_000;
        var (source, generated) = await QueueData.EnsureAsync(size, Console.WriteLine);
        var path = Path.Combine(Paths.DataDir, Path.GetFileNameWithoutExtension(source) + "-reports.db");
        double? augmented = null;
        if (!File.Exists(path))
        {
            var sw = Stopwatch.StartNew();
            Raw.DeleteDatabase(path + ".partial");
            File.Copy(source, path + ".partial");
            Augment(path + ".partial");
            File.Move(path + ".partial", path);
            augmented = sw.Elapsed.TotalSeconds;
        }
        await using var host = await CoreHost.StartAsync(path);
        using var raw = Raw.Open(host.ConnectionString);
        var tickets = Raw.Scalar<long>(raw, "SELECT COUNT(*) FROM Tickets");
        var audit = Raw.Scalar<long>(raw, "SELECT COUNT(*) FROM Audit");
        var breaches = Raw.Scalar<long>(raw, "SELECT COUNT(*) FROM SlaBreaches");
        var newest = DateTime.Parse(Raw.Scalar<string>(raw, "SELECT MAX(CreatedAt) FROM Tickets"), Fmt.C);
        section.Setup.Add($"Database: {tickets:#,0} tickets ({(generated is { } g ? $"generated in this run in {g:0} s" : "cached")}), " +
            $"{audit:#,0} audit rows, {breaches:#,0} SLA breaches{(augmented is { } a ? $"; report data added in {a:0} s" : "")}; newest ticket {newest:yyyy-MM-dd}.");
        section.Setup.Add($"Each figure: median of {Runs} runs after one warm-up, each run followed by the baseline `SELECT COUNT(*) FROM Tickets` on a raw connection to the same file.");

        var admin = new Caller(QueueData.AdminId, "Ada Admin", new HashSet<string> { Roles.Admin }, new HashSet<int>());
        var reports = host.Get<ReportQueries>();
        var overview = host.Get<OverviewQueries>();
        var today = DateOnly.FromDateTime(newest);
        var month = new ReportFilter { From = today.AddDays(-29), To = today };
        var year = new ReportFilter { From = today.AddDays(-364), To = today, Grouping = ReportGrouping.Week };
        var department = Raw.Scalar<string>(raw, "SELECT Department FROM AspNetUsers WHERE Department IS NOT NULL AND Department <> 'IT' LIMIT 1");

        var cases = new List<(string Name, Func<Task> Run)>
        {
            ("live overview (open by status/priority/team/tier, today, 30-day backlog, SLA, medians, load)", () => overview.LoadAsync(admin)),
        };
        foreach (var (label, f) in new[] { ("30 days", month), ("365 days by week", year) })
        {
            cases.Add(($"volume by channel, {label}", () => reports.VolumeAsync(admin, f, false)));
            cases.Add(($"volume by category, {label}", () => reports.VolumeAsync(admin, f, true)));
            cases.Add(($"median/p90 first response + resolution by priority, {label}", () => reports.TimesAsync(admin, f)));
            cases.Add(($"SLA compliance and breaches, {label}", () => reports.SlaAsync(admin, f)));
            cases.Add(($"reopen / escalation / L1 rates, {label}", () => reports.RatesAsync(admin, f)));
            cases.Add(($"recurring: 6 dimensions vs previous period, {label}", async () =>
            {
                foreach (var d in Enum.GetValues<RecurringDimension>()) await reports.RecurringAsync(admin, f, d);
            }));
        }
        cases.Add(($"department history ({department}), 365 days, newest {ReportQueries.HistoryCap} + totals", () => reports.HistoryAsync(admin, year with { Department = department })));
        cases.Add(("volume by channel, 30 days, filtered to team 1 + channel Email", () => reports.VolumeAsync(admin, month with { TeamId = 1, Channel = Helpdesk.Core.Tickets.Channel.Email }, false)));

        foreach (var (name, run) in cases)
        {
            await run();
            var ours = new List<double>();
            var baseline = new List<double>();
            for (var i = 0; i < Runs; i++)
            {
                var sw = Stopwatch.StartNew();
                await run();
                ours.Add(sw.Elapsed.TotalMilliseconds);
                sw.Restart();
                Raw.Scalar<long>(raw, "SELECT COUNT(*) FROM Tickets");
                baseline.Add(sw.Elapsed.TotalMilliseconds);
            }
            var (mine, count) = (Stats.P50(ours), Stats.P50(baseline));
            section.Rows.Add(new Row(name, Fmt.Ms(mine), "SELECT COUNT(*) FROM Tickets", Fmt.Ms(count), $"{mine / count:0.0}x", ""));
            Console.WriteLine($"  {name}: {Fmt.Ms(mine)} (COUNT(*) {Fmt.Ms(count)})");
        }

        var plans = new List<string>();
        foreach (var (label, sql) in new[]
        {
            ("open by status/priority/team/tier", "SELECT Status, Priority, TeamId, Tier, COUNT(*) FROM Tickets t WHERE t.IsOpen GROUP BY 1, 2, 3, 4"),
            ("created in a range", "SELECT Channel, COUNT(*) FROM Tickets t WHERE t.CreatedAt >= '2026-01-01' AND t.CreatedAt < '2026-02-01' GROUP BY 1"),
            ("resolved today", "SELECT COUNT(*) FROM Tickets t WHERE t.ResolvedAt >= '2026-01-01'"),
            ("status changes since (backlog)", "SELECT substr(At, 1, 13), COUNT(*) FROM Audit a WHERE a.Field = 'Status' AND a.At >= '2026-01-01' GROUP BY 1"),
        })
            plans.Add($"{label}: {Plan(raw, sql)}");
        section.Details.Add(("Query plans (EXPLAIN QUERY PLAN)", string.Join("\n", plans)));
    }

    private static string Plan(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var r = cmd.ExecuteReader();
        var steps = new List<string>();
        while (r.Read()) steps.Add(r.GetString(3));
        return string.Join("; ", steps);
    }

    /// <summary>What reports read beyond the queue data, written in SQL from the tickets themselves (deterministic: by ticket id).</summary>
    private static void Augment(string path)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        Raw.Exec(c, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");
        using (var tx = c.BeginTransaction())
        {
            void Exec(string sql)
            {
                using var cmd = c.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = sql;
                cmd.CommandTimeout = 0;
                cmd.ExecuteNonQuery();
            }
            Exec("UPDATE Tickets SET SubjectKey = lower(Subject)");
            // Resolutions: every resolved or closed ticket went Open -> Resolved; 6% were reopened and resolved again.
            Exec("""
                INSERT INTO Audit (TicketId, Version, At, ActorId, Command, Field, OldValue, NewValue)
                SELECT Id, 2, ResolvedAt, AssigneeId, 'ChangeStatus', 'Status', 'InProgress', 'Resolved' FROM Tickets WHERE ResolvedAt IS NOT NULL
                """);
            Exec("""
                INSERT INTO Audit (TicketId, Version, At, ActorId, Command, Field, OldValue, NewValue)
                SELECT Id, 3, ResolvedAt, RequesterId, 'ChangeStatus', 'Status', 'Resolved', 'Reopened' FROM Tickets WHERE ResolvedAt IS NOT NULL AND Id % 17 = 0
                """);
            Exec("""
                INSERT INTO Audit (TicketId, Version, At, ActorId, Command, Field, OldValue, NewValue)
                SELECT Id, 4, ResolvedAt, AssigneeId, 'ChangeStatus', 'Status', 'Reopened', 'Resolved' FROM Tickets WHERE ResolvedAt IS NOT NULL AND Id % 17 = 0
                """);
            Exec("""
                INSERT INTO Audit (TicketId, Version, At, ActorId, Command, Field, OldValue, NewValue)
                SELECT Id, 2, UpdatedAt, NULL, 'ChangeStatus', 'Status', 'New', 'Rejected' FROM Tickets WHERE Status = 6
                """);
            // Escalations: tickets above their team's tier came up from the tier below.
            Exec("""
                INSERT INTO Audit (TicketId, Version, At, ActorId, Command, Field, OldValue, NewValue)
                SELECT t.Id, 2, datetime(t.CreatedAt, '+1 hour'), NULL, 'EscalateTicket', 'Tier', 'L' || (t.Tier - 1), 'L' || t.Tier
                FROM Tickets t JOIN Teams tm ON tm.Id = t.TeamId WHERE t.Tier > tm.Tier
                """);
            // SLA targets for P1-P4; 9% of them breached (first response or resolution); pending pauses on 10% of resolved tickets.
            Exec("""
                UPDATE Tickets SET FirstResponseDueAt = datetime(CreatedAt, '+4 hours'), ResolutionDueAt = datetime(CreatedAt, '+3 days'),
                  SlaState = CASE WHEN Id % 11 = 0 THEN 5 WHEN IsOpen THEN 3 ELSE 1 END WHERE Priority <= 4
                """);
            Exec("""
                INSERT INTO SlaBreaches (TicketId, Target, PolicyId, PolicyName, TeamId, Priority, DueAt, BreachedAt)
                SELECT Id, Id % 2, NULL, 'P' || Priority, TeamId, Priority, CASE WHEN Id % 2 = 0 THEN FirstResponseDueAt ELSE ResolutionDueAt END,
                  CASE WHEN Id % 2 = 0 THEN FirstResponseDueAt ELSE ResolutionDueAt END FROM Tickets WHERE SlaState = 5
                """);
            Exec("""
                INSERT INTO SlaPauses (TicketId, "From", "To", Reason)
                SELECT Id, datetime(CreatedAt, '+1 hour'), datetime(CreatedAt, '+2 hours'), 0 FROM Tickets
                WHERE ResolvedAt IS NOT NULL AND Id % 10 = 3 AND ResolvedAt > datetime(CreatedAt, '+2 hours')
                """);
            tx.Commit();
        }
        Raw.Exec(c, "ANALYZE;");
        Raw.Exec(c, "PRAGMA journal_mode = WAL;");
    }
}
