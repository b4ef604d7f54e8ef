using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Sla.Calendars;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Helpdesk.Core.Sla;

/// <param name="DueAt">UTC; while paused, the due time as it stood when the clock stopped.</param>
/// <param name="MetAt">When the target was met (responded, resolved); null while it is open.</param>
/// <param name="UsedMinutes">Business minutes counted so far (up to when it was met).</param>
public sealed record SlaTargetView(SlaTarget Target, int Minutes, DateTime DueAt, DateTime? MetAt, DateTime? BreachedAt, int UsedMinutes);

public sealed record SlaSegmentView(DateTime Start, DateTime End, SegmentReason Reason, string? Note, int Minutes);

/// <summary>
/// What a ticket's SLA panel shows: the policy, each target, and where the time went (which stretches
/// counted and why the others did not). <see cref="Segments"/> keeps the most recent ones.
/// </summary>
public sealed record SlaPanel(string PolicyName, string CalendarName, string TimeZoneId, SlaState State, int AtRiskPercent, bool Paused,
    IReadOnlyList<SlaTargetView> Targets, IReadOnlyList<SlaSegmentView> Segments, int EarlierSegments, DateTime ComputedAt);

/// <summary>The requester's promise: when we aim to respond, on the desk's clocks.</summary>
public sealed record ResponsePromise(DateTime DueAt, string TimeZoneId);

public sealed class SlaQueries(IDbContextFactory<HelpdeskDbContext> dbs, TimeProvider clock)
{
    public const int MaxSegments = 60;

    /// <summary>Staff only; null when the caller may not see the ticket or it has no SLA.</summary>
    public async Task<SlaPanel?> GetPanelAsync(Caller caller, int number, CancellationToken ct = default)
    {
        if (!caller.IsStaff) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var ticket = await db.Tickets.AsNoTracking().Where(TicketAccess.VisibleTo(caller)).SingleOrDefaultAsync(t => t.Number == number, ct);
        if (ticket is null) return null;
        var sla = await db.TicketSla.AsNoTracking().SingleOrDefaultAsync(s => s.TicketId == ticket.Id, ct);
        if (sla is not { CalendarId: { } calendarId, FirstResponseMinutes: { } responseMinutes, ResolutionMinutes: { } resolutionMinutes }) return null;
        var stored = await db.SlaCalendars.AsNoTracking().Include(c => c.Hours).Include(c => c.Holidays).SingleOrDefaultAsync(c => c.Id == calendarId, ct);
        if (stored?.ToCalendar() is not { HasWorkingTime: true } calendar) return null;
        var pauses = await db.SlaPauses.AsNoTracking().Where(p => p.TicketId == ticket.Id).OrderBy(p => p.From).ToListAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var timeline = new SlaTimeline(calendar, Instant.FromDateTimeUtc(ticket.CreatedAt),
            [.. pauses.Select(p => new ClockPause(Instant.FromDateTimeUtc(p.From), p.To is { } to ? Instant.FromDateTimeUtc(to) : null, p.Reason))]);
        var stopped = pauses.LastOrDefault(p => p.To is null && p.Reason == SlaPauseReason.Stopped)?.From;
        var responded = ticket.FirstRespondedAt ?? stopped;
        SlaTargetView Target(SlaTarget target, int minutes, DateTime? metAt, DateTime? breachedAt) => new(target, minutes,
            (ticket.FirstResponseDueAt is { } d1 && target == SlaTarget.FirstResponse ? d1 : target == SlaTarget.Resolution && ticket.ResolutionDueAt is { } d2 ? d2
                : timeline.DueAtIgnoringOngoingPause(Duration.FromMinutes(minutes)).ToDateTimeUtc()),
            metAt, breachedAt, (int)timeline.Used(Instant.FromDateTimeUtc(metAt ?? now)).TotalMinutes);

        var until = stopped ?? now;
        var segments = timeline.Explain(Instant.FromDateTimeUtc(until > ticket.CreatedAt ? until : ticket.CreatedAt))
            .Select(s => new SlaSegmentView(s.Start.ToDateTimeUtc(), s.End.ToDateTimeUtc(), s.Reason, s.Note, (int)Math.Round(s.Length.TotalMinutes)))
            .ToList();
        var earlier = Math.Max(0, segments.Count - MaxSegments);
        return new SlaPanel(sla.PolicyName ?? "", stored.Name, stored.TimeZoneId, ticket.SlaState, sla.AtRiskPercent,
            ticket.Status == TicketStatus.Pending,
            [Target(SlaTarget.FirstResponse, responseMinutes, responded, sla.FirstResponseBreachedAt),
             Target(SlaTarget.Resolution, resolutionMinutes, stopped, sla.ResolutionBreachedAt)],
            segments[earlier..], earlier, now);
    }

    /// <summary>For the requester's page: when we aim to respond, while nobody has yet. Null otherwise.</summary>
    public async Task<ResponsePromise?> GetResponsePromiseAsync(Caller caller, int number, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await (from t in db.Tickets.AsNoTracking().Where(TicketAccess.VisibleTo(caller))
                      where t.Number == number && t.IsOpen && t.FirstRespondedAt == null && t.FirstResponseDueAt != null
                      join s in db.TicketSla on t.Id equals s.TicketId
                      join c in db.SlaCalendars on s.CalendarId equals c.Id
                      select new ResponsePromise(t.FirstResponseDueAt!.Value, c.TimeZoneId)).SingleOrDefaultAsync(ct);
    }
}
