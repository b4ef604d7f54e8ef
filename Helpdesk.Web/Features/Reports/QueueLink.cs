using System.Globalization;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.AspNetCore.WebUtilities;

namespace Helpdesk.Web.Features.Reports;

/// <summary>A dashboard list view (its <see cref="QueueQuery"/> without paging) as a query string, for its CSV download.</summary>
public static class QueueLink
{
    public static string CsvHref(QueueQuery q)
    {
        var p = new List<KeyValuePair<string, string?>> { new("view", q.View.ToString()), new("sort", q.Sort.ToString()) };
        if (q.Statuses is { Count: > 0 } s) p.Add(new("status", string.Join(",", s)));
        if (q.Priorities is { Count: > 0 } pr) p.Add(new("priority", string.Join(",", pr)));
        if (q.Tiers is { Count: > 0 } t) p.Add(new("tier", string.Join(",", t)));
        if (q.CategoryIds is { Count: > 0 } c) p.Add(new("category", string.Join(",", c.Select(i => i.ToString(CultureInfo.InvariantCulture)))));
        if (q.TeamId is { } team) p.Add(new("team", team.ToString(CultureInfo.InvariantCulture)));
        foreach (var f in q.Fields ?? []) p.Add(new("field", $"{f.Key}:{f.Value}"));
        if (!string.IsNullOrWhiteSpace(q.Search)) p.Add(new("q", q.Search));
        return ReportsEndpoints.TicketsCsv + QueryString.Create(p);
    }

    public static QueueQuery Parse(IQueryCollection q)
    {
        List<T>? List<T>(string key, Func<string, T?> parse) where T : struct =>
            q.TryGetValue(key, out var v) && v.ToString() is { Length: > 0 } text
                ? [.. text.Split(',').Select(parse).Where(x => x is not null).Select(x => x!.Value)] : null;
        return new QueueQuery
        {
            View = Enum.TryParse<QueueView>(q["view"], true, out var view) && Enum.IsDefined(view) ? view : QueueView.AllOpen,
            Sort = Enum.TryParse<QueueSort>(q["sort"], true, out var sort) && Enum.IsDefined(sort) ? sort : QueueSort.UpdatedDesc,
            Statuses = List<TicketStatus>("status", x => Enum.TryParse<TicketStatus>(x, true, out var e) && Enum.IsDefined(e) ? e : null),
            Priorities = List<Priority>("priority", x => Enum.TryParse<Priority>(x, true, out var e) && Enum.IsDefined(e) ? e : null),
            Tiers = List<Tier>("tier", x => Enum.TryParse<Tier>(x, true, out var e) && Enum.IsDefined(e) ? e : null),
            CategoryIds = List<int>("category", x => int.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null),
            TeamId = int.TryParse(q["team"], NumberStyles.None, CultureInfo.InvariantCulture, out var team) ? team : null,
            Fields = [.. q["field"].Select(f => f?.Split(':', 2)).Where(f => f is { Length: 2 }).Select(f => new FieldFilter(f![0], f[1]))],
            Search = q["q"].ToString() is { Length: > 0 } search ? search : null,
        };
    }

    /// <summary>"helpdesk-tickets-myteams-status-open_pending-team-2.csv".</summary>
    public static string FileName(QueueQuery q)
    {
        var parts = new List<string> { "helpdesk", "tickets", q.View.ToString() };
        if (q.Statuses is { Count: > 0 } s) parts.AddRange(["status", string.Join("_", s)]);
        if (q.Priorities is { Count: > 0 } p) parts.AddRange(["priority", string.Join("_", p)]);
        if (q.Tiers is { Count: > 0 } t) parts.AddRange(["tier", string.Join("_", t)]);
        if (q.CategoryIds is { Count: > 0 } c) parts.AddRange(["category", string.Join("_", c)]);
        if (q.TeamId is { } team) parts.AddRange(["team", team.ToString(CultureInfo.InvariantCulture)]);
        if (q.Fields is { Count: > 0 } f) parts.AddRange(["field", string.Join("_", f.Select(x => $"{x.Key}_{x.Value}"))]);
        if (!string.IsNullOrWhiteSpace(q.Search)) parts.AddRange(["search", q.Search]);
        var name = ReportLink.Safe(string.Join("-", parts)).ToLowerInvariant();
        return (name.Length > 150 ? name[..150] : name) + ".csv";
    }
}
