using System.Globalization;
using System.Text;
using Helpdesk.Core.Reports;
using Helpdesk.Core.Tickets;
using Microsoft.AspNetCore.WebUtilities;

namespace Helpdesk.Web.Features.Reports;

/// <summary>
/// A report's filters in its URL (so it can be bookmarked and shared) and in its CSV file's name:
/// from, to (yyyy-MM-dd), team, category, channel, agent, requester, department, group (day/week/month).
/// </summary>
public static class ReportLink
{
    public const int DefaultDays = 30;

    public static string Query(ReportFilter f)
    {
        var q = new List<KeyValuePair<string, string?>>
        {
            new("from", Day(f.From)), new("to", Day(f.To)),
        };
        if (f.TeamId is { } team) q.Add(new("team", Int(team)));
        if (f.CategoryId is { } category) q.Add(new("category", Int(category)));
        if (f.Channel is { } channel) q.Add(new("channel", channel.ToString()));
        if (f.AgentId is { } agent) q.Add(new("agent", Int(agent)));
        if (f.RequesterId is { } requester) q.Add(new("requester", Int(requester)));
        if (f.Department is { } department) q.Add(new("department", department));
        if (f.Grouping != ReportGrouping.Day) q.Add(new("group", f.Grouping.ToString().ToLowerInvariant()));
        return QueryString.Create(q).ToString();
    }

    /// <summary>Reads a filter back; anything unreadable falls back to the last <see cref="DefaultDays"/> days, unfiltered.</summary>
    public static ReportFilter Parse(IReadOnlyDictionary<string, string?> q, DateOnly today)
    {
        string? Get(string key) => q.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        int? IntOf(string key) => int.TryParse(Get(key), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
        DateOnly? DayOf(string key) => DateOnly.TryParseExact(Get(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var to = DayOf("to") ?? today;
        return new ReportFilter
        {
            From = DayOf("from") ?? to.AddDays(-(DefaultDays - 1)),
            To = to,
            TeamId = IntOf("team"),
            CategoryId = IntOf("category"),
            Channel = Enum.TryParse<Channel>(Get("channel"), true, out var c) && Enum.IsDefined(c) ? c : null,
            AgentId = IntOf("agent"),
            RequesterId = IntOf("requester"),
            Department = Get("department"),
            Grouping = Enum.TryParse<ReportGrouping>(Get("group"), true, out var g) && Enum.IsDefined(g) ? g : ReportGrouping.Day,
        }.Normalised();
    }

    public static ReportFilter Parse(IQueryCollection query, DateOnly today) =>
        Parse(query.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString()), today);

    public static ReportFilter Parse(string uri, DateOnly today)
    {
        var q = QueryHelpers.ParseQuery(new Uri(uri).Query);
        return Parse(q.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString()), today);
    }

    /// <summary>"helpdesk-times-2026-03-01-to-2026-03-31-team-2-channel-email-week.csv": the filters travel with the file.</summary>
    public static string FileName(string report, ReportFilter f)
    {
        var parts = new List<string> { "helpdesk", report, Day(f.From), "to", Day(f.To) };
        if (f.TeamId is { } team) parts.AddRange(["team", Int(team)]);
        if (f.CategoryId is { } category) parts.AddRange(["category", Int(category)]);
        if (f.Channel is { } channel) parts.AddRange(["channel", channel.ToString()]);
        if (f.AgentId is { } agent) parts.AddRange(["agent", Int(agent)]);
        if (f.RequesterId is { } requester) parts.AddRange(["requester", Int(requester)]);
        if (f.Department is { } department) parts.AddRange(["department", department]);
        if (f.Grouping != ReportGrouping.Day) parts.Add(f.Grouping.ToString());
        return Safe(string.Join("-", parts)).ToLowerInvariant() + ".csv";
    }

    /// <summary>Letters, digits, '-' and '_' only: a department name cannot break the header or the path.</summary>
    public static string Safe(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var ch in name.Normalize(NormalizationForm.FormKD))
            if (char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_') sb.Append(ch);
            else if (char.IsWhiteSpace(ch) || ch is '&' or '/' or '.') sb.Append('_');
        return sb.ToString();
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Int(int i) => i.ToString(CultureInfo.InvariantCulture);
}
