using System.Collections.Immutable;
using Helpdesk.Core.Events;
using Helpdesk.Core.Routing;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Web.Features.Dashboard;
using Helpdesk.Web.State;

namespace Helpdesk.Web.Features.Board;

/// <summary>Pure functions from (board, action) to the next board. Cards and loads follow events in memory, from their row snapshots.</summary>
public static class BoardReducers
{
    [ReducerMethod]
    public static BoardState ReduceInitBoard(BoardState state, InitBoard action) =>
        StartLoad(state with { Caller = action.Caller, Teams = action.Teams }, action.Filter);

    [ReducerMethod]
    public static BoardState ReduceChangeBoardFilter(BoardState state, ChangeBoardFilter action) => StartLoad(state, action.Filter);

    private static BoardState StartLoad(BoardState state, BoardFilter filter) => state with
    {
        Filter = filter, Loading = true, LoadRequest = state.LoadRequest + 1, BufferedCards = [], BufferedWork = [],
    };

    [ReducerMethod]
    public static BoardState ReduceBoardLoaded(BoardState state, BoardLoaded action)
    {
        if (action.LoadRequest != state.LoadRequest) return state;
        var s = action.Snapshot;
        var work = s.Work.ToImmutableDictionary(w => w.TicketId);
        var loaded = state with
        {
            Loading = false,
            Agents = [.. s.Agents],
            Cards = [.. s.Cards],
            Truncated = s.Truncated,
            Work = work,
            Loads = LoadsOf(s.Agents.Select(a => a.Id), work.Values),
            Online = [.. action.Online],
            CardsAsOf = s.AsOfSequence,
            WorkAsOf = s.AsOfSequence,
            BufferedCards = [],
            BufferedWork = [],
        };
        var replayed = state.BufferedCards.Aggregate(loaded, ApplyCard);
        return state.BufferedWork.Aggregate(replayed, ApplyWork);
    }

    [ReducerMethod]
    public static BoardState ReduceBoardTicketChanged(BoardState state, BoardTicketChanged action) =>
        state.Loading ? state with { BufferedCards = state.BufferedCards.Add(action.Event) } : ApplyCard(state, action.Event);

    [ReducerMethod]
    public static BoardState ReduceWorkloadChanged(BoardState state, WorkloadChanged action) =>
        state.Loading ? state with { BufferedWork = state.BufferedWork.Add(action.Event) } : ApplyWork(state, action.Event);

    [ReducerMethod]
    public static BoardState ReduceAgentPresenceChanged(BoardState state, AgentPresenceChanged action)
    {
        var index = state.Agents.FindIndex(a => a.Id == action.UserId);
        var online = action.Online ? state.Online.Add(action.UserId) : state.Online.Remove(action.UserId);
        if (index < 0) return online.SetEquals(state.Online) ? state : state with { Online = online };
        var agent = state.Agents[index];
        var agents = action.Away is { } away && away != agent.IsAway ? state.Agents.SetItem(index, agent with { IsAway = away }) : state.Agents;
        return state with { Online = online, Agents = agents };
    }

    [ReducerMethod]
    public static BoardState ReduceMoveCard(BoardState state, MoveCard action)
    {
        var card = state.Cards.Find(c => c.Id == action.TicketId);
        if (card is null || state.Moving.ContainsKey(card.Id) || card.AssigneeId == action.ToAgentId) return state;
        return state with { Moving = state.Moving.SetItem(card.Id, action.ToAgentId), Refusal = null };
    }

    [ReducerMethod]
    public static BoardState ReduceCardMoved(BoardState state, CardMoved action) =>
        Place(state with { Moving = state.Moving.Remove(action.TicketId) }, action.Row, revoked: false);

    [ReducerMethod]
    public static BoardState ReduceCardMoveRefused(BoardState state, CardMoveRefused action) =>
        state with { Moving = state.Moving.Remove(action.TicketId), Refusal = action.Message };

    [ReducerMethod]
    public static BoardState ReduceCardFlashEnded(BoardState state, CardFlashEnded action) =>
        state.Flashing.Contains(action.TicketId) ? state with { Flashing = state.Flashing.Remove(action.TicketId) } : state;

    private static BoardState ApplyCard(BoardState state, TicketEvent e)
    {
        if (e.Sequence <= state.CardsAsOf || state.Caller is null) return state;
        return Place(state with { CardsAsOf = e.Sequence }, e.Row, e.Revoked);
    }

    /// <summary>Adds, replaces, moves (another column is just another assignee) or drops the card of <paramref name="row"/>.</summary>
    private static BoardState Place(BoardState state, TicketRow row, bool revoked)
    {
        var index = state.Cards.FindIndex(c => c.Id == row.Id);
        var shown = index >= 0 ? state.Cards[index] : null;
        if (shown is not null && !row.IsNewerThan(shown)) return state;
        var belongs = !revoked && state.Filter.Matches(row) && (row.AssigneeId is not { } a || state.Agents.Any(x => x.Id == a));
        // A drop in flight stays where it was dropped until its own answer comes, unless the ticket leaves the board.
        var moving = !belongs || (state.Moving.TryGetValue(row.Id, out var to) && to == row.AssigneeId) ? state.Moving.Remove(row.Id) : state.Moving;
        if (!belongs)
            return shown is null ? state : state with { Cards = state.Cards.RemoveAt(index), Moving = moving, Flashing = state.Flashing.Remove(row.Id) };
        var cards = (shown is null ? state.Cards.Add(row) : state.Cards.SetItem(index, row))
            .OrderBy(c => c.Priority).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id).ToImmutableList();
        return state with { Cards = cards, Moving = moving, Flashing = state.Flashing.Add(row.Id) };
    }

    private static BoardState ApplyWork(BoardState state, TicketEvent e)
    {
        if (e.Sequence <= state.WorkAsOf) return state;
        var row = e.Row;
        var before = state.Work.GetValueOrDefault(row.Id);
        var after = !e.Revoked && row.IsOpen && row.AssigneeId is { } a && state.Agents.Any(x => x.Id == a) ? new WorkItem(row.Id, a, row.Priority) : null;
        var next = state with { WorkAsOf = e.Sequence };
        if (before == after) return next;
        var loads = state.Loads;
        if (before is not null) loads = loads.SetItem(before.AgentId, loads.GetValueOrDefault(before.AgentId) - Workload.Weight(before.Priority));
        if (after is not null) loads = loads.SetItem(after.AgentId, loads.GetValueOrDefault(after.AgentId) + Workload.Weight(after.Priority));
        return next with { Work = after is null ? state.Work.Remove(row.Id) : state.Work.SetItem(row.Id, after), Loads = loads };
    }

    private static ImmutableDictionary<int, int> LoadsOf(IEnumerable<int> agents, IEnumerable<WorkItem> work)
    {
        var loads = agents.ToDictionary(a => a, _ => 0);
        foreach (var w in work) loads[w.AgentId] = loads.GetValueOrDefault(w.AgentId) + Workload.Weight(w.Priority);
        return loads.ToImmutableDictionary();
    }
}
