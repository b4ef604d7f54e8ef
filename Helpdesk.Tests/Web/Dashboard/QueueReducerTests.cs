using System.Collections.Immutable;
using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Web.Features.Dashboard;

namespace Helpdesk.Tests.Web.Dashboard;

/// <summary>The queue's reducers: rows and counters follow events in memory, and never move under an agent at work.</summary>
public sealed class QueueReducerTests
{
    private static readonly Caller Dana = new(7, "Dana Agent", new HashSet<string> { Roles.Agent }, new HashSet<int> { 1 });
    private static readonly DateTime T0 = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);
    private long _sequence = 100;

    private static TicketRow Row(int id, TicketStatus status = TicketStatus.Open, int team = 1, int? assignee = null, int version = 1, int minutes = 0) => new()
    {
        Id = id, Number = 1000 + id, Subject = $"Ticket {id}", RequesterId = 50, RequesterName = "Alice", CategoryId = 1, CategoryName = "Access",
        Priority = Priority.P3, Status = status, Tier = Tier.L1, TeamId = team, TeamName = "Service desk", AssigneeId = assignee,
        CreatedAt = T0, UpdatedAt = T0.AddMinutes(minutes), IsOpen = status.IsOpen(), Version = version,
    };

    private QueueState Loaded(params TicketRow[] rows)
    {
        var state = QueueReducers.ReduceInitQueue(new QueueState(), new InitQueue(Dana, new QueueQuery { View = QueueView.MyTeams, Take = 3 }));
        var counts = new QueueCounts(rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()), rows.GroupBy(r => r.Priority).ToDictionary(g => g.Key, g => g.Count()));
        return QueueReducers.ReduceQueueLoaded(state, new QueueLoaded(state.LoadRequest,
            new QueueSnapshot(new Page<TicketRow>(QueueMatcher.Sort(rows, QueueSort.UpdatedDesc).Take(3).ToList(), rows.Length), counts, _sequence)));
    }

    private TicketChanged Changed(TicketRow row, TicketRow? before, TicketEventKind kind = TicketEventKind.StatusChanged) =>
        new(new TicketEvent(++_sequence, kind, row.UpdatedAt, 1, false, row) { Previous = before });

    [Fact]
    public void AChangedRowIsReplacedMovedToTheTopAndHighlighted()
    {
        var state = Loaded(Row(1, minutes: 3), Row(2, minutes: 2), Row(3, minutes: 1));

        var after = QueueReducers.ReduceTicketChanged(state, Changed(Row(3, TicketStatus.InProgress, version: 2, minutes: 10), Row(3, minutes: 1)));

        Assert.Equal([3, 1, 2], after.Rows.Select(r => r.Id));
        Assert.Equal(TicketStatus.InProgress, after.Rows[0].Status);
        Assert.Contains(3, after.Flashing);
        Assert.Equal(1, after.ByStatus[TicketStatus.InProgress]);
        Assert.Equal(2, after.ByStatus[TicketStatus.Open]);
        Assert.Equal(3, after.Total);
    }

    [Fact]
    public void ATicketThatLeavesTheViewLeavesTheTableAndTheCounters()
    {
        var state = Loaded(Row(1), Row(2));

        var resolved = QueueReducers.ReduceTicketChanged(state, Changed(Row(2, TicketStatus.Resolved, version: 2, minutes: 5), Row(2)));
        var revoked = QueueReducers.ReduceTicketChanged(resolved, new TicketChanged(new TicketEvent(++_sequence, TicketEventKind.Escalated, T0, 1, false, Row(1)) { Revoked = true }));

        Assert.Equal([1], resolved.Rows.Select(r => r.Id));
        Assert.Equal(1, resolved.Total);
        Assert.Empty(revoked.Rows);
        Assert.Equal(0, revoked.Total);
        Assert.Empty(revoked.ByStatus);
    }

    [Fact]
    public void ANewTicketOfMyTeamAppearsOnTheFirstPageAndOthersTeamsDoNot()
    {
        var state = Loaded(Row(1));

        var mine = QueueReducers.ReduceTicketChanged(state, Changed(Row(5, TicketStatus.New, minutes: 9), null, TicketEventKind.Created));
        var theirs = QueueReducers.ReduceTicketChanged(mine, Changed(Row(6, TicketStatus.New, team: 2, minutes: 9), null, TicketEventKind.Created));

        Assert.Equal([5, 1], mine.Rows.Select(r => r.Id));
        Assert.Equal(2, mine.Total);
        Assert.Same(mine.Rows, theirs.Rows);
        Assert.Equal(2, theirs.Total);
    }

    [Fact]
    public void WhileTheAgentWorksInTheTableRowsChangeInPlaceAndMovesWaitBehindTheChip()
    {
        var state = QueueReducers.ReduceHoldUpdates(Loaded(Row(1, minutes: 3), Row(2, minutes: 2)), new HoldUpdates(true));

        var held = QueueReducers.ReduceTicketChanged(state, Changed(Row(2, TicketStatus.InProgress, version: 2, minutes: 10), Row(2, minutes: 2)));
        held = QueueReducers.ReduceTicketChanged(held, Changed(Row(9, TicketStatus.New, minutes: 11), null, TicketEventKind.Created));

        Assert.Equal([1, 2], held.Rows.Select(r => r.Id));
        Assert.Equal(TicketStatus.InProgress, held.Rows[1].Status);
        Assert.Equal(2, held.HeldTickets);
        Assert.Equal(3, held.Total);

        var shown = QueueReducers.ReduceHoldUpdates(held, new HoldUpdates(false));
        Assert.Equal([9, 2, 1], shown.Rows.Select(r => r.Id));
        Assert.Equal(0, shown.HeldTickets);
        Assert.Equal(3, shown.Total);
    }

    [Fact]
    public void EventsDuringALoadAreReplayedOntoItAndOlderOnesIgnored()
    {
        var loading = QueueReducers.ReduceInitQueue(new QueueState(), new InitQueue(Dana, new QueueQuery { View = QueueView.MyTeams }));
        var older = new TicketChanged(new TicketEvent(90, TicketEventKind.StatusChanged, T0, 1, false, Row(1, TicketStatus.Pending)) { Previous = Row(1) });
        var newer = new TicketChanged(new TicketEvent(101, TicketEventKind.StatusChanged, T0, 1, false, Row(1, TicketStatus.InProgress, version: 2, minutes: 5)) { Previous = Row(1) });
        loading = QueueReducers.ReduceTicketChanged(QueueReducers.ReduceTicketChanged(loading, older), newer);
        Assert.Equal(2, loading.Buffered.Count);

        var loaded = QueueReducers.ReduceQueueLoaded(loading, new QueueLoaded(loading.LoadRequest, new QueueSnapshot(
            new Page<TicketRow>([Row(1)], 1), new QueueCounts(new Dictionary<TicketStatus, int> { [TicketStatus.Open] = 1 }, new Dictionary<Priority, int> { [Priority.P3] = 1 }), 100)));

        Assert.Equal(TicketStatus.InProgress, Assert.Single(loaded.Rows).Status);
        Assert.Equal(ImmutableDictionary<TicketStatus, int>.Empty.Add(TicketStatus.InProgress, 1), loaded.ByStatus);
        Assert.Empty(loaded.Buffered);
    }

    [Fact]
    public void ALateAnswerToAnOlderLoadIsIgnored()
    {
        var first = QueueReducers.ReduceInitQueue(new QueueState(), new InitQueue(Dana, new QueueQuery { View = QueueView.MyTeams }));
        var second = QueueReducers.ReduceChangeQuery(first, new ChangeQuery(new QueueQuery { View = QueueView.Mine }));

        var stale = QueueReducers.ReduceQueueLoaded(second, new QueueLoaded(first.LoadRequest, new QueueSnapshot(
            new Page<TicketRow>([Row(1)], 1), new QueueCounts(new Dictionary<TicketStatus, int>(), new Dictionary<Priority, int>()), 100)));

        Assert.Same(second, stale);
        Assert.True(stale.Loading);
    }
}
