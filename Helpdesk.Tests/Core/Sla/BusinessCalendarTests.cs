using Helpdesk.Core.Sla.Calendars;
using NodaTime;
using static Helpdesk.Tests.Core.Sla.BerlinTime;

namespace Helpdesk.Tests.Core.Sla;

/// <summary>
/// Business-time arithmetic on Berlin calendars: a table of starts, amounts and the due times a
/// service-desk manager would expect. 2026's clocks go forward on 29 March (02:00 → 03:00) and
/// back on 25 October (03:00 → 02:00).
/// </summary>
public sealed class BusinessCalendarTests
{
    [Theory]
    [InlineData("office", "2026-03-02 09:00", 60, "2026-03-02 10:00")]   // within the day
    [InlineData("office", "2026-03-02 17:30", 60, "2026-03-03 08:30")]   // over the night
    [InlineData("office", "2026-03-02 17:00", 60, "2026-03-02 18:00")]   // due at closing time, not next morning
    [InlineData("office", "2026-03-02 06:00", 30, "2026-03-02 08:30")]   // filed before opening
    [InlineData("office", "2026-03-06 17:00", 120, "2026-03-09 09:00")]  // over the weekend
    [InlineData("office", "2026-03-07 10:00", 30, "2026-03-09 08:30")]   // filed on a Saturday
    [InlineData("office", "2026-03-02 08:00", 5 * 600, "2026-03-06 18:00")] // a working week
    [InlineData("office", "2026-04-02 17:00", 120, "2026-04-07 09:00")]  // Good Friday, the weekend and Easter Monday
    [InlineData("office", "2026-12-24 17:00", 120, "2026-12-28 09:00")]  // Christmas Day, a yearly holiday
    [InlineData("office", "2026-03-27 17:00", 120, "2026-03-30 09:00")]  // over the spring-forward weekend
    [InlineData("office", "2026-10-23 17:00", 120, "2026-10-26 09:00")]  // over the fall-back weekend
    [InlineData("24x7", "2026-03-28 23:00", 240, "2026-03-29 04:00")]    // the skipped hour is not counted: 4 real hours
    [InlineData("24x7", "2026-10-24 23:00", 240, "2026-10-25 02:00+01")] // the repeated hour counts twice: the second 02:00
    [InlineData("24x7", "2026-03-29 01:00", 90, "2026-03-29 03:30")]
    [InlineData("night", "2026-03-28 22:00", 8 * 60, "2026-03-29 23:00")] // that night's shift lasts 7 hours
    [InlineData("night", "2026-10-24 22:00", 8 * 60, "2026-10-25 05:00+01")] // that night's shift lasts 9 hours
    [InlineData("night", "2026-03-03 03:00", 120, "2026-03-03 05:00")]   // filed during a shift that began the day before
    [InlineData("night", "2026-03-03 07:00", 60, "2026-03-03 23:00")]
    public void AddingBusinessMinutesGivesTheDueTimeAManagerExpects(string calendar, string start, int minutes, string due)
    {
        var cal = Named(calendar);
        var at = cal.Add(At(start), Duration.FromMinutes(minutes));
        Assert.Equal(Show(At(due)), Show(at));
        // And measuring back gives the same amount.
        Assert.Equal(Duration.FromMinutes(minutes), cal.Between(At(start), at));
    }

    [Theory]
    [InlineData("office", "2026-03-06 17:00", "2026-03-09 09:00", 120)]
    [InlineData("office", "2026-03-07 00:00", "2026-03-08 23:59", 0)]
    [InlineData("office", "2026-04-02 08:00", "2026-04-07 08:00", 600)]
    [InlineData("office", "2026-03-02 12:00", "2026-03-02 11:00", 0)]
    [InlineData("24x7", "2026-03-28 12:00", "2026-03-29 12:00", 23 * 60)]
    [InlineData("24x7", "2026-10-24 12:00", "2026-10-25 12:00", 25 * 60)]
    [InlineData("night", "2026-03-28 12:00", "2026-03-29 12:00", 7 * 60)]
    public void BusinessTimeBetweenTwoInstantsCountsOnlyWorkingHours(string calendar, string from, string to, int minutes) =>
        Assert.Equal(Duration.FromMinutes(minutes), Named(calendar).Between(At(from), At(to)));

    [Fact]
    public void AYearlyHolidayFallsOnItsDayEveryYearAndADatedOneOnlyOnce()
    {
        Assert.Equal("Christmas Day", OfficeHours.HolidayOn(new LocalDate(2031, 12, 25))?.Name);
        Assert.Null(OfficeHours.HolidayOn(new LocalDate(2027, 4, 2)));
        Assert.Equal("Good Friday", OfficeHours.HolidayOn(new LocalDate(2026, 4, 3))?.Name);
    }

    [Fact]
    public void TheTimeThatDidNotCountIsExplainedAsNightsDaysOffAndNamedHolidays()
    {
        var segments = OfficeHours.Explain(At("2026-04-02 17:00"), At("2026-04-07 09:00"));

        Assert.Equal(
        [
            "2026-04-02 17:00 +02 Counted ",
            "2026-04-02 18:00 +02 OutsideHours ",
            "2026-04-03 00:00 +02 Holiday Good Friday",
            "2026-04-04 00:00 +02 DayOff ",
            "2026-04-06 00:00 +02 Holiday Easter Monday",
            "2026-04-07 00:00 +02 OutsideHours ",
            "2026-04-07 08:00 +02 Counted ",
        ], segments.Select(s => $"{Show(s.Start)} {s.Reason} {s.Note}"));
        Assert.Equal(At("2026-04-07 09:00"), segments[^1].End);
    }

    [Fact]
    public void ACalendarWithoutWorkingHoursSaysSoInsteadOfLoopingForever()
    {
        var closed = new BusinessCalendar(Zone, []);
        Assert.Equal(Duration.Zero, closed.Between(At("2026-03-02 09:00"), At("2026-03-09 09:00")));
        Assert.Throws<InvalidOperationException>(() => closed.Add(At("2026-03-02 09:00"), Duration.FromMinutes(1)));
    }
}
