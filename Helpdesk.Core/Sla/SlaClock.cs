using Helpdesk.Core.Application;
using Helpdesk.Core.Events;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Helpdesk.Core.Sla;

/// <summary>
/// The SLA clock, run by <see cref="TicketWriter"/> for every ticket a command created or changed,
/// inside the command's transaction: it opens and closes pauses as the status moves, chooses the
/// policy when the ticket is new or its priority, category or team changed, recomputes the due
/// times and state, and fires at-risk and breach (once per target, as internal events, a breach
/// recorded for reports). The SLA service only asks for a look when a stored moment falls due.
/// </summary>
internal static class SlaClock
{
    public static async Task FollowAsync(TicketWork w, Ticket primary, CancellationToken ct)
    {
        w.Db.ChangeTracker.DetectChanges();
        var tickets = w.Db.ChangeTracker.Entries<Ticket>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity)
            .Concat(w.Emitted.Select(e => e.Ticket)).Prepend(primary).Distinct().ToList();
        if (tickets.Any(t => t.Id == 0)) await w.Db.SaveChangesAsync(ct);
        foreach (var ticket in tickets) await ApplyAsync(w, ticket, ct);
    }

    /// <summary>Why the clock does not run in a status; null while it runs.</summary>
    public static SlaPauseReason? PauseFor(TicketStatus status) => status switch
    {
        TicketStatus.Pending => SlaPauseReason.PendingOnRequester,
        TicketStatus.Resolved or TicketStatus.Closed or TicketStatus.Rejected => SlaPauseReason.Stopped,
        _ => null,
    };

    private static async Task ApplyAsync(TicketWork w, Ticket ticket, CancellationToken ct)
    {
        var db = w.Db;
        var clock = await db.TicketSla.SingleOrDefaultAsync(c => c.TicketId == ticket.Id, ct);
        var isNew = clock is null;
        if (clock is null) db.TicketSla.Add(clock = new TicketSla { TicketId = ticket.Id });

        var pauses = await db.SlaPauses.Where(p => p.TicketId == ticket.Id).OrderBy(p => p.From).ToListAsync(ct);
        var want = PauseFor(ticket.Status);
        var open = pauses.LastOrDefault(p => p.To is null);
        if (open is not null && open.Reason != want)
        {
            open.To = w.Now;
            open = null;
        }
        if (want is { } reason && open is null)
        {
            pauses.Add(open = new SlaPause { TicketId = ticket.Id, From = w.Now, Reason = reason });
            db.SlaPauses.Add(open);
        }

        if (isNew || clock.Recalculate || clock.Priority != ticket.Priority || clock.CategoryId != ticket.CategoryId || clock.TeamId != ticket.TeamId)
            await ChoosePolicyAsync(db, clock, ticket, ct);

        var calendar = clock.CalendarId is { } calendarId
            ? (await db.SlaCalendars.AsNoTracking().Include(c => c.Hours).Include(c => c.Holidays).SingleOrDefaultAsync(c => c.Id == calendarId, ct))?.ToCalendar()
            : null;
        if (calendar is not { HasWorkingTime: true } || clock.FirstResponseMinutes is null || clock.ResolutionMinutes is null)
        {
            clock.NextCheckAt = null;
            ticket.SetSla(null, null, null, SlaState.None);
            return;
        }

        var now = Instant.FromDateTimeUtc(w.Now);
        var timeline = new SlaTimeline(calendar, Instant.FromDateTimeUtc(ticket.CreatedAt),
            [.. pauses.Select(p => new ClockPause(Instant.FromDateTimeUtc(p.From), p.To is { } to ? Instant.FromDateTimeUtc(to) : null, p.Reason))]);
        Instant? stoppedAt = want == SlaPauseReason.Stopped ? Instant.FromDateTimeUtc(open!.From) : null;
        Instant? respondedAt = ticket.FirstRespondedAt is { } r ? Instant.FromDateTimeUtc(r) : stoppedAt;

        var response = Measure(timeline, clock.FirstResponseMinutes.Value, clock.AtRiskPercent, respondedAt, now);
        var resolution = Measure(timeline, clock.ResolutionMinutes.Value, clock.AtRiskPercent, stoppedAt, now);
        Fire(w, ticket, clock, SlaTarget.FirstResponse, response);
        Fire(w, ticket, clock, SlaTarget.Resolution, resolution);

        var breached = clock.FirstResponseBreachedAt is not null || clock.ResolutionBreachedAt is not null;
        var state = breached ? SlaState.Breached
            : want == SlaPauseReason.Stopped ? SlaState.Met
            : want == SlaPauseReason.PendingOnRequester ? SlaState.Paused
            : response.AtRisk || resolution.AtRisk ? SlaState.AtRisk
            : SlaState.OnTrack;
        var running = want is null;
        var counting = respondedAt is null ? response.Due : resolution.Due;
        ticket.SetSla(response.Due.ToDateTimeUtc(), resolution.Due.ToDateTimeUtc(), running ? counting.ToDateTimeUtc() : null, state);

        // The next moment worth a look: an at-risk or breach of a target still open that has not fired.
        var next = new List<Instant>();
        if (running)
        {
            if (response.MetAt is null) AddNext(next, clock.FirstResponseAtRiskAt, response.AtRiskAt, clock.FirstResponseBreachedAt, response.Due);
            AddNext(next, clock.ResolutionAtRiskAt, resolution.AtRiskAt, clock.ResolutionBreachedAt, resolution.Due);
        }
        clock.NextCheckAt = next.Count == 0 ? null : next.Min().ToDateTimeUtc();
    }

    private static void AddNext(List<Instant> next, DateTime? atRiskFired, Instant atRiskAt, DateTime? breachFired, Instant due)
    {
        if (atRiskFired is null) next.Add(atRiskAt);
        if (breachFired is null) next.Add(due);
    }

    /// <summary>One target now. <see cref="Due"/> while paused is the due time as it stood when the clock stopped.</summary>
    private readonly record struct Measured(Instant Due, Instant AtRiskAt, Instant? MetAt, bool Breached, bool AtRisk);

    private static Measured Measure(SlaTimeline timeline, int minutes, int atRiskPercent, Instant? metAt, Instant now)
    {
        var target = Duration.FromMinutes(minutes);
        var due = timeline.DueAt(target) ?? timeline.DueAtIgnoringOngoingPause(target);
        var atRiskAt = timeline.DueAt(target * atRiskPercent / 100.0) ?? timeline.DueAtIgnoringOngoingPause(target * atRiskPercent / 100.0);
        // A live pause hides the due time: nothing can be missed until the clock runs again.
        var paused = timeline.DueAt(target) is null;
        var breached = metAt is { } met ? met > due : !paused && now >= due;
        var atRisk = metAt is null && !paused && now >= atRiskAt;
        return new Measured(due, atRiskAt, metAt, breached, atRisk);
    }

    private static void Fire(TicketWork w, Ticket ticket, TicketSla clock, SlaTarget target, Measured m)
    {
        var (atRiskAt, breachedAt) = target == SlaTarget.FirstResponse
            ? (clock.FirstResponseAtRiskAt, clock.FirstResponseBreachedAt)
            : (clock.ResolutionAtRiskAt, clock.ResolutionBreachedAt);
        if (m.Breached && breachedAt is null)
        {
            breachedAt = w.Now;
            // Straight to breach (a reprioritised ticket, a late reply): the at-risk moment has passed unannounced.
            atRiskAt ??= w.Now;
            w.Db.SlaBreaches.Add(new SlaBreach
            {
                TicketId = ticket.Id, Target = target, PolicyId = clock.PolicyId, PolicyName = clock.PolicyName,
                TeamId = ticket.TeamId, Priority = ticket.Priority, DueAt = m.Due.ToDateTimeUtc(), BreachedAt = w.Now,
            });
            w.Emit(ticket, TicketEventKind.SlaBreached, isInternal: true);
        }
        else if (m.AtRisk && atRiskAt is null)
        {
            atRiskAt = w.Now;
            w.Emit(ticket, TicketEventKind.SlaAtRisk, isInternal: true);
        }
        if (target == SlaTarget.FirstResponse) (clock.FirstResponseAtRiskAt, clock.FirstResponseBreachedAt) = (atRiskAt, breachedAt);
        else (clock.ResolutionAtRiskAt, clock.ResolutionBreachedAt) = (atRiskAt, breachedAt);
    }

    private static async Task ChoosePolicyAsync(Data.HelpdeskDbContext db, TicketSla clock, Ticket ticket, CancellationToken ct)
    {
        var policy = (await db.SlaPolicies.AsNoTracking()
                .Where(p => p.IsActive && p.Priority == ticket.Priority
                            && (p.CategoryId == null || p.CategoryId == ticket.CategoryId)
                            && (p.TeamId == null || p.TeamId == ticket.TeamId))
                .ToListAsync(ct))
            .OrderByDescending(p => p.Specificity).ThenBy(p => p.Id).FirstOrDefault();
        clock.PolicyId = policy?.Id;
        clock.PolicyName = policy?.Name;
        clock.CalendarId = policy?.CalendarId;
        clock.FirstResponseMinutes = policy?.FirstResponseMinutes;
        clock.ResolutionMinutes = policy?.ResolutionMinutes;
        clock.AtRiskPercent = policy?.AtRiskPercent ?? 0;
        clock.Priority = ticket.Priority;
        clock.CategoryId = ticket.CategoryId;
        clock.TeamId = ticket.TeamId;
        clock.Recalculate = false;
    }
}
