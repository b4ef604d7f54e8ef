using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Core.Routing;

/// <summary>
/// Keeps the stored due times (<see cref="EscalationDue"/>) in step with tickets and rules: a row
/// per (ticket, rule) while the rule applies; a fired row is never touched again. New tickets get
/// theirs inside <c>CreateTicket</c>'s transaction; changes are followed from the event stream;
/// rule edits and each start-up reconcile everything, so a crash between a commit and its event
/// costs at most a late (never a double) escalation.
/// </summary>
public sealed class EscalationSchedule(IDbContextFactory<HelpdeskDbContext> dbs, WriteGate gate, ILogger<EscalationSchedule> log)
{
    /// <summary>Due rows for a ticket just created in this unit of work (it must have its id).</summary>
    public static async Task PlanAsync(TicketWork w, Ticket ticket, CancellationToken ct)
    {
        var rules = await w.Db.EscalationRules.AsNoTracking().Where(r => r.IsActive).ToListAsync(ct);
        var subject = EscalationSubject.Of(ticket);
        foreach (var rule in rules.Where(r => EscalationPolicy.Applies(r, subject)))
            w.Db.EscalationDue.Add(new EscalationDue { TicketId = ticket.Id, RuleId = rule.Id, DueAt = EscalationPolicy.DueAt(rule, subject) });
    }

    /// <summary>After a ticket changed: adds, moves or drops its unfired due rows. Writes only when something differs.</summary>
    public async Task RescheduleAsync(int ticketId, CancellationToken ct = default)
    {
        await using (var peek = await dbs.CreateDbContextAsync(ct))
            if (!await SyncAsync(peek, ticketId, ct)) return;
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await SyncAsync(db, ticketId, ct)) return;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static async Task<bool> SyncAsync(HelpdeskDbContext db, int ticketId, CancellationToken ct)
    {
        var rules = await db.EscalationRules.AsNoTracking().Where(r => r.IsActive).ToListAsync(ct);
        var subject = await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new EscalationSubject(t.IsOpen, t.IsArchived, t.CreatedAt, t.TeamId, t.Priority, t.Tier, t.AssigneeId)).SingleOrDefaultAsync(ct);
        var rows = await db.EscalationDue.Where(d => d.TicketId == ticketId).ToListAsync(ct);
        return Apply(db, ticketId, subject, rules, rows);
    }

    /// <summary>Rebuilds every unfired due row from the tickets and active rules. Returns how many rows it added or removed.</summary>
    public async Task<int> ReconcileAsync(CancellationToken ct = default)
    {
        using var _ = await gate.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var rules = await db.EscalationRules.AsNoTracking().Where(r => r.IsActive).ToListAsync(ct);
        var pending = await db.EscalationDue.Where(d => d.FiredAt == null).ToListAsync(ct);
        // Rules ignore tickets created before they apply, so only recent open tickets can need a row.
        var since = rules.Count == 0 ? DateTime.MaxValue : rules.Min(r => r.AppliesFrom);
        var subjects = await db.Tickets.AsNoTracking().Where(t => t.IsOpen && !t.IsArchived && t.CreatedAt >= since)
            .Select(t => new { t.Id, Subject = new EscalationSubject(t.IsOpen, t.IsArchived, t.CreatedAt, t.TeamId, t.Priority, t.Tier, t.AssigneeId) })
            .ToDictionaryAsync(t => t.Id, t => t.Subject, ct);
        var ids = subjects.Keys.ToArray();
        var fired = await db.EscalationDue.Where(d => d.FiredAt != null && ids.Contains(d.TicketId)).ToListAsync(ct);
        var byTicket = pending.Concat(fired).ToLookup(d => d.TicketId);

        foreach (var ticketId in subjects.Keys.Union(pending.Select(d => d.TicketId)))
            Apply(db, ticketId, subjects.GetValueOrDefault(ticketId), rules, [.. byTicket[ticketId]]);
        db.ChangeTracker.DetectChanges();
        var changes = db.ChangeTracker.Entries().Count(e => e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (changes > 0) log.LogInformation("Escalation schedule reconciled: {Changes} due time(s) added, moved or dropped", changes);
        return changes;
    }

    /// <summary>Makes <paramref name="rows"/> (all of the ticket's, tracked) match what the rules want now. True if anything changed.</summary>
    private static bool Apply(HelpdeskDbContext db, int ticketId, EscalationSubject? subject, IReadOnlyList<EscalationRule> rules, IReadOnlyList<EscalationDue> rows)
    {
        var wanted = subject is null ? [] : rules.Where(r => EscalationPolicy.Applies(r, subject)).ToDictionary(r => r.Id, r => EscalationPolicy.DueAt(r, subject));
        var changed = false;
        foreach (var row in rows.Where(r => r.FiredAt is null))
        {
            if (!wanted.TryGetValue(row.RuleId, out var due))
            {
                db.EscalationDue.Remove(row);
                changed = true;
            }
            else if (row.DueAt != due)
            {
                row.DueAt = due;
                changed = true;
            }
        }
        foreach (var (ruleId, due) in wanted)
        {
            if (rows.Any(r => r.RuleId == ruleId)) continue;
            db.EscalationDue.Add(new EscalationDue { TicketId = ticketId, RuleId = ruleId, DueAt = due });
            changed = true;
        }
        return changed;
    }
}
