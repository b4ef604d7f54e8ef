using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;

namespace Helpdesk.Bench;

public static partial class Program
{
    private static readonly string[] Scenarios = ["create", "queue", "fanout", "memory", "reports", "servers"];

    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var quick = args.Contains("--quick");
        var scenario = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
        if (scenario != "all" && !Scenarios.Contains(scenario))
        {
            Console.Error.WriteLine("usage: dotnet run -c Release --project bench/Helpdesk.Bench -- <create|queue|fanout|memory|reports|servers|all> [--quick]");
            return 2;
        }
#if DEBUG
        Console.WriteLine("WARNING: Debug build; figures are only meaningful with -c Release.");
#endif
        var machine = Machine();
        Console.WriteLine($"Helpdesk.Bench {scenario}{(quick ? " --quick" : "")}: {machine}");
        var sections = new List<Section>();
        foreach (var name in scenario == "all" ? Scenarios : [scenario])
        {
            var section = name switch
            {
                "create" => new Section("create", "create: tickets through the real write path"),
                "fanout" => new Section("fanout", "Live fan-out: commit to delivery on /hubs/tickets"),
                "memory" => new Section("memory", "Memory per dashboard"),
                "reports" => new Section("reports", "reports: every report over the generated tickets vs SELECT COUNT(*)"),
                "servers" => new Section("servers", "servers: commit to delivery through two servers (PostgreSQL NOTIFY + Redis backplane) vs one server vs a bare broadcast"),
                _ => new Section("queue", "queue: first page of the working queues on a large database"),
            };
            var load0 = LoadAverage();
            if (name == "create") await CreateBench.RunAsync(section, quick);
            else if (name == "fanout") await FanOutBench.RunAsync(section, quick);
            else if (name == "memory") await DashboardMemoryBench.RunAsync(section, quick);
            else if (name == "reports") await ReportsBench.RunAsync(section, quick);
            else if (name == "servers") await ServersBench.RunAsync(section, quick);
            else await QueueBench.RunAsync(section, quick);
            section.Setup.Add($"Load average (1 min) at start / end of the scenario: {load0} / {LoadAverage()} on {Environment.ProcessorCount} cores (the machine is shared; baselines run interleaved with the measured path so both see the same load).");
            section.Print();
            sections.Add(section);
        }
#if !DEBUG
        if (!quick) WriteResults(sections, machine);
        else Console.WriteLine("\n(--quick: bench/RESULTS.md left unchanged)");
#endif
        return 0;
    }

    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return "n/a"; }
        catch (UnauthorizedAccessException) { return "n/a"; }
    }

    private static string Machine()
    {
        string sqlite;
        using (var c = new SqliteConnection("Data Source=:memory:"))
        {
            c.Open();
            sqlite = Raw.Scalar<string>(c, "select sqlite_version()");
        }
        return $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, SQLite {sqlite}, " +
               $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC; Helpdesk.Core {CoreVersion()}";
    }

    /// <summary>Which Core was measured: HELPDESK_BENCH_CORE if set, else the repository's commit (flagged when Core has uncommitted edits).</summary>
    private static string CoreVersion()
    {
        var label = Environment.GetEnvironmentVariable("HELPDESK_BENCH_CORE");
        if (!string.IsNullOrWhiteSpace(label)) return label;
        try
        {
            var head = Git("rev-parse --short HEAD");
            var dirty = Git("status --porcelain -- Helpdesk.Core");
            return head.Length == 0 ? "(unknown commit)" : $"at {head}{(dirty.Length > 0 ? " + uncommitted Core edits" : "")}";
        }
        catch (System.ComponentModel.Win32Exception) { return "(unknown commit)"; }
    }

    private static string Git(string args)
    {
        using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", $"-C \"{Paths.RepoRoot}\" {args}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return p.ExitCode == 0 ? output : "";
    }

    /// <summary>Replaces each run scenario's section of bench/RESULTS.md; other sections and the hand-written notes stay.</summary>
    private static void WriteResults(List<Section> sections, string machine)
    {
        var path = Paths.ResultsFile;
        var text = File.Exists(path) ? File.ReadAllText(path) : """
            # Benchmark results

            Produced by `dotnet run -c Release --project bench/Helpdesk.Bench -- <create|queue|all>`; each
            scenario's section is rewritten by its last full (non `--quick`) run. Every figure sits beside a
            baseline measured in the same run; ratio = value / baseline.

            """.Replace("\r", "");
        foreach (var s in sections)
        {
            var block = new StringBuilder()
                .AppendLine($"<!-- {s.Key}:begin -->")
                .AppendLine($"_Run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {machine}._")
                .AppendLine()
                .Append(s.ToMarkdown())
                .AppendLine($"<!-- {s.Key}:end -->")
                .ToString();
            var re = new Regex($"<!-- {s.Key}:begin -->.*?<!-- {s.Key}:end -->\\n?", RegexOptions.Singleline);
            text = re.IsMatch(text) ? re.Replace(text, block.Replace("$", "$$"), 1) : text.TrimEnd() + "\n\n" + block;
        }
        File.WriteAllText(path, text);
        Console.WriteLine($"\nWrote {path}");
    }
}
