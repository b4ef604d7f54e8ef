using System.Diagnostics;
using Helpdesk.Core;
using Helpdesk.Core.Data;
using Helpdesk.Core.Tickets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Bench;

/// <summary>
/// A large, realistic ticket table written with raw SQL straight into a database migrated by Core,
/// cached under bench/Helpdesk.Bench/.data/ keyed by size (and generator version). The event log and
/// audit tables stay empty: the queue queries do not read them.
/// </summary>
public static class QueueData
{
    /// <summary>Bump when the generated data changes shape, so stale caches are not reused.</summary>
    public const int GeneratorVersion = 1;
    public const int Batch = 50_000;

    public const int Requesters = 200;
    public const int AgentsPerTeam = 8;
    public const int FirstRequesterId = 1;
    public const int FirstAgentId = 201;

    public sealed record TeamDef(int Id, string Name, Tier Tier, double Weight);
    public sealed record CategoryDef(int Id, string Name, int TeamId, bool NeedsSystem);

    public static readonly TeamDef[] Teams =
    [
        new(1, "Service Desk", Tier.L1, 0.30), new(2, "Desktop Support", Tier.L1, 0.18), new(3, "Field Services", Tier.L1, 0.08),
        new(4, "Identity & Access", Tier.L2, 0.12), new(5, "Network", Tier.L2, 0.10), new(6, "Business Applications", Tier.L2, 0.12),
        new(7, "Infrastructure", Tier.L3, 0.06), new(8, "Security", Tier.L3, 0.04),
    ];

    public static readonly CategoryDef[] Categories =
    [
        new(1, "Password reset", 1, false), new(2, "Account locked", 1, false), new(3, "How-to question", 1, false), new(4, "Email & calendar", 1, false),
        new(5, "Laptop", 2, true), new(6, "Desktop PC", 2, true), new(7, "Printer", 2, true), new(8, "Software install", 2, true),
        new(9, "Meeting room AV", 3, false), new(10, "Phone & headset", 3, true),
        new(11, "New starter access", 4, false), new(12, "Leaver", 4, false), new(13, "Permission change", 4, false),
        new(14, "VPN", 5, false), new(15, "Wi-Fi", 5, false),
        new(16, "ERP", 6, true), new(17, "CRM", 6, true), new(18, "Intranet", 6, false),
        new(19, "File share / storage", 7, false), new(20, "Phishing report", 8, false),
    ];

    public static int AdminId => FirstAgentId + Teams.Length * AgentsPerTeam;
    public static IEnumerable<int> AgentsOf(int teamId) => Enumerable.Range(FirstAgentId + (teamId - 1) * AgentsPerTeam, AgentsPerTeam);

    /// <summary>Keyed by size, generator version and Core's last migration, so a schema change regenerates.</summary>
    public static string FileFor(int tickets) =>
        Path.Combine(Paths.DataDir, $"queue-{tickets}-v{GeneratorVersion}-{LastMigration()}.db");

    private static string LastMigration()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = "Data Source=:memory:",
        }).Build();
        using var sp = new ServiceCollection().AddLogging().AddHelpdeskCore(config).BuildServiceProvider();
        using var db = sp.GetRequiredService<IDbContextFactory<HelpdeskDbContext>>().CreateDbContext();
        var last = db.Database.GetMigrations().LastOrDefault() ?? "none";
        return last.Split('_')[0];
    }

    /// <summary>Returns the cached file, generating it first when missing (seconds spent, or null when reused).</summary>
    public static async Task<(string Path, double? Seconds)> EnsureAsync(int tickets, Action<string> log)
    {
        var path = FileFor(tickets);
        if (File.Exists(path)) return (path, null);
        var sw = Stopwatch.StartNew();
        var tmp = path + ".partial";
        Raw.DeleteDatabase(tmp);
        log($"Generating {tickets:#,0} tickets into {tmp} ...");
        await using (await CoreHost.StartAsync(tmp)) { } // migrations + WAL, exactly as the app does
        Generate(tmp, tickets, log);
        Raw.DeleteDatabase(path);
        File.Move(tmp, path);
        log($"Generated in {sw.Elapsed.TotalSeconds:0.0} s: {path} ({new FileInfo(path).Length / 1048576.0:#,0} MB)");
        return (path, sw.Elapsed.TotalSeconds);
    }

    private static void Generate(string path, int tickets, Action<string> log)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        using var c = new SqliteConnection(cs);
        c.Open();
        // Generation only: no rollback journal, no fsync. WAL is restored before the file is used.
        var mode = Raw.Scalar<string>(c, "PRAGMA journal_mode = OFF;");
        if (!string.Equals(mode, "off", StringComparison.OrdinalIgnoreCase)) throw new InvalidOperationException($"journal_mode stayed {mode}");
        Raw.Exec(c, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;");

        var now = DateTime.UtcNow;
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var rng = new Random(20261124);
        InsertPeople(c, rng, now);

        // Secondary indexes are dropped for the bulk insert and recreated from their own DDL (same schema).
        var indexes = new List<(string Name, string Sql)>();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Tickets' AND sql IS NOT NULL";
            using var r = cmd.ExecuteReader();
            while (r.Read()) indexes.Add((r.GetString(0), r.GetString(1)));
        }
        foreach (var (name, _) in indexes) Raw.Exec(c, $"DROP INDEX \"{name}\";");

        var sw = Stopwatch.StartNew();
        InsertTickets(c, rng, now, tickets, log);
        log($"  tickets inserted in {sw.Elapsed.TotalSeconds:0.0} s; rebuilding {indexes.Count} indexes ...");
        sw.Restart();
        foreach (var (_, sql) in indexes) Raw.Exec(c, sql + ";");
        log($"  indexes in {sw.Elapsed.TotalSeconds:0.0} s; ANALYZE ...");
        sw.Restart();
        Raw.Exec(c, "ANALYZE;");
        log($"  ANALYZE in {sw.Elapsed.TotalSeconds:0.0} s");
        var wal = Raw.Scalar<string>(c, "PRAGMA journal_mode = WAL;");
        if (!string.Equals(wal, "wal", StringComparison.OrdinalIgnoreCase)) throw new InvalidOperationException($"journal_mode is {wal}, expected wal");
    }

    private static readonly string[] First = ["Alex", "Sam", "Dana", "Robin", "Kim", "Noa", "Lea", "Tom", "Ines", "Marc", "Julie", "Omar", "Sara", "Hugo", "Emma", "Yann", "Chloe", "Paul", "Mia", "Luca"];
    private static readonly string[] Last = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier"];
    private static readonly string[] Departments = ["Finance", "Sales", "Marketing", "HR", "Legal", "Operations", "R&D", "Logistics", "Procurement", "Customer Care"];
    private static readonly string[] Sites = ["Paris", "Lyon", "Lille", "Nantes", "Remote"];

    private static void InsertPeople(SqliteConnection c, Random rng, DateTime now)
    {
        using var tx = c.BeginTransaction();
        void Exec(string sql, params object?[] args)
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            for (var i = 0; i < args.Length; i++) cmd.Parameters.AddWithValue($"$p{i}", args[i] ?? DBNull.Value);
            cmd.ExecuteNonQuery();
        }
        foreach (var t in Teams) Exec("INSERT INTO Teams (Id, Name, Tier) VALUES ($p0, $p1, $p2)", t.Id, t.Name, (int)t.Tier);
        foreach (var k in Categories)
            Exec("INSERT INTO Categories (Id, Name, ParentId, DefaultTeamId, DefaultTier, NeedsSystemDetails, IsActive) VALUES ($p0, $p1, NULL, $p2, $p3, $p4, 1)",
                k.Id, k.Name, k.TeamId, (int)Teams[k.TeamId - 1].Tier, k.NeedsSystem);
        const string user = """
            INSERT INTO AspNetUsers (Id, DisplayName, Location, Department, Tier, IsActive, CreatedAt, UserName, NormalizedUserName, Email,
              NormalizedEmail, EmailConfirmed, SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
            VALUES ($p0, $p1, $p2, $p3, $p4, 1, $p5, $p6, upper($p6), $p7, upper($p7), 1, $p8, $p8, 0, 0, 1, 0)
            """;
        void User(int id, string name, string? dept, Tier? tier)
        {
            var login = name.ToLowerInvariant().Replace(' ', '.') + id;
            Exec(user, id, name, Sites[id % Sites.Length], dept, tier is null ? null : (int)tier, now.AddYears(-4), login, login + "@example.test", Guid.NewGuid().ToString());
        }
        for (var i = 0; i < Requesters; i++)
            User(FirstRequesterId + i, $"{First[i % First.Length]} {Last[i / First.Length % Last.Length]}", Departments[rng.Next(Departments.Length)], null);
        foreach (var t in Teams)
            foreach (var (id, j) in AgentsOf(t.Id).Select((id, j) => (id, j)))
            {
                User(id, $"{First[(id * 7) % First.Length]} {Last[(id * 3) % Last.Length]} ({t.Name})", "IT", t.Tier);
                Exec("INSERT INTO TeamMembers (TeamId, UserId, IsLead) VALUES ($p0, $p1, $p2)", t.Id, id, j == 0);
            }
        User(AdminId, "Ada Admin", "IT", Tier.L3);
        tx.Commit();
    }

    private static readonly string[] Issues =
    [
        "cannot log in", "very slow since the update", "error message on start", "stopped working", "keeps disconnecting",
        "needs to be set up for a new colleague", "shows the wrong data", "asks for my password again and again", "crashes when saving",
        "is not visible any more", "request for access", "cannot print from it", "broken after the weekend", "certificate warning",
        "quota exceeded", "license expired", "screen stays black", "sync fails", "cannot open attachment", "blocked by security policy",
    ];

    private static readonly string[] Sentences =
    [
        "It started this morning after the usual restart.", "Colleagues in the same office have the same problem.",
        "I already tried to restart and to log out and in again.", "The error says that the operation could not be completed.",
        "This blocks the month-end close for our team.", "It worked fine until last Friday.", "I attached a screenshot of the message.",
        "Nothing changed on my side as far as I know.", "It happens on the laptop but not on the desktop.", "Please call me on my mobile if needed.",
        "The problem comes back every hour or so.", "We have a customer demo tomorrow at 10:00.", "Only the shared folder of the project is affected.",
        "The VPN was connected at the time.", "I followed the guide on the intranet without success.", "It is not urgent but it is annoying.",
    ];

    private static readonly string[] Resolutions =
    [
        "Password reset and MFA re-registered with the user.", "Cache cleared and profile rebuilt; confirmed working.",
        "Driver updated to the current version; printing works.", "Access granted after approval by the manager.",
        "Known issue fixed by the vendor patch deployed tonight.", "Device replaced; data migrated.", "Mailbox permissions corrected.",
        "Explained the procedure; user confirmed it works.", "Quota increased after approval.", "Certificate renewed on the server.",
    ];

    private static readonly (Impact, Urgency)[][] ByPriority =
    [
        [(Impact.Organisation, Urgency.BlocksWork)],
        [(Impact.Team, Urgency.BlocksWork), (Impact.Organisation, Urgency.Soon)],
        [(Impact.Individual, Urgency.BlocksWork), (Impact.Team, Urgency.Soon), (Impact.Organisation, Urgency.CanWait)],
        [(Impact.Individual, Urgency.Soon), (Impact.Team, Urgency.CanWait)],
        [(Impact.Individual, Urgency.CanWait)],
    ];

    private static int Pick(Random rng, double[] cumulative)
    {
        var x = rng.NextDouble() * cumulative[^1];
        var i = Array.BinarySearch(cumulative, x);
        return Math.Min(i < 0 ? ~i : i, cumulative.Length - 1);
    }

    private static double[] Cumulative(params double[] w)
    {
        var c = new double[w.Length];
        double s = 0;
        for (var i = 0; i < w.Length; i++) c[i] = s += w[i];
        return c;
    }

    private static void InsertTickets(SqliteConnection c, Random rng, DateTime now, int n, Action<string> log)
    {
        var catWeights = Cumulative([.. Categories.Select(k => Teams[k.TeamId - 1].Weight / Categories.Count(x => x.TeamId == k.TeamId))]);
        var priorities = Cumulative(0.02, 0.08, 0.30, 0.40, 0.20);
        var channels = Cumulative(0.50, 0.30, 0.12, 0.05, 0.03);
        TicketStatus[] openStatuses = [TicketStatus.New, TicketStatus.Open, TicketStatus.InProgress, TicketStatus.Pending, TicketStatus.Reopened];
        var openWeights = Cumulative(0.18, 0.22, 0.35, 0.18, 0.07);
        var agentSkew = Cumulative(0.22, 0.18, 0.15, 0.12, 0.11, 0.09, 0.07, 0.06);
        var start = now.AddDays(-3 * 365);
        var span = now - start;

        using var cmd = c.CreateCommand();
        cmd.CommandText = """
            INSERT INTO Tickets (Id, Number, Subject, Description, RequesterId, CategoryId, System_AssetTag, System_DeviceType,
              System_OperatingSystem, System_Application, System_ApplicationVersion, Channel, Status, Impact, Urgency, Priority,
              PriorityOverrideReason, Tier, TeamId, AssigneeId, Resolution, RejectionReason, CreatedAt, UpdatedAt, FirstRespondedAt,
              ResolvedAt, ClosedAt, IsOpen, IsArchived, Version)
            VALUES ($id, $number, $subject, $description, $requester, $category, $asset, $device, $os, $app, $appVersion, $channel,
              $status, $impact, $urgency, $priority, NULL, $tier, $team, $assignee, $resolution, $rejection, $created, $updated,
              $responded, $resolved, $closed, $open, $archived, $version)
            """;
        string[] names = ["$id", "$number", "$subject", "$description", "$requester", "$category", "$asset", "$device", "$os", "$app",
            "$appVersion", "$channel", "$status", "$impact", "$urgency", "$priority", "$tier", "$team", "$assignee", "$resolution",
            "$rejection", "$created", "$updated", "$responded", "$resolved", "$closed", "$open", "$archived", "$version"];
        var p = names.ToDictionary(x => x, x => cmd.Parameters.Add(new SqliteParameter { ParameterName = x }));
        cmd.Prepare();
        object N(object? v) => v ?? DBNull.Value;

        SqliteTransaction? tx = null;
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            if (i % Batch == 0)
            {
                tx?.Commit();
                tx?.Dispose();
                tx = c.BeginTransaction();
                cmd.Transaction = tx;
                if (i > 0 && i % (Batch * 4) == 0) log($"  {i:#,0} tickets ({i / sw.Elapsed.TotalSeconds:#,0}/s)");
            }
            var cat = Categories[Pick(rng, catWeights)];
            var team = rng.NextDouble() < 0.92 ? Teams[cat.TeamId - 1] : Teams[rng.Next(Teams.Length)];
            var prio = Pick(rng, priorities);
            var (impact, urgency) = ByPriority[prio][rng.Next(ByPriority[prio].Length)];
            var tier = team.Tier < Tier.L3 && rng.NextDouble() < 0.10 ? team.Tier + 1 : team.Tier;
            var created = start + span * ((i + rng.NextDouble()) / n);

            // Open tickets cluster in recent weeks, with a long tail of forgotten ones: ~13% open overall.
            var recency = 1.0 - (double)i / n;
            var pOpen = recency < 0.05 ? 0.80 : recency < 0.20 ? 0.30 : 0.05625;
            TicketStatus status;
            DateTime updated;
            DateTime? responded = null, resolved = null, closed = null;
            string? resolution = null, rejection = null;
            var archived = false;
            int version;
            if (rng.NextDouble() < pOpen)
            {
                status = openStatuses[Pick(rng, openWeights)];
                updated = created + (now - created) * Math.Sqrt(rng.NextDouble());
                if (status != TicketStatus.New) responded = Min(created.AddMinutes(5 + rng.NextDouble() * 240), updated);
                version = status == TicketStatus.New ? 1 : 2 + rng.Next(5);
            }
            else if (rng.NextDouble() < 0.04)
            {
                status = TicketStatus.Rejected;
                rejection = "Not an IT request; please contact facilities.";
                updated = Min(created.AddHours(1 + rng.NextDouble() * 48), now);
                responded = updated;
                version = 2;
            }
            else
            {
                var hours = Math.Clamp(Math.Exp(2.0 + 1.5 * Gaussian(rng)), 0.1, 60 * 24);
                responded = created.AddMinutes(5 + rng.NextDouble() * Math.Min(240, hours * 30));
                resolved = Min(created.AddHours(hours), now.AddMinutes(-1));
                resolution = Resolutions[rng.Next(Resolutions.Length)];
                var closeAt = resolved.Value.AddDays(3 + rng.NextDouble() * 4);
                if (closeAt < now)
                {
                    status = TicketStatus.Closed;
                    closed = closeAt;
                    archived = closeAt < now.AddDays(-365);
                    updated = archived ? closeAt.AddDays(365 + rng.NextDouble()) : closeAt;
                }
                else
                {
                    status = TicketStatus.Resolved;
                    updated = resolved.Value;
                }
                version = 3 + rng.Next(8);
            }
            var isOpen = status.IsOpen();
            int? assignee = status switch
            {
                TicketStatus.New => null,
                TicketStatus.Open when rng.NextDouble() < 0.5 => null,
                TicketStatus.Rejected => null,
                _ when isOpen && rng.NextDouble() < 0.05 => null,
                _ => FirstAgentId + (team.Id - 1) * AgentsPerTeam + Pick(rng, agentSkew),
            };

            p["$id"].Value = i + 1;
            p["$number"].Value = TicketNumber.First + i;
            p["$subject"].Value = $"{cat.Name}: {Issues[rng.Next(Issues.Length)]}";
            var sentences = 2 + rng.Next(3);
            var description = new System.Text.StringBuilder();
            for (var k = 0; k < sentences; k++) description.Append(Sentences[rng.Next(Sentences.Length)]).Append(' ');
            p["$description"].Value = description.ToString().TrimEnd();
            p["$requester"].Value = FirstRequesterId + rng.Next(Requesters);
            p["$category"].Value = cat.Id;
            var sys = cat.NeedsSystem;
            p["$asset"].Value = sys ? $"LT-{rng.Next(10000, 99999)}" : DBNull.Value;
            p["$device"].Value = sys ? "Laptop" : DBNull.Value;
            p["$os"].Value = sys ? "Windows 11 23H2" : DBNull.Value;
            p["$app"].Value = sys && cat.Id >= 16 ? cat.Name : DBNull.Value;
            p["$appVersion"].Value = sys && cat.Id >= 16 ? "2024.2" : DBNull.Value;
            p["$channel"].Value = Pick(rng, channels);
            p["$status"].Value = (int)status;
            p["$impact"].Value = (int)impact;
            p["$urgency"].Value = (int)urgency;
            p["$priority"].Value = prio + 1;
            p["$tier"].Value = (int)tier;
            p["$team"].Value = team.Id;
            p["$assignee"].Value = N(assignee);
            p["$resolution"].Value = N(resolution);
            p["$rejection"].Value = N(rejection);
            p["$created"].Value = created;
            p["$updated"].Value = updated;
            p["$responded"].Value = N(responded);
            p["$resolved"].Value = N(resolved);
            p["$closed"].Value = N(closed);
            p["$open"].Value = isOpen;
            p["$archived"].Value = archived;
            p["$version"].Value = version;
            cmd.ExecuteNonQuery();
        }
        tx?.Commit();
        tx?.Dispose();
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static double Gaussian(Random rng) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());
}
