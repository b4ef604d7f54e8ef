using Helpdesk.Core.Sla.Calendars;
using NodaTime;

namespace Helpdesk.Core.Sla;

/// <summary>A stretch in which a ticket's clock did not run; <see cref="To"/> is null while it lasts.</summary>
public sealed record ClockPause(Instant From, Instant? To, SlaPauseReason Reason);

/// <summary>
/// A target measured on a calendar from a start, minus pauses: when it falls due, how much of it has
/// been used, and the story of where the time went. Pure, like <see cref="BusinessCalendar"/>.
/// </summary>
public sealed class SlaTimeline(BusinessCalendar calendar, Instant start, IReadOnlyList<ClockPause> pauses)
{
    private readonly IReadOnlyList<ClockPause> _pauses = [.. pauses.Where(p => p.To is null || p.To > start).OrderBy(p => p.From)];

    public BusinessCalendar Calendar => calendar;

    /// <summary>When <paramref name="target"/> of counted time will have passed; null while a pause that lasts still hides it.</summary>
    public Instant? DueAt(Duration target)
    {
        var left = target;
        var cursor = start;
        foreach (var pause in _pauses)
        {
            if (pause.From > cursor)
            {
                var chunk = calendar.Between(cursor, pause.From);
                if (chunk >= left) return calendar.Add(cursor, left);
                left -= chunk;
            }
            if (pause.To is not { } resumed) return null;
            if (resumed > cursor) cursor = resumed;
        }
        return calendar.Add(cursor, left);
    }

    /// <summary>As <see cref="DueAt"/>, but an ongoing pause is taken to end where it began: the due time as it stood when the clock stopped.</summary>
    public Instant DueAtIgnoringOngoingPause(Duration target) =>
        new SlaTimeline(calendar, start, [.. _pauses.Where(p => p.To is not null)]).DueAt(target)!.Value;

    /// <summary>Counted time between the start and <paramref name="until"/>.</summary>
    public Duration Used(Instant until)
    {
        var total = Duration.Zero;
        var cursor = start;
        foreach (var pause in _pauses)
        {
            if (cursor >= until) break;
            if (pause.From > cursor) total += calendar.Between(cursor, Min(pause.From, until));
            if (pause.To is not { } resumed) return total;
            if (resumed > cursor) cursor = resumed;
        }
        if (cursor < until) total += calendar.Between(cursor, until);
        return total;
    }

    /// <summary>Where the time between the start and <paramref name="until"/> went: pauses first, the calendar's reasons for the rest.</summary>
    public IReadOnlyList<CalendarSegment> Explain(Instant until)
    {
        var pieces = new List<CalendarSegment>();
        var cursor = start;
        foreach (var pause in _pauses)
        {
            if (cursor >= until) break;
            if (pause.From > cursor) pieces.AddRange(calendar.Explain(cursor, Min(pause.From, until)));
            var end = Min(pause.To ?? until, until);
            var from = pause.From > cursor ? pause.From : cursor;
            if (end > from)
                pieces.Add(new CalendarSegment(from, end, pause.Reason == SlaPauseReason.PendingOnRequester ? SegmentReason.PendingOnRequester : SegmentReason.Stopped));
            if (end > cursor) cursor = end;
        }
        if (cursor < until) pieces.AddRange(calendar.Explain(cursor, until));
        return pieces;
    }

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}

/// <summary>Why the clock stopped.</summary>
public enum SlaPauseReason
{
    /// <summary>Pending: waiting on the requester.</summary>
    PendingOnRequester = 0,
    /// <summary>Resolved, closed or rejected: only counts again if reopened.</summary>
    Stopped = 1,
}
