using Helpdesk.Core.Sla.Calendars;
using NodaTime;
using NodaTime.Text;

namespace Helpdesk.Tests.Core.Sla;

/// <summary>Calendars and wall-clock times in Europe/Berlin, written the way a service-desk manager reads them.</summary>
public static class BerlinTime
{
    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");

    /// <summary>Mon-Fri 08:00-18:00, Good Friday and Easter Monday 2026, Christmas Day every year.</summary>
    public static BusinessCalendar OfficeHours { get; } = new(Zone,
        [.. Weekdays(IsoDayOfWeek.Monday, IsoDayOfWeek.Friday).Select(d => new WorkingHours(d, new LocalTime(8, 0), new LocalTime(18, 0)))],
        [new Holiday(new LocalDate(2026, 4, 3), "Good Friday"), new Holiday(new LocalDate(2026, 4, 6), "Easter Monday"),
         new Holiday(new LocalDate(2020, 12, 25), "Christmas Day", Yearly: true)]);

    /// <summary>Every day, around the clock, on Berlin's clocks.</summary>
    public static BusinessCalendar AroundTheClock { get; } = BusinessCalendar.AlwaysOpen(Zone);

    /// <summary>Every night 22:00-06:00: each shift ends the next morning.</summary>
    public static BusinessCalendar NightShift { get; } = new(Zone,
        [.. Weekdays(IsoDayOfWeek.Monday, IsoDayOfWeek.Sunday).Select(d => new WorkingHours(d, new LocalTime(22, 0), new LocalTime(6, 0)))]);

    public static BusinessCalendar Named(string name) => name switch
    {
        "office" => OfficeHours,
        "24x7" => AroundTheClock,
        "night" => NightShift,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };

    /// <summary>"2026-03-02 09:00" on Berlin's clocks; "2026-10-25 02:00+01" picks one of the two 02:00s of a fall-back night.</summary>
    public static Instant At(string text)
    {
        var plus = text.IndexOf('+');
        if (plus < 0) return Zone.AtStrictly(Local.Parse(text).GetValueOrThrow()).ToInstant();
        var local = Local.Parse(text[..plus]).GetValueOrThrow();
        return local.WithOffset(Offset.FromHours(int.Parse(text[(plus + 1)..]))).ToInstant();
    }

    public static string Show(Instant instant) => instant.InZone(Zone).ToString("uuuu-MM-dd HH:mm o<+HH>", null);

    private static IEnumerable<IsoDayOfWeek> Weekdays(IsoDayOfWeek first, IsoDayOfWeek last) =>
        Enumerable.Range((int)first, last - first + 1).Select(d => (IsoDayOfWeek)d);
}
