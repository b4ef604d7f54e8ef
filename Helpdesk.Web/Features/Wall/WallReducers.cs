using System.Collections.Immutable;
using Helpdesk.Core.Events;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Wall;
using Helpdesk.Web.State;

namespace Helpdesk.Web.Features.Wall;

/// <summary>
/// Pure functions from (wall, action) to the next wall. Like the dashboard, each event is applied
/// from its row before and after the change: counts move from one cell to another, lists gain or
/// lose one ticket, today's trend gains a created or resolved ticket.
/// </summary>
public static class WallReducers
{
    /// <summary>Fewer tickets than this in a list while more exist means the list ran dry: reload.</summary>
    public const int SlaRowsShown = 10, WaitingRowsShown = 3;

    [ReducerMethod]
    public static WallState ReduceLoadWall(WallState state, LoadWall action) =>
        state with { Key = action.Key, Loading = true, LoadRequest = state.LoadRequest + 1, Buffered = [], NeedsReload = false };

    [ReducerMethod]
    public static WallState ReduceWallLoaded(WallState state, WallLoaded action)
    {
        if (action.LoadRequest != state.LoadRequest) return state;
        if (action.Display is null || action.Snapshot is not { } s)
            return new WallState { Key = state.Key, Refused = true, Loading = false, LoadRequest = state.LoadRequest };
        var show = action.Display.ShowSubjects;
        var loaded = state with
        {
            Display = action.Display,
            Refused = false,
            Loading = false,
            AsOfSequence = s.AsOfSequence,
            Zone = action.Zone,
            DayStartUtc = action.DayStartUtc,
            Open = s.Open.ToImmutableDictionary(c => new WallCellKey(c.Status, c.Priority, c.Unassigned, c.Sla), c => c.Count),
            Waiting = [.. s.OldestWaiting.Select(r => WallTicket.From(r, show))],
            Sla = [.. s.SlaUrgent.Select(r => WallTicket.From(r, show))],
            CreatedByHour = [.. s.CreatedByHour],
            ResolvedByHour = [.. s.ResolvedByHour],
            AgentIds = [.. s.AgentIds],
            Buffered = [],
        };
        return state.Buffered.Aggregate(loaded, Apply);
    }

    [ReducerMethod]
    public static WallState ReduceWallTicketChanged(WallState state, WallTicketChanged action)
    {
        if (!state.Loading) return Apply(state, action.Event);
        return state.Buffered.Count < WallState.BufferCap
            ? state with { Buffered = state.Buffered.Add(action.Event) }
            : state with { Buffered = [], NeedsReload = true };
    }

    [ReducerMethod]
    public static WallState ReduceWallPresenceChanged(WallState state, WallPresenceChanged action)
    {
        var online = state.AgentIds.Count(action.IsOnline);
        return online == state.AgentsOnline ? state : state with { AgentsOnline = online };
    }

    [ReducerMethod]
    public static WallState ReduceWallHighlightEnded(WallState state, WallHighlightEnded action) =>
        state.Highlight?.Sequence == action.Sequence ? state with { Highlight = null } : state;

    private static WallState Apply(WallState state, TicketEvent e)
    {
        if (e.Sequence <= state.AsOfSequence || state.Display is not { } display) return state;
        var before = e.Revoked ? e.Row : e.Previous;
        var after = e.Revoked ? null : e.Row;
        // Without the row as it was, an update cannot move the counts: load the truth instead.
        if (before is null && e.Kind != TicketEventKind.Created) return state with { AsOfSequence = e.Sequence, NeedsReload = true };
        bool Counted(TicketRow? r) => r is { IsOpen: true } && display.Covers(r);
        var wasIn = Counted(before) ? before : null;
        var isIn = Counted(after) ? after : null;

        var open = state.Open;
        if (wasIn is not null) open = Add(open, KeyOf(wasIn), -1);
        if (isIn is not null) open = Add(open, KeyOf(isIn), 1);
        var next = state with { Open = open, AsOfSequence = e.Sequence };

        var shown = isIn is null ? null : WallTicket.From(isIn, display.ShowSubjects);
        next = next with
        {
            Waiting = Upsert(state.Waiting, e.Row.Id, isIn is not null && WallQueries.IsWaiting(isIn) ? shown : null,
                next.WaitingCount, t => t.CreatedAt),
            Sla = Upsert(state.Sla, e.Row.Id, isIn is not null && WallQueries.IsSlaUrgent(isIn) ? shown : null,
                next.Count(k => k.Urgent), t => t.SlaDue),
        };
        next = CountToday(next, e, before, after);
        var dry = next.Waiting.Count < Math.Min(next.WaitingCount, WaitingRowsShown)
                  || next.Sla.Count < Math.Min(next.Count(k => k.Urgent), SlaRowsShown);
        return (dry ? next with { NeedsReload = true } : next) with { Highlight = HighlightFor(e, wasIn, isIn, shown) ?? next.Highlight };
    }

    private static WallState CountToday(WallState state, TicketEvent e, TicketRow? before, TicketRow? after)
    {
        if (after is null || !state.Display!.Covers(after)) return state;
        if (e.Kind == TicketEventKind.Created && after.CreatedAt >= state.DayStartUtc)
            return state with { CreatedByHour = Bump(state.CreatedByHour, WallQueries.HourOf(after.CreatedAt, state.Zone)) };
        if (after.Status == TicketStatus.Resolved && before is { Status: not TicketStatus.Resolved } && e.At >= state.DayStartUtc)
            return state with { ResolvedByHour = Bump(state.ResolvedByHour, WallQueries.HourOf(e.At, state.Zone)) };
        return state;
    }

    private static WallHighlight? HighlightFor(TicketEvent e, TicketRow? wasIn, TicketRow? isIn, WallTicket? shown)
    {
        if (isIn is null || shown is null) return null;
        if (isIn.Priority == Priority.P1 && wasIn is not { Priority: Priority.P1 }) return new(WallHighlightKind.NewP1, shown, e.Sequence);
        if (isIn.SlaState == SlaState.Breached && wasIn is not { SlaState: SlaState.Breached }) return new(WallHighlightKind.Breach, shown, e.Sequence);
        return null;
    }

    /// <summary>
    /// Keeps <paramref name="list"/> = the first few tickets of a category in <paramref name="order"/>.
    /// A ticket joins when the list holds the whole category, or when it sorts before the list's last
    /// (anything unseen sorts after that one).
    /// </summary>
    internal static ImmutableList<WallTicket> Upsert(ImmutableList<WallTicket> list, int id, WallTicket? ticket, int categoryCount, Func<WallTicket, DateTime> order)
    {
        var index = list.FindIndex(t => t.Id == id);
        var rest = index >= 0 ? list.RemoveAt(index) : list;
        if (ticket is null) return rest;
        var whole = rest.Count >= categoryCount - 1;
        if (!whole && (rest.Count == 0 || order(ticket) >= order(rest[^1]))) return rest;
        return [.. rest.Add(ticket).OrderBy(order).ThenBy(t => t.Id).Take(WallQueries.ListCap)];
    }

    private static WallCellKey KeyOf(TicketRow r) => new(r.Status, r.Priority, r.AssigneeId is null, r.SlaState);

    private static ImmutableArray<int> Bump(ImmutableArray<int> hours, int hour) => hours.SetItem(hour, hours[hour] + 1);

    private static ImmutableDictionary<WallCellKey, int> Add(ImmutableDictionary<WallCellKey, int> counts, WallCellKey key, int delta)
    {
        var n = counts.GetValueOrDefault(key) + delta;
        return n <= 0 ? counts.Remove(key) : counts.SetItem(key, n);
    }
}
