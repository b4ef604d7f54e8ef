using Helpdesk.Core.Events;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Core.Wall;
using Helpdesk.Web.Features.Wall;

namespace Helpdesk.Tests.Web.Wall;

/// <summary>The wall's reducers: counts, lists and today's trend follow events in memory, bounded, for the display's teams only.</summary>
public sealed class WallReducerTests
{
    private static readonly DateTime Midnight = new(2026, 11, 24, 0, 0, 0, DateTimeKind.Utc);
    private static readonly WallAccess ServiceDesk = new("config:Floor 2", "Floor 2", false, new HashSet<int> { 1 }, ShowSubjects: false);
    private long _sequence = 100;

    private static TicketRow Row(int id, TicketStatus status = TicketStatus.New, int team = 1, int? assignee = null, Priority priority = Priority.P3,
        int createdMinutes = 60, SlaState sla = SlaState.None, int dueMinutes = 0) => new()
    {
        Id = id, Number = 1000 + id, Subject = $"Ticket {id}", RequesterId = 50, RequesterName = "Alice Martin", CategoryId = 1, CategoryName = "Access",
        Priority = priority, Status = status, Tier = Tier.L1, TeamId = team, TeamName = "Service desk", AssigneeId = assignee,
        CreatedAt = Midnight.AddMinutes(createdMinutes), UpdatedAt = Midnight.AddMinutes(createdMinutes), IsOpen = status.IsOpen(),
        SlaState = sla, SlaDueAt = sla is SlaState.AtRisk or SlaState.Breached ? Midnight.AddMinutes(dueMinutes) : null,
    };

    private WallState Loaded(params TicketRow[] open)
    {
        var state = WallReducers.ReduceLoadWall(new WallState(), new LoadWall("key"));
        var cells = open.GroupBy(r => (r.Status, r.Priority, r.AssigneeId is null, r.SlaState))
            .Select(g => new WallCell(g.Key.Status, g.Key.Priority, g.Key.Item3, g.Key.SlaState, g.Count())).ToList();
        var snapshot = new WallSnapshot(_sequence, cells,
            [.. open.Where(WallQueries.IsWaiting).OrderBy(r => r.CreatedAt).Take(WallQueries.ListCap)],
            [.. open.Where(WallQueries.IsSlaUrgent).OrderBy(WallQueries.SlaDue).Take(WallQueries.ListCap)],
            new int[24], new int[24], [7, 8]);
        return WallReducers.ReduceWallLoaded(state, new WallLoaded(state.LoadRequest, ServiceDesk, snapshot, Midnight, TimeZoneInfo.Utc));
    }

    private WallTicketChanged Changed(TicketRow row, TicketRow? before, TicketEventKind kind = TicketEventKind.StatusChanged) =>
        new(new TicketEvent(++_sequence, kind, Midnight.AddHours(9), 1, false, row) { Previous = before });

    [Fact]
    public void ANewP1CountsAsOpenUnassignedAndCreatedTodayAndIsHighlighted()
    {
        var state = Loaded(Row(1));
        var p1 = Row(2, priority: Priority.P1, createdMinutes: 9 * 60 + 5);

        state = WallReducers.ReduceWallTicketChanged(state, Changed(p1, null, TicketEventKind.Created));

        Assert.Equal(2, state.TotalOpen);
        Assert.Equal(1, state.ByPriority(Priority.P1));
        Assert.Equal(2, state.Unassigned);
        Assert.Equal(1, state.CreatedByHour[9]);
        Assert.Equal(WallHighlightKind.NewP1, state.Highlight?.Kind);
        Assert.Equal(["HD-1001", "HD-1002"], state.Waiting.Select(t => t.Number));
    }

    [Fact]
    public void ATakenTicketLeavesTheWaitingListAndAResolvedOneCountsToday()
    {
        var waiting = Row(1);
        var state = Loaded(waiting, Row(2, createdMinutes: 90));
        var taken = waiting with { Status = TicketStatus.InProgress, AssigneeId = 7 };
        state = WallReducers.ReduceWallTicketChanged(state, Changed(taken, waiting, TicketEventKind.Assigned));
        Assert.Equal(["HD-1002"], state.Waiting.Select(t => t.Number));
        Assert.Equal(1, state.Unassigned);
        Assert.Equal(1, state.ByStatus(TicketStatus.InProgress));

        var resolved = taken with { Status = TicketStatus.Resolved, IsOpen = false };
        state = WallReducers.ReduceWallTicketChanged(state, Changed(resolved, taken));
        Assert.Equal(1, state.TotalOpen);
        Assert.Equal(1, state.ResolvedToday);
    }

    [Fact]
    public void ABreachMovesTheTicketToTheTopOfTheSlaListAndHighlightsIt()
    {
        var atRisk = Row(1, sla: SlaState.AtRisk, dueMinutes: 600);
        var state = Loaded(atRisk, Row(2, sla: SlaState.AtRisk, dueMinutes: 500));
        var breached = atRisk with { SlaState = SlaState.Breached, SlaDueAt = Midnight.AddMinutes(400) };

        state = WallReducers.ReduceWallTicketChanged(state, Changed(breached, atRisk, TicketEventKind.SlaBreached));

        Assert.Equal(1, state.Breached);
        Assert.Equal(1, state.AtRisk);
        Assert.Equal(["HD-1001", "HD-1002"], state.Sla.Select(t => t.Number));
        Assert.Equal(WallHighlightKind.Breach, state.Highlight?.Kind);
    }

    [Fact]
    public void ATicketHandedToAnotherTeamLeavesTheWallAndOtherTeamsNeverCount()
    {
        var mine = Row(1);
        var state = Loaded(mine);
        state = WallReducers.ReduceWallTicketChanged(state, Changed(Row(5, team: 2), null, TicketEventKind.Created));
        Assert.Equal(1, state.TotalOpen);
        Assert.Equal(0, state.CreatedToday);

        // The live feed sends a revoked copy carrying the row as it was.
        var revoked = new WallTicketChanged(new TicketEvent(++_sequence, TicketEventKind.Escalated, Midnight.AddHours(9), 1, false, mine) { Revoked = true });
        state = WallReducers.ReduceWallTicketChanged(state, revoked);
        Assert.Equal(0, state.TotalOpen);
        Assert.Empty(state.Waiting);
        Assert.False(state.NeedsReload);
    }

    [Fact]
    public void SubjectsAndRequestersNeverReachTheWallUnlessSubjectsAreConfigured()
    {
        var state = Loaded(Row(1));
        Assert.Null(state.Waiting[0].Subject);
        var shown = WallTicket.From(Row(1), showSubject: true);
        Assert.Equal("Ticket 1", shown.Subject);
        Assert.DoesNotContain("Alice", shown.ToString());
    }

    [Fact]
    public void AListThatRunsDryAsksForAReloadInsteadOfShowingTooFew()
    {
        // 40 waiting tickets, of which the wall holds the oldest 30 (the cap); the tile shows three.
        var rows = Enumerable.Range(1, 40).Select(i => Row(i, createdMinutes: i)).ToArray();
        var state = Loaded(rows);
        Assert.Equal(WallQueries.ListCap, state.Waiting.Count);
        for (var i = 1; i <= 27; i++)
            state = WallReducers.ReduceWallTicketChanged(state, Changed(rows[i - 1] with { AssigneeId = 7, Status = TicketStatus.InProgress }, rows[i - 1], TicketEventKind.Assigned));
        Assert.False(state.NeedsReload);
        state = WallReducers.ReduceWallTicketChanged(state, Changed(rows[27] with { AssigneeId = 7, Status = TicketStatus.InProgress }, rows[27], TicketEventKind.Assigned));
        Assert.True(state.NeedsReload);
    }

    [Fact]
    public void ThousandsOfEventsLeaveTheStateNoBiggerThanItsCaps()
    {
        var state = Loaded(Row(1));
        for (var i = 0; i < 5000; i++)
        {
            var created = Row(100 + i, priority: (Priority)(i % 5 + 1), createdMinutes: i % 1400, sla: i % 3 == 0 ? SlaState.AtRisk : SlaState.None, dueMinutes: i);
            state = WallReducers.ReduceWallTicketChanged(state, Changed(created, null, TicketEventKind.Created));
            var closed = created with { Status = TicketStatus.Resolved, IsOpen = false, AssigneeId = 7 };
            if (i % 2 == 0) state = WallReducers.ReduceWallTicketChanged(state, Changed(closed, created));
        }
        Assert.True(state.Waiting.Count <= WallQueries.ListCap);
        Assert.True(state.Sla.Count <= WallQueries.ListCap);
        Assert.True(state.Open.Count <= 8 * 5 * 2 * 6);
        Assert.Equal(24, state.CreatedByHour.Length);
        Assert.Empty(state.Buffered);
    }
}
