namespace Helpdesk.Core.Tickets.Queries;

/// <summary>The working views of a queue. Each is also bounded by what the caller may see.</summary>
public enum QueueView
{
    /// <summary>Open tickets assigned to the caller.</summary>
    Mine,
    /// <summary>Open, unassigned tickets of the caller's teams.</summary>
    UnassignedInMyTeams,
    /// <summary>Open tickets of the caller's teams.</summary>
    MyTeams,
    /// <summary>Every open ticket the caller may see.</summary>
    AllOpen,
    /// <summary>Tickets the caller requested, open or not (the requester's "My requests").</summary>
    MyRequests,
    /// <summary>Everything the caller may see, closed and archived included.</summary>
    All,
}

/// <remarks><see cref="SlaDueAsc"/>: the SLA target counting now, soonest (or most overdue) first; tickets without one last.</remarks>
public enum QueueSort { UpdatedDesc, UpdatedAsc, CreatedDesc, CreatedAsc, PriorityAsc, NumberDesc, SlaDueAsc }

public sealed record QueueQuery
{
    public QueueView View { get; init; } = QueueView.AllOpen;
    public IReadOnlyCollection<TicketStatus>? Statuses { get; init; }
    public IReadOnlyCollection<Priority>? Priorities { get; init; }
    public IReadOnlyCollection<Tier>? Tiers { get; init; }
    public IReadOnlyCollection<int>? CategoryIds { get; init; }
    public int? TeamId { get; init; }
    /// <summary>Custom field conditions, all of which must hold (a multiple choice matches when it has the option).</summary>
    public IReadOnlyList<FieldFilter>? Fields { get; init; }
    public string? Search { get; init; }
    public QueueSort Sort { get; init; } = QueueSort.UpdatedDesc;
    public int Skip { get; init; }
    public int Take { get; init; } = 50;
}

/// <summary>A custom field has this stored value (a choice's key, a number "12.5", a date "2026-03-01", "true").</summary>
public sealed record FieldFilter(string Key, string Value);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

public sealed record QueueCounts(IReadOnlyDictionary<TicketStatus, int> ByStatus, IReadOnlyDictionary<Priority, int> ByPriority);

/// <summary>What a live view loads: the page, the counters of the whole view, and the last event they include.</summary>
public sealed record QueueSnapshot(Page<TicketRow> Page, QueueCounts Counts, long AsOfSequence);
