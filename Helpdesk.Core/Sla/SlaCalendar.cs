using Helpdesk.Core.Sla.Calendars;
using NodaTime;

namespace Helpdesk.Core.Sla;

/// <summary>A business calendar as stored and edited: working hours per weekday, a time zone, holidays.</summary>
public sealed class SlaCalendar
{
    public const int NameMax = 100;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    /// <summary>An IANA zone id ("Europe/Berlin"): hours and holidays are read on its clocks.</summary>
    public string TimeZoneId { get; set; } = "UTC";
    public List<SlaWorkingHours> Hours { get; set; } = [];
    public List<SlaHoliday> Holidays { get; set; } = [];

    /// <summary>The pure calendar the arithmetic runs on; null if the zone is unknown to this machine's tz database.</summary>
    public BusinessCalendar? ToCalendar() =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(TimeZoneId) is { } zone
            ? new BusinessCalendar(zone,
                Hours.Select(h => new WorkingHours((IsoDayOfWeek)h.Day, Time(h.StartMinute), Time(h.EndMinute))),
                Holidays.Select(h => new Holiday(LocalDate.FromDateOnly(h.Date), h.Name, h.Yearly)))
            : null;

    private static LocalTime Time(int minutes) => new(minutes / 60, minutes % 60);
}

/// <summary>One working span: <see cref="Day"/> is ISO (1 = Monday ... 7 = Sunday); an end at or before the start ends the next day.</summary>
public sealed class SlaWorkingHours
{
    public int Id { get; set; }
    public int CalendarId { get; set; }
    public int Day { get; set; }
    public int StartMinute { get; set; }
    public int EndMinute { get; set; }
}

public sealed class SlaHoliday
{
    public const int NameMax = 100;

    public int Id { get; set; }
    public int CalendarId { get; set; }
    public DateOnly Date { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Repeats on the same month and day every year.</summary>
    public bool Yearly { get; set; }
}
