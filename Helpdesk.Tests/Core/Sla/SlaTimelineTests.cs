using Helpdesk.Core.Sla;
using Helpdesk.Core.Sla.Calendars;
using NodaTime;
using static Helpdesk.Tests.Core.Sla.BerlinTime;

namespace Helpdesk.Tests.Core.Sla;

/// <summary>Targets measured on office hours minus the time a ticket was pending on its requester.</summary>
public sealed class SlaTimelineTests
{
    private static readonly Duration TwoDays = Duration.FromHours(16); // two working days

    private static ClockPause Pending(string from, string? to) => new(At(from), to is null ? null : At(to), SlaPauseReason.PendingOnRequester);

    [Theory]
    [InlineData(null, null, "2026-03-03 15:00")]                                   // no pause
    [InlineData("2026-03-02 10:00", "2026-03-03 10:00", "2026-03-04 15:00")]       // 10 business hours pending push it 10 hours on
    [InlineData("2026-03-02 18:30", "2026-03-03 07:00", "2026-03-03 15:00")]       // pending only overnight changes nothing
    [InlineData("2026-03-02 08:00", "2026-03-02 09:30", "2026-03-03 15:30")]       // a pause that began before the ticket counts from the ticket
    [InlineData("2026-03-03 16:00", "2026-03-04 08:00", "2026-03-03 15:00")]       // a pause after the due time does not move it
    [InlineData("2026-03-27 10:00", "2026-03-30 10:00", "2026-03-03 15:00")]
    public void PendingTimeMovesTheDueTimeOnByTheBusinessTimeItCovered(string? from, string? to, string due)
    {
        var pauses = from is null ? [] : new[] { Pending(from, to) };
        var timeline = new SlaTimeline(OfficeHours, At("2026-03-02 09:00"), pauses);
        Assert.Equal(Show(At(due)), Show(timeline.DueAt(TwoDays)!.Value));
    }

    [Fact]
    public void WhilePendingTheDueTimeIsUnknownAndTheUsedTimeStandsStill()
    {
        var timeline = new SlaTimeline(OfficeHours, At("2026-03-02 09:00"), [Pending("2026-03-02 10:00", null)]);

        Assert.Null(timeline.DueAt(TwoDays));
        Assert.Equal(Show(At("2026-03-03 15:00")), Show(timeline.DueAtIgnoringOngoingPause(TwoDays)));
        Assert.Equal(Duration.FromMinutes(60), timeline.Used(At("2026-03-05 12:00")));
    }

    [Fact]
    public void TwoPausesAcrossTheSpringForwardWeekendAddUp()
    {
        var twentyFourSeven = new SlaTimeline(AroundTheClock, At("2026-03-28 20:00"),
            [Pending("2026-03-28 21:00", "2026-03-28 22:00"), Pending("2026-03-29 01:00", "2026-03-29 04:00")]);
        // 5 hours to count: 20-21, 22-01 (3h), then one more after the pause ends at 04:00 (only 2 real hours later).
        Assert.Equal(Show(At("2026-03-29 05:00")), Show(twentyFourSeven.DueAt(Duration.FromHours(5))!.Value));
        Assert.Equal(Duration.FromHours(5), twentyFourSeven.Used(At("2026-03-29 05:00")));
        Assert.Equal(Duration.FromHours(4), twentyFourSeven.Used(At("2026-03-29 03:30")));
    }

    [Fact]
    public void TheStoryOfATicketNamesItsPendingTime()
    {
        var timeline = new SlaTimeline(OfficeHours, At("2026-03-02 17:00"), [Pending("2026-03-03 09:00", "2026-03-03 11:00")]);

        var story = timeline.Explain(At("2026-03-03 12:00"));

        Assert.Equal(
        [
            (SegmentReason.Counted, "2026-03-02 17:00 +01"),
            (SegmentReason.OutsideHours, "2026-03-02 18:00 +01"),
            (SegmentReason.Counted, "2026-03-03 08:00 +01"),
            (SegmentReason.PendingOnRequester, "2026-03-03 09:00 +01"),
            (SegmentReason.Counted, "2026-03-03 11:00 +01"),
        ], story.Select(s => (s.Reason, Show(s.Start))));
        Assert.Equal(Duration.FromMinutes(60 + 60 + 60), timeline.Used(At("2026-03-03 12:00")));
    }
}
