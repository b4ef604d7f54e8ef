using Microsoft.Extensions.Options;

namespace Helpdesk.Core.Reports;

/// <summary>The desk's calendar for reports: local days, Monday weeks and months, turned into UTC instants for SQL.</summary>
public sealed class ReportClock(TimeProvider time, IOptionsMonitor<ReportOptions> options)
{
    public TimeZoneInfo Zone =>
        options.CurrentValue.TimeZone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : time.LocalTimeZone;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(UtcNow, Zone));

    /// <summary>Local midnight starting <paramref name="day"/>, in UTC.</summary>
    public DateTime StartOf(DateOnly day) => StartOf(day, Zone);

    public static DateTime StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // A midnight skipped by a DST jump starts the day at the first valid minute.
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    public static DateOnly DayOf(DateTime utc, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone));

    /// <summary>The Monday of the week <paramref name="day"/> falls in.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The first day of the period (day, Monday week, month) holding <paramref name="day"/>.</summary>
    public static DateOnly PeriodOf(DateOnly day, ReportGrouping grouping) => grouping switch
    {
        ReportGrouping.Week => WeekOf(day),
        ReportGrouping.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    public static DateOnly NextPeriod(DateOnly start, ReportGrouping grouping) => grouping switch
    {
        ReportGrouping.Week => start.AddDays(7),
        ReportGrouping.Month => start.AddMonths(1),
        _ => start.AddDays(1),
    };
}
