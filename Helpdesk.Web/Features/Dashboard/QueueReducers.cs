using System.Collections.Immutable;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Web.State;

namespace Helpdesk.Web.Features.Dashboard;

/// <summary>Pure functions from (queue, action) to the next queue. Rows and counters change in memory, from the event's row snapshots.</summary>
public static class QueueReducers
{
    [ReducerMethod]
    public static QueueState ReduceInitQueue(QueueState state, InitQueue action) =>
        StartLoad(state with { Caller = action.Caller }, action.Query);

    [ReducerMethod]
    public static QueueState ReduceChangeQuery(QueueState state, ChangeQuery action) => StartLoad(state, action.Query);

    private static QueueState StartLoad(QueueState state, QueueQuery query) => state with
    {
        Query = query, Loading = true, LoadRequest = state.LoadRequest + 1, Buffered = [], Held = [], Holding = false,
    };

    [ReducerMethod]
    public static QueueState ReduceQueueLoaded(QueueState state, QueueLoaded action)
    {
        if (action.LoadRequest != state.LoadRequest) return state;
        var s = action.Snapshot;
        var loaded = state with
        {
            Loading = false,
            AsOfSequence = s.AsOfSequence,
            Rows = [.. s.Page.Items],
            Total = s.Page.Total,
            ByStatus = s.Counts.ByStatus.ToImmutableDictionary(),
            ByPriority = s.Counts.ByPriority.ToImmutableDictionary(),
            Buffered = [],
        };
        return state.Buffered.Aggregate(loaded, Apply);
    }

    [ReducerMethod]
    public static QueueState ReduceTicketChanged(QueueState state, TicketChanged action) =>
        state.Loading ? state with { Buffered = state.Buffered.Add(action.Event) } : Apply(state, action.Event);

    [ReducerMethod]
    public static QueueState ReduceHoldUpdates(QueueState state, HoldUpdates action)
    {
        if (action.Hold) return state.Holding ? state : state with { Holding = true };
        var released = state with { Holding = false, Held = [] };
        return state.Held.Aggregate(released, (s, e) => ApplyRows(s, e, structural: true));
    }

    [ReducerMethod]
    public static QueueState ReduceFlashEnded(QueueState state, FlashEnded action) =>
        state.Flashing.Contains(action.TicketId) ? state with { Flashing = state.Flashing.Remove(action.TicketId) } : state;

    [ReducerMethod]
    public static QueueState ReducePresenceChanged(QueueState state, PresenceChanged action) =>
        state with { Presence = action.ByTicket.ToImmutableDictionary() };

    private static QueueState Apply(QueueState state, TicketEvent e)
    {
        if (e.Sequence <= state.AsOfSequence || state.Caller is null) return state;
        var counted = ApplyCounts(state, e) with { AsOfSequence = e.Sequence };
        if (!state.Holding) return ApplyRows(counted, e, structural: true);
        // While the agent works in the table, update what is shown in place and keep the moves for later.
        return ApplyRows(counted, e, structural: false) with { Held = counted.Held.Add(e) };
    }

    private static QueueState ApplyCounts(QueueState state, TicketEvent e)
    {
        var caller = state.Caller!;
        var shown = state.Rows.Find(r => r.Id == e.Row.Id);
        var before = e.Revoked ? e.Row : e.Previous ?? (e.Kind == TicketEventKind.Created ? null : shown);
        var wasIn = before is not null && QueueMatcher.Matches(caller, state.Query with { Search = null }, before);
        var isIn = !e.Revoked && QueueMatcher.Matches(caller, state.Query with { Search = null }, e.Row);
        // Without the old row we cannot tell whether an unseen ticket was counted: leave the counters alone.
        if (before is null && e.Kind != TicketEventKind.Created) return state;
        var byStatus = state.ByStatus;
        var byPriority = state.ByPriority;
        var total = state.Total;
        if (wasIn)
        {
            byStatus = Add(byStatus, before!.Status, -1);
            byPriority = Add(byPriority, before.Priority, -1);
            total--;
        }
        if (isIn)
        {
            byStatus = Add(byStatus, e.Row.Status, 1);
            byPriority = Add(byPriority, e.Row.Priority, 1);
            total++;
        }
        // Free-text views count what the database matched; the subject alone cannot say, so keep their total.
        return string.IsNullOrWhiteSpace(state.Query.Search)
            ? state with { ByStatus = byStatus, ByPriority = byPriority, Total = Math.Max(0, total) }
            : state;
    }

    private static QueueState ApplyRows(QueueState state, TicketEvent e, bool structural)
    {
        var caller = state.Caller!;
        var row = e.Row;
        var index = state.Rows.FindIndex(r => r.Id == row.Id);
        var shown = index >= 0 ? state.Rows[index] : null;
        if (shown is not null && !row.IsNewerThan(shown)) return state;
        var flashing = state.Flashing.Add(row.Id);

        if (!structural)
            return shown is null ? state : state with { Rows = state.Rows.SetItem(index, row), Flashing = flashing };

        var belongs = !e.Revoked && (shown is not null ? QueueMatcher.StillBelongs(caller, state.Query, row) : QueueMatcher.Matches(caller, state.Query, row));
        if (!belongs)
            return shown is null ? state : state with { Rows = state.Rows.RemoveAt(index) };
        // A new row joins only the first page: on later pages it would push rows under the agent's eyes.
        if (shown is null && state.Query.Skip > 0) return state;
        var rows = shown is null ? state.Rows.Add(row) : state.Rows.SetItem(index, row);
        var sorted = QueueMatcher.Sort(rows, state.Query.Sort).Take(Math.Max(1, state.Query.Take)).ToImmutableList();
        return state with { Rows = sorted, Flashing = sorted.Any(r => r.Id == row.Id) ? flashing : state.Flashing };
    }

    private static ImmutableDictionary<TKey, int> Add<TKey>(ImmutableDictionary<TKey, int> counts, TKey key, int delta) where TKey : notnull
    {
        var n = counts.GetValueOrDefault(key) + delta;
        return n <= 0 ? counts.Remove(key) : counts.SetItem(key, n);
    }
}
