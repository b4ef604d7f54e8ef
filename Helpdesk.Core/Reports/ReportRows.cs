namespace Helpdesk.Core.Reports;

// The rows reports return: flat records, so a table, a chart and a CSV file show the same numbers.
// Durations are hours (two decimals); percentages are 0-100 (one decimal); null when nothing was measured.

/// <summary>Tickets created in one period, by one channel or category.</summary>
public sealed record VolumeRow(DateOnly Period, string Key, int Tickets);

/// <summary>Median and 90th percentile (nearest rank) of first response and resolution, per priority ("All" for every ticket).</summary>
public sealed record TimeRow(string Priority, int Responded, double? FirstResponseMedianHours, double? FirstResponseP90Hours,
    int Resolved, double? ResolutionMedianHours, double? ResolutionP90Hours);

/// <summary>Tickets with SLA targets and those that missed one, per priority ("All" for every ticket).</summary>
public sealed record SlaRow(string Priority, int WithTargets, int Breached, int FirstResponseBreaches, int ResolutionBreaches, double? CompliancePercent);

/// <summary>One rate: <see cref="Count"/> of <see cref="OutOf"/>.</summary>
public sealed record RateRow(string Measure, int Count, int OutOf, double? Percent);

/// <summary>One of the most frequent values of a dimension, beside the same-length period before.</summary>
public sealed record RecurringRow(string Dimension, string Key, int Tickets, int PreviousTickets, double? GrowthPercent);

/// <summary>One ticket of a consolidated requester or department history.</summary>
public sealed record HistoryRow(string Number, string Subject, string Requester, string? Department, DateTime CreatedAtUtc, string Status,
    string Priority, string Category, string Channel, string Team, string? Assignee, double? FirstResponseHours, double? ResolutionHours, bool SlaBreached);

public sealed record HistoryTotals(int Tickets, int Open, int Resolved, int SlaBreached, double? MedianResolutionHours);

public sealed record HistoryReport(IReadOnlyList<HistoryRow> Rows, HistoryTotals Totals, bool Capped);

/// <summary>A label and a number (open tickets per team, per agent...).</summary>
public sealed record CountRow(string Key, int Count);

/// <summary>Open tickets at the end of a local day.</summary>
public sealed record BacklogRow(DateOnly Day, int Open);

/// <summary>SLA outcome of tickets resolved in a period, and breaches the desk recorded in it.</summary>
public sealed record SlaPeriod(int Met, int Breached, int BreachesRecorded)
{
    public double? CompliancePercent => Met + Breached == 0 ? null : Math.Round(100.0 * Met / (Met + Breached), 1);
}

/// <summary>The live overview's figures, as of the event <see cref="AsOfSequence"/>.</summary>
public sealed record LiveOverview(
    long AsOfSequence,
    IReadOnlyList<CountRow> OpenByStatus,
    IReadOnlyList<CountRow> OpenByPriority,
    IReadOnlyList<CountRow> OpenByTeam,
    IReadOnlyList<CountRow> OpenByTier,
    int CreatedToday,
    int ResolvedToday,
    IReadOnlyList<BacklogRow> Backlog,
    SlaPeriod SlaToday,
    SlaPeriod SlaThisWeek,
    double? MedianFirstResponseHours,
    double? MedianResolutionHours,
    IReadOnlyList<CountRow> LoadPerAgent)
{
    public int Open => OpenByStatus.Sum(r => r.Count);
}
