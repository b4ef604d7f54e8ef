using System.Globalization;
using System.Text;

namespace Helpdesk.Bench;

/// <summary>One line of a scenario's table: a figure beside the baseline measured in the same run.</summary>
public sealed record Row(string Measure, string Value, string Baseline, string BaselineValue, string Ratio, string Reading);

/// <summary>A scenario's results: a table, free-form notes (plans, setup facts) and the readings.</summary>
public sealed class Section(string key, string title)
{
    public string Key { get; } = key;
    public string Title { get; } = title;
    public List<string> Setup { get; } = [];
    public List<Row> Rows { get; } = [];
    public List<string> Findings { get; } = [];
    public List<(string Title, string Body)> Details { get; } = [];

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"== {Title} ==");
        foreach (var s in Setup) Console.WriteLine($"   {s}");
        Console.WriteLine();
        string[] head = ["measure", "value", "baseline (same run)", "baseline value", "ratio"];
        var cells = Rows.Select(r => new[] { r.Measure, r.Value, r.Baseline, r.BaselineValue, r.Ratio }).ToList();
        var widths = head.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        string Line(string[] c) => string.Join(" | ", c.Select((x, i) => x.PadRight(widths[i]))).TrimEnd();
        Console.WriteLine(Line(head));
        Console.WriteLine(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var (c, r) in cells.Zip(Rows))
        {
            Console.WriteLine(Line(c));
            if (r.Reading.Length > 0) Console.WriteLine($"    -> {r.Reading}");
        }
        foreach (var (t, b) in Details)
        {
            Console.WriteLine();
            Console.WriteLine($"-- {t}");
            Console.WriteLine(b.TrimEnd());
        }
        if (Findings.Count > 0)
        {
            Console.WriteLine();
            foreach (var f in Findings) Console.WriteLine($"FINDING: {f}");
        }
    }

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine($"## {Title}");
        sb.AppendLine();
        foreach (var s in Setup) sb.AppendLine($"- {s}");
        sb.AppendLine();
        sb.AppendLine("| Measure | Value | Baseline (same run) | Baseline value | Ratio | Reading |");
        sb.AppendLine("|---|---|---|---|---|---|");
        foreach (var r in Rows)
            sb.AppendLine($"| {Esc(r.Measure)} | {Esc(r.Value)} | {Esc(r.Baseline)} | {Esc(r.BaselineValue)} | {Esc(r.Ratio)} | {Esc(r.Reading)} |");
        if (Findings.Count > 0)
        {
            sb.AppendLine();
            foreach (var f in Findings) sb.AppendLine($"- **Finding:** {f}");
        }
        foreach (var (t, b) in Details)
        {
            sb.AppendLine();
            sb.AppendLine($"<details><summary>{t}</summary>");
            sb.AppendLine();
            sb.AppendLine("```");
            sb.AppendLine(b.TrimEnd());
            sb.AppendLine("```");
            sb.AppendLine("</details>");
        }
        return sb.ToString();
    }

    private static string Esc(string s) => s.Replace("|", "\\|");
}

public static class Fmt
{
    public static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Ms(double ms) => ms switch
    {
        < 1 => ms.ToString("0.000", C) + " ms",
        < 10 => ms.ToString("0.00", C) + " ms",
        < 100 => ms.ToString("0.0", C) + " ms",
        _ => ms.ToString("#,0", C) + " ms",
    };

    public static string Rate(double perSecond) => perSecond.ToString("#,0", C) + " /s";
    public static string N(long n) => n.ToString("#,0", C);
    public static string X(double ratio) => ratio.ToString(ratio < 10 ? "0.00" : "0.0", C) + "x";
    public static string Pct(double fraction) => (fraction * 100).ToString("0", C) + "%";
}

public static class Stats
{
    /// <summary>Nearest-rank percentile of an unsorted sample (the sample is not modified).</summary>
    public static double Percentile(IReadOnlyCollection<double> sample, double p)
    {
        if (sample.Count == 0) return double.NaN;
        var sorted = sample.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static double P50(IReadOnlyCollection<double> s) => Percentile(s, 50);
    public static double P95(IReadOnlyCollection<double> s) => Percentile(s, 95);
    public static double P99(IReadOnlyCollection<double> s) => Percentile(s, 99);
    public static double Max(IReadOnlyCollection<double> s) => s.Count == 0 ? double.NaN : s.Max();

    public static double ElapsedMs(long startTimestamp) =>
        (System.Diagnostics.Stopwatch.GetTimestamp() - startTimestamp) * 1000.0 / System.Diagnostics.Stopwatch.Frequency;
}
