using NodaTime;
using NodaTime.TimeZones;

namespace Helpdesk.Core.Sla.Calendars;

/// <summary>One working span of a weekday, in the calendar's local time. An end at or before the start ends on the next day (a night shift; 00:00-00:00 is the whole day).</summary>
public sealed record WorkingHours(IsoDayOfWeek Day, LocalTime Start, LocalTime End);

/// <summary>A day off. <see cref="Yearly"/> repeats it on the same month and day every year.</summary>
public sealed record Holiday(LocalDate Date, string Name, bool Yearly = false)
{
    public bool FallsOn(LocalDate date) => Yearly ? date.Month == Date.Month && date.Day == Date.Day : date == Date;
}

/// <summary>A stretch of business time, as instants (so a span across a clock change has its real length).</summary>
public readonly record struct BusinessSpan(Instant Start, Instant End)
{
    public Duration Length => End - Start;
}

/// <summary>
/// Working hours in a time zone with holidays, and the arithmetic targets need: add business time
/// to an instant, measure business time between two instants, and say why the rest did not count.
/// Pure: no clock, no database. Local times are resolved leniently, so a span starting in the hour
/// a spring-forward skips starts when the clocks show the next valid time, and an end in the hour
/// a fall-back repeats is the first of the two.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>How far ahead the arithmetic looks for working time before giving up (a calendar with none).</summary>
    public const int HorizonDays = 3 * 366;

    private readonly ILookup<IsoDayOfWeek, WorkingHours> _hours;
    private readonly IReadOnlyList<Holiday> _holidays;

    public BusinessCalendar(DateTimeZone zone, IEnumerable<WorkingHours> hours, IEnumerable<Holiday>? holidays = null)
    {
        Zone = zone;
        _hours = hours.OrderBy(h => h.Start).ToLookup(h => h.Day);
        _holidays = [.. holidays ?? []];
        HasWorkingTime = _hours.Any();
    }

    /// <summary>Every day, all day, in UTC: the clock simply runs.</summary>
    public static BusinessCalendar AlwaysOpen(DateTimeZone? zone = null) => new(zone ?? DateTimeZone.Utc,
        Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).Select(d => new WorkingHours(d, LocalTime.Midnight, LocalTime.Midnight)));

    public DateTimeZone Zone { get; }
    public bool HasWorkingTime { get; }

    public Holiday? HolidayOn(LocalDate date) => _holidays.FirstOrDefault(h => h.FallsOn(date));

    public bool IsWorkingDay(LocalDate date) => _hours[date.DayOfWeek].Any();

    /// <summary>The working spans that end after <paramref name="from"/>, in order, the first clipped to start no earlier than it.</summary>
    public IEnumerable<BusinessSpan> SpansFrom(Instant from)
    {
        if (!HasWorkingTime) yield break;
        // Start a day early: yesterday's night shift may still be running.
        var date = from.InZone(Zone).Date.PlusDays(-1);
        var last = from;
        for (var i = 0; i <= HorizonDays; i++, date = date.PlusDays(1))
        {
            if (HolidayOn(date) is not null) continue;
            foreach (var h in _hours[date.DayOfWeek])
            {
                var start = Resolve(date.At(h.Start));
                var end = Resolve((h.End > h.Start ? date : date.PlusDays(1)).At(h.End));
                // Overlapping definitions (a night shift running into the next morning's hours) count once.
                if (start < last) start = last;
                if (end <= start) continue;
                last = end;
                yield return new BusinessSpan(start, end);
            }
        }
    }

    /// <summary>
    /// The instant at which <paramref name="amount"/> of business time has passed since <paramref name="from"/>.
    /// A target that runs out exactly at closing time is due at closing time, not at the next opening.
    /// </summary>
    public Instant Add(Instant from, Duration amount)
    {
        if (amount <= Duration.Zero) return from;
        var left = amount;
        foreach (var span in SpansFrom(from))
        {
            if (left <= span.Length) return span.Start + left;
            left -= span.Length;
        }
        throw new InvalidOperationException($"The calendar has no working time within {HorizonDays} days.");
    }

    /// <summary>Business time between two instants (zero if <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public Duration Between(Instant from, Instant to)
    {
        var total = Duration.Zero;
        if (to <= from) return total;
        foreach (var span in SpansFrom(from))
        {
            if (span.Start >= to) break;
            total += (span.End < to ? span.End : to) - span.Start;
        }
        return total;
    }

    /// <summary>
    /// Cuts [from, to) into pieces that counted and pieces that did not, each with its reason; days
    /// off are told apart from nights, and holidays are named. Adjacent pieces of one reason merge.
    /// </summary>
    public IReadOnlyList<CalendarSegment> Explain(Instant from, Instant to)
    {
        var pieces = new List<CalendarSegment>();
        if (to <= from) return pieces;
        var cursor = from;
        foreach (var span in SpansFrom(from))
        {
            if (span.Start >= to) break;
            if (span.Start > cursor) AddGap(pieces, cursor, span.Start);
            var end = span.End < to ? span.End : to;
            Append(pieces, new CalendarSegment(span.Start, end, SegmentReason.Counted));
            cursor = end;
        }
        if (cursor < to) AddGap(pieces, cursor, to);
        return pieces;
    }

    private void AddGap(List<CalendarSegment> pieces, Instant from, Instant to)
    {
        // Split at local midnights so each piece can say whether its day was a holiday, a day off or a night.
        var cursor = from;
        while (cursor < to)
        {
            var date = cursor.InZone(Zone).Date;
            var midnight = Zone.AtStartOfDay(date.PlusDays(1)).ToInstant();
            var end = midnight < to ? midnight : to;
            var holiday = HolidayOn(date);
            var reason = holiday is not null && IsWorkingDay(date) ? SegmentReason.Holiday
                : IsWorkingDay(date) ? SegmentReason.OutsideHours : SegmentReason.DayOff;
            Append(pieces, new CalendarSegment(cursor, end, reason, reason == SegmentReason.Holiday ? holiday!.Name : null));
            cursor = end;
        }
    }

    private static void Append(List<CalendarSegment> pieces, CalendarSegment next)
    {
        if (pieces.Count > 0 && pieces[^1] is var last && last.End == next.Start && last.Reason == next.Reason && last.Note == next.Note)
            pieces[^1] = last with { End = next.End };
        else pieces.Add(next);
    }

    private Instant Resolve(LocalDateTime local) => Zone.ResolveLocal(local, Resolvers.LenientResolver).ToInstant();
}

/// <summary>Why a stretch of a ticket's life did or did not count towards its targets.</summary>
public enum SegmentReason
{
    Counted,
    OutsideHours,
    DayOff,
    Holiday,
    PendingOnRequester,
    Stopped,
}

/// <summary>A stretch of time and why it counted or not; <see cref="Note"/> names the holiday.</summary>
public sealed record CalendarSegment(Instant Start, Instant End, SegmentReason Reason, string? Note = null)
{
    public Duration Length => End - Start;
}
