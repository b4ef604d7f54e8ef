using System.Collections.Immutable;
using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.People;
using Helpdesk.Core.Routing;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Web.State;

namespace Helpdesk.Web.Features.Board;

/// <summary>
/// The team lead's board: a column per agent of the shown teams (plus "Unassigned"), open tickets
/// as cards, each agent's presence and weighted load, and the drops being saved.
/// </summary>
[FeatureState]
public sealed record BoardState
{
    public Caller? Caller { get; init; }
    /// <summary>The teams this person may put on the board (all for admins, those they lead for leads).</summary>
    public IReadOnlyList<TeamOption> Teams { get; init; } = [];
    public BoardFilter Filter { get; init; } = new();
    public bool Loading { get; init; } = true;
    /// <summary>Bumped by each load request; a slower, older load that answers late is ignored.</summary>
    public long LoadRequest { get; init; }
    /// <summary>The last event the cards reflect (events come from the person's own feed).</summary>
    public long CardsAsOf { get; init; }
    /// <summary>The last event the loads reflect (events come from a system feed: loads count every team's tickets).</summary>
    public long WorkAsOf { get; init; }
    public ImmutableList<BoardAgent> Agents { get; init; } = [];
    /// <summary>Most urgent first, then oldest.</summary>
    public ImmutableList<TicketRow> Cards { get; init; } = [];
    public bool Truncated { get; init; }
    /// <summary>Open tickets counted in the agents' loads, by ticket id.</summary>
    public ImmutableDictionary<int, WorkItem> Work { get; init; } = ImmutableDictionary<int, WorkItem>.Empty;
    /// <summary>Weighted open load by agent id (<see cref="Workload"/>).</summary>
    public ImmutableDictionary<int, int> Loads { get; init; } = ImmutableDictionary<int, int>.Empty;
    public ImmutableHashSet<int> Online { get; init; } = [];
    /// <summary>Cards dropped (or assigned from their menu) whose assignment is being saved: ticket id → new assignee.</summary>
    public ImmutableDictionary<int, int?> Moving { get; init; } = ImmutableDictionary<int, int?>.Empty;
    public ImmutableList<TicketEvent> BufferedCards { get; init; } = [];
    public ImmutableList<TicketEvent> BufferedWork { get; init; } = [];
    /// <summary>Cards changed a moment ago (briefly highlighted).</summary>
    public ImmutableHashSet<int> Flashing { get; init; } = [];
    /// <summary>Why the last move was refused (also shown in a snackbar and read out by screen readers).</summary>
    public string? Refusal { get; init; }

    /// <summary>The column a card shows in: where it is being moved, else its assignee (null: unassigned).</summary>
    public int? ColumnOf(TicketRow card) => Moving.TryGetValue(card.Id, out var to) ? to : card.AssigneeId;

    public AgentPresenceState PresenceOf(BoardAgent agent) =>
        !Online.Contains(agent.Id) ? AgentPresenceState.Offline : agent.IsAway ? AgentPresenceState.Away : AgentPresenceState.Online;
}

public enum AgentPresenceState { Online, Away, Offline }
