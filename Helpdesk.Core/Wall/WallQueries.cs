using Helpdesk.Core.Data;
using Helpdesk.Core.People;
using Helpdesk.Core.Sla;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Wall;

/// <summary>The wall's read side. Counts are grouped in SQL; lists are capped at <see cref="ListCap"/>.</summary>
public sealed class WallQueries(IDbContextFactory<HelpdeskDbContext> dbs)
{
    public const int ListCap = 30;

    /// <summary>Waiting = open, nobody has it, and not parked on the requester.</summary>
    public static bool IsWaiting(TicketRow r) => r.IsOpen && r.AssigneeId is null && r.Status != TicketStatus.Pending;

    public static bool IsSlaUrgent(TicketRow r) => r.IsOpen && r.SlaState is SlaState.AtRisk or SlaState.Breached;

    /// <summary>Most urgent first: the target that falls (or fell) due first.</summary>
    public static DateTime SlaDue(TicketRow r) => r.SlaDueAt ?? r.ResolutionDueAt ?? r.FirstResponseDueAt ?? DateTime.MaxValue;

    /// <param name="dayStartUtc">Midnight of the display's "today", in UTC.</param>
    /// <param name="zone">The zone whose hours the trend is counted in.</param>
    public async Task<WallSnapshot> SnapshotAsync(WallAccess display, DateTime dayStartUtc, TimeZoneInfo zone, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.BeginSnapshotAsync(ct);
        var asOf = await db.Events.MaxAsync(e => (long?)e.Id, ct) ?? 0;

        var teams = display.TeamIds.ToArray();
        var tickets = display.AllTeams ? db.Tickets.AsNoTracking() : db.Tickets.AsNoTracking().Where(t => teams.Contains(t.TeamId));
        var open = tickets.Where(t => t.IsOpen);
        var cells = await open.GroupBy(t => new { t.Status, t.Priority, Unassigned = t.AssigneeId == null, t.SlaState })
            .Select(g => new WallCell(g.Key.Status, g.Key.Priority, g.Key.Unassigned, g.Key.SlaState, g.Count())).ToListAsync(ct);

        var waiting = await TicketRows.Project(db, open.Where(t => t.AssigneeId == null && t.Status != TicketStatus.Pending))
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(ListCap).ToListAsync(ct);
        var urgent = await TicketRows.Project(db, open.Where(t => t.SlaState == SlaState.AtRisk || t.SlaState == SlaState.Breached))
            .OrderBy(r => (r.SlaDueAt ?? r.ResolutionDueAt ?? r.FirstResponseDueAt) == null)
            .ThenBy(r => r.SlaDueAt ?? r.ResolutionDueAt ?? r.FirstResponseDueAt).ThenBy(r => r.Id).Take(ListCap).ToListAsync(ct);

        var created = await tickets.Where(t => t.CreatedAt >= dayStartUtc).Select(t => t.CreatedAt).ToListAsync(ct);
        var resolved = await tickets.Where(t => t.ResolvedAt >= dayStartUtc).Select(t => t.ResolvedAt!.Value).ToListAsync(ct);

        var members = db.TeamMembers.AsNoTracking().Where(m => display.AllTeams || teams.Contains(m.TeamId)).Select(m => m.UserId);
        var agents = await db.Users.AsNoTracking().Where(u => u.IsActive && members.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);

        return new WallSnapshot(asOf, cells,
            waiting,
            urgent,
            ByHour(created, zone), ByHour(resolved, zone), agents);
    }

    /// <summary>The local hour (0-23) an instant falls in.</summary>
    public static int HourOf(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).Hour;

    private static int[] ByHour(IEnumerable<DateTime> times, TimeZoneInfo zone)
    {
        var hours = new int[24];
        foreach (var t in times) hours[HourOf(t, zone)]++;
        return hours;
    }
}
