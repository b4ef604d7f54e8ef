using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Notifications;

/// <summary>A notification as the bell lists it.</summary>
public sealed record NotificationItem(long Id, NotificationKind Kind, int TicketNumber, string TicketSubject, string? ActorName, string? Detail, DateTime CreatedAt, bool IsRead);

/// <summary>A person's own notifications and e-mail choices. Everything is scoped to the caller: nobody reads or marks another's.</summary>
public sealed class NotificationInbox(IDbContextFactory<HelpdeskDbContext> dbs, WriteGate gate, NotificationFeed feed, TimeProvider clock)
{
    public async Task<int> UnreadCountAsync(Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == caller.UserId && n.ReadAt == null, ct);
    }

    /// <summary>The newest first.</summary>
    public async Task<IReadOnlyList<NotificationItem>> RecentAsync(Caller caller, int take = 15, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == caller.UserId)
            .OrderByDescending(n => n.Id).Take(Math.Clamp(take, 1, 200))
            .Select(n => new NotificationItem(n.Id, n.Kind, n.TicketNumber, n.TicketSubject, n.ActorName, n.Detail, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(ct);
    }

    public async Task MarkReadAsync(Caller caller, long id, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using (await gate.EnterAsync(ct))
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            if (await db.Notifications.Where(n => n.Id == id && n.UserId == caller.UserId && n.ReadAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct) == 0) return;
        }
        feed.Changed([caller.UserId]);
    }

    public async Task MarkAllReadAsync(Caller caller, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        using (await gate.EnterAsync(ct))
        {
            await using var db = await dbs.CreateDbContextAsync(ct);
            if (await db.Notifications.Where(n => n.UserId == caller.UserId && n.ReadAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct) == 0) return;
        }
        feed.Changed([caller.UserId]);
    }

    /// <summary>The kinds this person can receive, in the order the settings page lists them.</summary>
    public static IReadOnlyList<NotificationKind> KindsFor(Caller caller)
    {
        List<NotificationKind> kinds = [NotificationKind.TicketReceived, NotificationKind.StaffReplied, NotificationKind.StatusChanged];
        if (caller.IsStaff)
            kinds.AddRange([NotificationKind.AssignedToYou, NotificationKind.RequesterReplied, NotificationKind.Mentioned, NotificationKind.SlaAtRisk, NotificationKind.SlaBreached]);
        if (caller.IsStaff && (caller.IsLead || caller.IsAdmin)) kinds.Add(NotificationKind.LeadAttention);
        return kinds;
    }

    /// <summary>The kinds the caller gets by e-mail (all of them unless they switched some off).</summary>
    public async Task<IReadOnlySet<NotificationKind>> EmailKindsAsync(Caller caller, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var off = await db.EmailOptOuts.Where(o => o.UserId == caller.UserId).Select(o => o.Kind).ToListAsync(ct);
        return KindsFor(caller).Except(off).ToHashSet();
    }

    public async Task SetEmailAsync(Caller caller, NotificationKind kind, bool on, CancellationToken ct = default)
    {
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.EmailOptOuts.SingleOrDefaultAsync(o => o.UserId == caller.UserId && o.Kind == kind, ct);
        if (on && row is not null) db.EmailOptOuts.Remove(row);
        else if (!on && row is null) db.EmailOptOuts.Add(new EmailOptOut { UserId = caller.UserId, Kind = kind });
        else return;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes notifications older than <paramref name="days"/>.</summary>
    public async Task<int> PruneAsync(int days, CancellationToken ct = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-Math.Max(1, days));
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Notifications.Where(n => n.CreatedAt < cutoff).ExecuteDeleteAsync(ct);
    }
}
