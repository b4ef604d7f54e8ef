using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Reports;

public enum ReportGrouping { Day, Week, Month }

/// <summary>
/// What a historical report covers: the tickets created from <see cref="From"/> to <see cref="To"/>
/// (local days, both included) matching every filter set. A category includes its subcategories.
/// </summary>
public sealed record ReportFilter
{
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public int? TeamId { get; init; }
    public int? CategoryId { get; init; }
    public Channel? Channel { get; init; }
    /// <summary>The assignee.</summary>
    public int? AgentId { get; init; }
    /// <summary>The requester's department.</summary>
    public string? Department { get; init; }
    /// <summary>Only this requester's tickets (the consolidated history).</summary>
    public int? RequesterId { get; init; }
    public ReportGrouping Grouping { get; init; } = ReportGrouping.Day;

    /// <summary>Longest range a report accepts (about ten years of days).</summary>
    public const int MaxDays = 3700;

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The range of the same length just before this one (for growth).</summary>
    public ReportFilter Previous => this with { From = From.AddDays(-Days), To = From.AddDays(-1) };

    /// <summary>A filter that can run: From not after To, not absurdly long (swapped and clamped rather than refused).</summary>
    public ReportFilter Normalised()
    {
        var (from, to) = From <= To ? (From, To) : (To, From);
        if (to.DayNumber - from.DayNumber + 1 > MaxDays) from = to.AddDays(-(MaxDays - 1));
        return this with { From = from, To = to, Department = string.IsNullOrWhiteSpace(Department) ? null : Department.Trim() };
    }
}
