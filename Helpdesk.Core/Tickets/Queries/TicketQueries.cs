using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Queries;

/// <summary>Read side for lists. Every method takes the caller and returns only what they may see.</summary>
public sealed class TicketQueries(IDbContextFactory<HelpdeskDbContext> dbs)
{
    public const int MaxPage = 200;

    public async Task<Page<TicketRow>> ListAsync(Caller caller, QueueQuery query, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tickets = Filter(db, caller, query);
        var total = await tickets.CountAsync(ct);
        var rows = Sort(TicketRows.Project(db, tickets), query.Sort)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, MaxPage));
        return new Page<TicketRow>(await rows.ToListAsync(ct), total);
    }

    public async Task<QueueCounts> CountAsync(Caller caller, QueueQuery query, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tickets = Filter(db, caller, query);
        var byStatus = await tickets.GroupBy(t => t.Status).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var byPriority = await tickets.GroupBy(t => t.Priority).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return new QueueCounts(byStatus, byPriority);
    }

    /// <summary>
    /// A page, its counters and the event sequence they reflect, read in one snapshot (one read
    /// transaction), so a live view knows exactly which events it still has to apply.
    /// </summary>
    public async Task<QueueSnapshot> SnapshotAsync(Caller caller, QueueQuery query, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        await using var tx = await db.BeginSnapshotAsync(ct);
        var asOf = await db.Events.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var tickets = Filter(db, caller, query);
        var rows = await Sort(TicketRows.Project(db, tickets), query.Sort)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, MaxPage)).ToListAsync(ct);
        // One pass gives both counters and the total (at most 8 x 5 groups).
        var cells = await tickets.GroupBy(t => new { t.Status, t.Priority }).Select(g => new { g.Key.Status, g.Key.Priority, N = g.Count() }).ToListAsync(ct);
        var byStatus = cells.GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Sum(c => c.N));
        var byPriority = cells.GroupBy(c => c.Priority).ToDictionary(g => g.Key, g => g.Sum(c => c.N));
        return new QueueSnapshot(new Page<TicketRow>(rows, cells.Sum(c => c.N)), new QueueCounts(byStatus, byPriority), asOf);
    }

    /// <summary>One row by number, or null when missing or not the caller's to see.</summary>
    public async Task<TicketRow?> GetRowAsync(Caller caller, int number, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var tickets = db.Tickets.AsNoTracking().Where(TicketAccess.VisibleTo(caller)).Where(t => t.Number == number);
        return await TicketRows.Project(db, tickets).SingleOrDefaultAsync(ct);
    }

    /// <summary>The queue's SQL, for tests that check the plan uses an index.</summary>
    public string ToSql(HelpdeskDbContext db, Caller caller, QueueQuery query) =>
        Sort(TicketRows.Project(db, Filter(db, caller, query)), query.Sort).Take(query.Take).ToQueryString();

    internal static IQueryable<Ticket> Filter(HelpdeskDbContext db, Caller caller, QueueQuery q)
    {
        // Where the view itself implies access (my tickets, my teams, my requests), the access OR is
        // left out: the partial indexes do not cover RequesterId/AssigneeId, and that OR alone made a
        // team's count read every open row (74 ms vs 2.9 ms at 1,000,000 tickets, bench/RESULTS.md).
        var t = ViewImpliesAccess(caller, q.View) ? db.Tickets.AsNoTracking() : db.Tickets.AsNoTracking().Where(TicketAccess.VisibleTo(caller));
        var uid = caller.UserId;
        var teams = caller.TeamIds.ToArray();
        t = q.View switch
        {
            QueueView.Mine => t.Where(x => x.IsOpen && x.AssigneeId == uid),
            QueueView.UnassignedInMyTeams => t.Where(x => x.IsOpen && x.AssigneeId == null && teams.Contains(x.TeamId)),
            QueueView.MyTeams => t.Where(x => x.IsOpen && teams.Contains(x.TeamId)),
            QueueView.AllOpen => t.Where(x => x.IsOpen),
            QueueView.MyRequests => t.Where(x => x.RequesterId == uid),
            _ => t,
        };
        if (q.Statuses is { Count: > 0 } statuses) t = t.Where(x => statuses.Contains(x.Status));
        if (q.Priorities is { Count: > 0 } priorities) t = t.Where(x => priorities.Contains(x.Priority));
        if (q.Tiers is { Count: > 0 } tiers) t = t.Where(x => tiers.Contains(x.Tier));
        if (q.CategoryIds is { Count: > 0 } categories) t = t.Where(x => categories.Contains(x.CategoryId));
        if (q.TeamId is { } team) t = t.Where(x => x.TeamId == team);
        foreach (var field in q.Fields ?? [])
        {
            // IN (SELECT TicketId ... WHERE Key = @k AND Value = @v): a seek in IX_FieldValues_Key_Value, however many fields exist.
            var (key, value) = (field.Key, field.Value);
            var matching = db.FieldValues.Where(v => v.Key == key && v.Value == value).Select(v => v.TicketId);
            t = t.Where(x => matching.Contains(x.Id));
        }
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var s = q.Search.Trim();
            if (TicketNumber.TryParse(s, out var number)) t = t.Where(x => x.Number == number);
            else
            {
                var like = "%" + s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
                // LIKE ignores case on SQLite (ASCII); PostgreSQL says so with ILIKE.
                t = db.IsPostgres()
                    ? t.Where(x => EF.Functions.ILike(x.Subject, like, "\\") || EF.Functions.ILike(x.Description, like, "\\"))
                    : t.Where(x => EF.Functions.Like(x.Subject, like, "\\") || EF.Functions.Like(x.Description, like, "\\"));
            }
        }
        return t;
    }

    /// <summary>True when every ticket the view selects is one the caller may see anyway.</summary>
    internal static bool ViewImpliesAccess(Caller caller, QueueView view) =>
        view == QueueView.MyRequests
        || (caller.IsStaff && view is QueueView.Mine or QueueView.MyTeams or QueueView.UnassignedInMyTeams);

    /// <summary>The queues' orders; the id is the last key everywhere, so the order is total (cursor and skip paging rely on it).</summary>
    internal static IQueryable<TicketRow> Sort(IQueryable<TicketRow> rows, QueueSort sort) => sort switch
    {
        QueueSort.UpdatedAsc => rows.OrderBy(r => r.UpdatedAt).ThenBy(r => r.Id),
        QueueSort.CreatedDesc => rows.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id),
        QueueSort.CreatedAsc => rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id),
        QueueSort.PriorityAsc => rows.OrderBy(r => r.Priority).ThenByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id),
        QueueSort.NumberDesc => rows.OrderByDescending(r => r.Number),
        QueueSort.SlaDueAsc => rows.OrderBy(r => r.SlaDueAt == null).ThenBy(r => r.SlaDueAt).ThenBy(r => r.Id),
        _ => rows.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id),
    };
}
