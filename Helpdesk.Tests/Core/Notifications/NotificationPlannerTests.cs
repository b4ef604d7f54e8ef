using Helpdesk.Core.Events;
using Helpdesk.Core.Notifications;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;

namespace Helpdesk.Tests.Core.Notifications;

/// <summary>Who hears about which event: the planner's rules over events, without a database.</summary>
public sealed class NotificationPlannerTests
{
    private const int Alice = 10, Dana = 20, Sam = 21, Lena = 30, Omar = 31;

    private static readonly TicketRow Open = new()
    {
        Id = 1, Number = 1042, Subject = "Printer jam", RequesterId = Alice, Status = TicketStatus.Open, TeamId = 5, AssigneeId = Dana, Version = 3,
    };

    private static EventFacts Event(TicketEventKind kind, int? actor, TicketRow row, TicketRow? previous = null, bool isInternal = false,
        string? text = null, int[]? mentioned = null, int[]? leads = null, string? rule = null) =>
        new(100, kind, actor, isInternal, row, previous, text, mentioned, leads, rule);

    private static List<(int, NotificationKind)> Who(EventFacts e) => [.. NotificationPlanner.Plan(e).Select(p => (p.UserId, p.Kind)).Order()];

    [Fact]
    public void ARequesterGetsTheReceiptWithTheNumberAndTheAssigneeHearsItIsTheirs()
    {
        var created = Open with { Status = TicketStatus.New };
        var plan = NotificationPlanner.Plan(Event(TicketEventKind.Created, Alice, created));

        var receipt = Assert.Single(plan, p => p.Kind == NotificationKind.TicketReceived);
        Assert.Equal(Alice, receipt.UserId);
        // Mailed (it carries the number), but no in-app news of what she just did herself.
        Assert.False(receipt.InApp);
        Assert.Contains(plan, p => (p.UserId, p.Kind) == (Dana, NotificationKind.AssignedToYou));
    }

    [Fact]
    public void AnAgentLoggingACallForThemselfIsNotToldTheyTookIt()
    {
        var plan = NotificationPlanner.Plan(Event(TicketEventKind.Created, Dana, Open));
        Assert.Equal([(Alice, NotificationKind.TicketReceived)], plan.Select(p => (p.UserId, p.Kind)));
        Assert.True(plan[0].InApp);
    }

    [Theory]
    [InlineData(TicketStatus.InProgress, true)]
    [InlineData(TicketStatus.Pending, true)]
    [InlineData(TicketStatus.Resolved, true)]
    [InlineData(TicketStatus.Closed, true)]
    [InlineData(TicketStatus.Open, false)]
    [InlineData(TicketStatus.Rejected, false)]
    public void TheRequesterHearsOfTheStatusesThatMatter(TicketStatus to, bool told)
    {
        var before = Open with { Status = to == TicketStatus.Open ? TicketStatus.New : TicketStatus.Open };
        var plan = NotificationPlanner.Plan(Event(TicketEventKind.StatusChanged, Dana, Open with { Status = to }, before));
        Assert.Equal(told, plan.Any(p => p.UserId == Alice && p.Kind == NotificationKind.StatusChanged && p.Detail == to.ToString()));
    }

    [Fact]
    public void ARequesterClosingTheirOwnTicketIsNotToldAndNobodyIsToldTwiceForOneCommand()
    {
        Assert.Empty(Who(Event(TicketEventKind.StatusChanged, Alice, Open with { Status = TicketStatus.Closed }, Open with { Status = TicketStatus.Resolved })));
        // A second event of the same command carries the same row: nothing changed since the first.
        var taken = Open with { Status = TicketStatus.InProgress, AssigneeId = Sam };
        Assert.Equal([(Alice, NotificationKind.StatusChanged), (Sam, NotificationKind.AssignedToYou)], Who(Event(TicketEventKind.Assigned, Dana, taken, Open)));
        Assert.Empty(Who(Event(TicketEventKind.StatusChanged, Dana, taken, taken)));
    }

    [Fact]
    public void APublicReplyByStaffReachesTheRequesterAndTheirAnswerReachesTheAssignee()
    {
        var staff = NotificationPlanner.Plan(Event(TicketEventKind.Replied, Sam, Open, Open, text: "Try turning it\r\noff and on."));
        var toAlice = Assert.Single(staff);
        Assert.Equal((Alice, NotificationKind.StaffReplied, "Try turning it off and on."), (toAlice.UserId, toAlice.Kind, toAlice.Detail));

        Assert.Equal([(Dana, NotificationKind.RequesterReplied)], Who(Event(TicketEventKind.Replied, Alice, Open, Open, text: "Still jammed")));
        // Nobody owns it yet: the team queue shows it live, nobody is mailed.
        Assert.Empty(Who(Event(TicketEventKind.Replied, Alice, Open with { AssigneeId = null }, Open with { AssigneeId = null })));
    }

    [Fact]
    public void AnAgentReplyingOnTheirOwnTicketIsNotToldOfIt()
    {
        Assert.DoesNotContain(NotificationPlanner.Plan(Event(TicketEventKind.Replied, Dana, Open, Open)), p => p.UserId == Dana);
    }

    [Fact]
    public void AMentionReachesTheColleagueButNeverTheWriterOrTheRequester()
    {
        var note = Event(TicketEventKind.NoteAdded, Dana, Open, Open, isInternal: true, text: "@Omar @Dana @Alice look", mentioned: [Omar, Dana, Alice]);
        Assert.Equal([(Omar, NotificationKind.Mentioned)], Who(note));
    }

    [Fact]
    public void RequesterNeverReceivesAnythingFromAnInternalEvent()
    {
        // Even a status change riding on an internal event stays with staff.
        var plan = Who(Event(TicketEventKind.NoteAdded, Dana, Open with { Status = TicketStatus.Resolved }, Open, isInternal: true, text: "secret"));
        Assert.DoesNotContain(plan, p => p.Item1 == Alice);
    }

    [Theory]
    [InlineData(TicketEventKind.SlaAtRisk, NotificationKind.SlaAtRisk)]
    [InlineData(TicketEventKind.SlaBreached, NotificationKind.SlaBreached)]
    public void SlaEventsGoToTheAssigneeAndTheTeamLeadsNeverTheRequester(TicketEventKind kind, NotificationKind expected)
    {
        Assert.Equal([(Dana, expected), (Lena, expected)], Who(Event(kind, null, Open, Open, leads: [Lena])));
        // Unassigned: the leads only. A lead who is also the assignee hears it once.
        Assert.Equal([(Lena, expected)], Who(Event(kind, null, Open with { AssigneeId = null }, Open, leads: [Lena])));
        var lenas = Open with { AssigneeId = Lena };
        Assert.Equal([(Lena, expected)], Who(Event(kind, null, lenas, lenas, leads: [Lena])));
    }

    [Fact]
    public void AnEscalationRuleNotifiesTheTeamLeadsWithTheRuleName()
    {
        var plan = NotificationPlanner.Plan(Event(TicketEventKind.LeadAttention, null, Open, Open, isInternal: true, leads: [Lena, Omar], rule: "P1 not taken within 15 minutes"));
        Assert.Equal([Lena, Omar], plan.Select(p => p.UserId).Order());
        Assert.All(plan, p => Assert.Equal((NotificationKind.LeadAttention, "P1 not taken within 15 minutes"), (p.Kind, p.Detail)));
    }
}
