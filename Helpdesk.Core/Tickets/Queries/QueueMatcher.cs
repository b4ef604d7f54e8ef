using Helpdesk.Core.Application;

namespace Helpdesk.Core.Tickets.Queries;

/// <summary>
/// The in-memory twin of <see cref="TicketQueries"/>' filter: does a row (from an event) belong in
/// a view? Live screens use it to add, keep or drop rows without asking the database. A test keeps
/// the two in step over many generated rows and queries.
/// </summary>
public static class QueueMatcher
{
    /// <summary>
    /// Free text is checked against the subject only (the row carries no description), so a live
    /// view never ADDS a row on a description match; rows already shown stay (see <see cref="StillBelongs"/>).
    /// </summary>
    public static bool Matches(Caller caller, QueueQuery q, TicketRow r)
    {
        if (!TicketAccess.CanSee(caller, r)) return false;
        var inView = q.View switch
        {
            QueueView.Mine => r.IsOpen && r.AssigneeId == caller.UserId,
            QueueView.UnassignedInMyTeams => r.IsOpen && r.AssigneeId is null && caller.TeamIds.Contains(r.TeamId),
            QueueView.MyTeams => r.IsOpen && caller.TeamIds.Contains(r.TeamId),
            QueueView.AllOpen => r.IsOpen,
            QueueView.MyRequests => r.RequesterId == caller.UserId,
            _ => true,
        };
        return inView
            && (q.Statuses is not { Count: > 0 } || q.Statuses.Contains(r.Status))
            && (q.Priorities is not { Count: > 0 } || q.Priorities.Contains(r.Priority))
            && (q.Tiers is not { Count: > 0 } || q.Tiers.Contains(r.Tier))
            && (q.CategoryIds is not { Count: > 0 } || q.CategoryIds.Contains(r.CategoryId))
            && (q.TeamId is not { } team || r.TeamId == team)
            // A row carries no custom values: a field-filtered view never adds a row from an event (the dashboard reloads instead).
            && q.Fields is not { Count: > 0 }
            && MatchesText(q.Search, r);
    }

    /// <summary>
    /// For a row already shown: like <see cref="Matches"/> but a free-text miss on the subject does
    /// not drop it (the database may have matched its description), nor do custom field conditions.
    /// </summary>
    public static bool StillBelongs(Caller caller, QueueQuery q, TicketRow r) =>
        Matches(caller, (TicketNumber.TryParse(q.Search, out _) ? q : q with { Search = null }) with { Fields = null }, r);

    private static bool MatchesText(string? search, TicketRow r)
    {
        if (string.IsNullOrWhiteSpace(search)) return true;
        var s = search.Trim();
        return TicketNumber.TryParse(s, out var number)
            ? r.Number == number
            : r.Subject.Contains(s, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Orders rows the way the database does for <paramref name="sort"/>.</summary>
    public static IOrderedEnumerable<TicketRow> Sort(IEnumerable<TicketRow> rows, QueueSort sort) => sort switch
    {
        QueueSort.UpdatedAsc => rows.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id),
        QueueSort.CreatedDesc => rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
        QueueSort.CreatedAsc => rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id),
        QueueSort.PriorityAsc => rows.OrderBy(r => r.Priority).ThenByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id),
        QueueSort.NumberDesc => rows.OrderByDescending(r => r.Number),
        QueueSort.SlaDueAsc => rows.OrderBy(r => r.SlaDueAt is null).ThenBy(r => r.SlaDueAt).ThenBy(r => r.Id),
        _ => rows.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id),
    };
}
