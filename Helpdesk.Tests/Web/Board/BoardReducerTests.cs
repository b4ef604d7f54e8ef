using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.People;
using Helpdesk.Core.Routing;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Web.Features.Board;

namespace Helpdesk.Tests.Web.Board;

/// <summary>The board's reducers: cards change columns, leave and come back from event rows; loads and presence follow.</summary>
public sealed class BoardReducerTests
{
    private const int ServiceDesk = 1, Infrastructure = 2;
    private const int Dana = 7, Sam = 8, Ines = 9;
    private static readonly Caller Lena = new(3, "Lena Lead", new HashSet<string> { Roles.TeamLead, Roles.Agent }, new HashSet<int> { ServiceDesk });
    private static readonly DateTime T0 = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
    private long _sequence = 100;

    private static TicketRow Row(int id, int? assignee = null, int team = ServiceDesk, Priority priority = Priority.P3, TicketStatus status = TicketStatus.Open, int version = 1) => new()
    {
        Id = id, Number = 1000 + id, Subject = $"Ticket {id}", RequesterId = 50, RequesterName = "Alice", CategoryId = 1, CategoryName = "Access",
        Priority = priority, Status = status, Tier = Tier.L1, TeamId = team, TeamName = team == ServiceDesk ? "Service desk" : "Infrastructure",
        AssigneeId = assignee, CreatedAt = T0.AddMinutes(id), UpdatedAt = T0.AddMinutes(id + version), IsOpen = status.IsOpen(), Version = version,
    };

    private BoardState Loaded(TicketRow[] cards, WorkItem[]? work = null, int[]? online = null)
    {
        var state = BoardReducers.ReduceInitBoard(new BoardState(), new InitBoard(Lena, [new TeamOption(ServiceDesk, "Service desk", Tier.L1)],
            new BoardFilter { TeamIds = [ServiceDesk] }));
        var agents = new[] { new BoardAgent(Dana, "Dana Agent", Tier.L1, false, [ServiceDesk]), new BoardAgent(Sam, "Sam Agent", Tier.L1, false, [ServiceDesk]) };
        work ??= [.. cards.Where(c => c.AssigneeId is not null).Select(c => new WorkItem(c.Id, c.AssigneeId!.Value, c.Priority))];
        return BoardReducers.ReduceBoardLoaded(state, new BoardLoaded(state.LoadRequest,
            new BoardSnapshot(agents, cards, work, _sequence, Truncated: false), (online ?? []).ToHashSet()));
    }

    private TicketEvent Event(TicketRow row, TicketRow? before, TicketEventKind kind = TicketEventKind.Assigned, bool revoked = false) =>
        new(++_sequence, kind, row.UpdatedAt, 3, false, row) { Previous = before, Revoked = revoked };

    private static int? ColumnOf(BoardState state, int id) => state.ColumnOf(state.Cards.Single(c => c.Id == id));

    [Fact]
    public void ACardMovesToTheAgentsColumnOnAnAssignedEvent()
    {
        var state = Loaded([Row(1), Row(2, assignee: Sam)]);

        var after = BoardReducers.ReduceBoardTicketChanged(state, new BoardTicketChanged(Event(Row(1, assignee: Dana, version: 2), Row(1))));

        Assert.Equal(Dana, ColumnOf(after, 1));
        Assert.Equal(Sam, ColumnOf(after, 2));
        Assert.Contains(1, after.Flashing);
    }

    [Fact]
    public void ARevokedCopyRemovesTheCard()
    {
        // Escalated to a team Lena does not see: she receives the old row, marked revoked.
        var state = Loaded([Row(1, assignee: Dana), Row(2)]);

        var after = BoardReducers.ReduceBoardTicketChanged(state, new BoardTicketChanged(Event(Row(1, assignee: Dana), null, TicketEventKind.Escalated, revoked: true)));

        Assert.Equal([2], after.Cards.Select(c => c.Id));
    }

    [Fact]
    public void ACardThatLeavesTheShownTeamsOrClosesLeavesTheBoard()
    {
        var state = Loaded([Row(1), Row(2, assignee: Sam)]);

        var moved = BoardReducers.ReduceBoardTicketChanged(state, new BoardTicketChanged(Event(Row(1, team: Infrastructure, version: 2), Row(1), TicketEventKind.Escalated)));
        var resolved = BoardReducers.ReduceBoardTicketChanged(moved, new BoardTicketChanged(Event(Row(2, assignee: Sam, status: TicketStatus.Resolved, version: 2), Row(2, assignee: Sam), TicketEventKind.StatusChanged)));

        Assert.Equal([2], moved.Cards.Select(c => c.Id));
        Assert.Empty(resolved.Cards);
    }

    [Fact]
    public void ANewTicketOfTheTeamJoinsUnassignedInPriorityOrder()
    {
        var state = Loaded([Row(1, priority: Priority.P2), Row(2, priority: Priority.P4)]);

        var after = BoardReducers.ReduceBoardTicketChanged(state, new BoardTicketChanged(Event(Row(5, priority: Priority.P1), null, TicketEventKind.Created)));

        Assert.Equal([5, 1, 2], after.Cards.Select(c => c.Id));
        Assert.Null(ColumnOf(after, 5));
    }

    [Fact]
    public void ADroppedCardShowsInItsNewColumnAtOnceAndSnapsBackWhenRefused()
    {
        var state = Loaded([Row(1)]);

        var dropped = BoardReducers.ReduceMoveCard(state, new MoveCard(1, Dana, ExpectedVersion: 1));
        var refused = BoardReducers.ReduceCardMoveRefused(dropped, new CardMoveRefused(1, "HD-1001 stays where it was: changed by Sam Agent."));

        Assert.Equal(Dana, ColumnOf(dropped, 1));
        Assert.True(dropped.Moving.ContainsKey(1));
        Assert.Null(ColumnOf(refused, 1));
        Assert.Empty(refused.Moving);
        Assert.Equal("HD-1001 stays where it was: changed by Sam Agent.", refused.Refusal);
    }

    [Fact]
    public void ASavedMoveTakesTheRowTheServerAnswered()
    {
        var state = BoardReducers.ReduceMoveCard(Loaded([Row(1)]), new MoveCard(1, Dana, ExpectedVersion: 1));

        var saved = BoardReducers.ReduceCardMoved(state, new CardMoved(1, Row(1, assignee: Dana, version: 2)));
        // The event of that same change arrives afterwards and changes nothing.
        var echoed = BoardReducers.ReduceBoardTicketChanged(saved, new BoardTicketChanged(Event(Row(1, assignee: Dana, version: 2), Row(1))));

        Assert.Equal(Dana, ColumnOf(saved, 1));
        Assert.Empty(saved.Moving);
        Assert.Equal(2, saved.Cards.Single().Version);
        Assert.Equal(Dana, ColumnOf(echoed, 1));
    }

    [Fact]
    public void LoadsFollowEveryAssignmentIncludingTicketsOfTeamsNotShown()
    {
        var state = Loaded([Row(1, assignee: Dana, priority: Priority.P1)]);
        Assert.Equal(5, state.Loads[Dana]);

        // Dana also works an Infrastructure ticket that is not on this board: a P2 (3).
        var other = BoardReducers.ReduceWorkloadChanged(state, new WorkloadChanged(Event(Row(40, assignee: Dana, team: Infrastructure, priority: Priority.P2, version: 2), Row(40, team: Infrastructure, priority: Priority.P2))));
        var handed = BoardReducers.ReduceWorkloadChanged(other, new WorkloadChanged(Event(Row(1, assignee: Sam, priority: Priority.P1, version: 2), Row(1, assignee: Dana, priority: Priority.P1))));
        var resolved = BoardReducers.ReduceWorkloadChanged(handed, new WorkloadChanged(Event(Row(40, assignee: Dana, team: Infrastructure, priority: Priority.P2, status: TicketStatus.Resolved, version: 3), null, TicketEventKind.StatusChanged)));

        Assert.Equal(8, other.Loads[Dana]);
        Assert.Equal((3, 5), (handed.Loads[Dana], handed.Loads[Sam]));
        Assert.Equal(0, resolved.Loads[Dana]);
        Assert.Single(other.Cards);
    }

    [Fact]
    public void AnAgentsHeaderFollowsTheirPresenceAndAvailability()
    {
        var state = Loaded([], online: [Dana]);
        var dana = state.Agents.Single(a => a.Id == Dana);
        Assert.Equal(AgentPresenceState.Online, state.PresenceOf(dana));

        var away = BoardReducers.ReduceAgentPresenceChanged(state, new AgentPresenceChanged(Dana, Online: true, Away: true));
        var offline = BoardReducers.ReduceAgentPresenceChanged(away, new AgentPresenceChanged(Dana, Online: false, Away: null));
        var samOnline = BoardReducers.ReduceAgentPresenceChanged(offline, new AgentPresenceChanged(Sam, Online: true, Away: null));

        Assert.Equal(AgentPresenceState.Away, away.PresenceOf(away.Agents.Single(a => a.Id == Dana)));
        Assert.Equal(AgentPresenceState.Offline, offline.PresenceOf(offline.Agents.Single(a => a.Id == Dana)));
        Assert.Equal(AgentPresenceState.Online, samOnline.PresenceOf(samOnline.Agents.Single(a => a.Id == Sam)));
    }

    [Fact]
    public void EventsDuringALoadAreReplayedOntoItAndOlderOnesIgnored()
    {
        var loading = BoardReducers.ReduceInitBoard(new BoardState(), new InitBoard(Lena, [], new BoardFilter { TeamIds = [ServiceDesk] }));
        var older = new TicketEvent(90, TicketEventKind.Assigned, T0, 3, false, Row(1, assignee: Sam)) { Previous = Row(1) };
        var newer = new TicketEvent(101, TicketEventKind.Assigned, T0, 3, false, Row(1, assignee: Dana, version: 2)) { Previous = Row(1) };
        loading = BoardReducers.ReduceBoardTicketChanged(BoardReducers.ReduceBoardTicketChanged(loading, new BoardTicketChanged(older)), new BoardTicketChanged(newer));
        loading = BoardReducers.ReduceWorkloadChanged(loading, new WorkloadChanged(newer));

        var loaded = BoardReducers.ReduceBoardLoaded(loading, new BoardLoaded(loading.LoadRequest,
            new BoardSnapshot([new BoardAgent(Dana, "Dana Agent", Tier.L1, false, [ServiceDesk])], [Row(1)], [], 100, false), new HashSet<int>()));

        Assert.Equal(Dana, loaded.ColumnOf(loaded.Cards.Single()));
        Assert.Equal(2, loaded.Loads[Dana]);
        Assert.Empty(loaded.BufferedCards);
    }
}
