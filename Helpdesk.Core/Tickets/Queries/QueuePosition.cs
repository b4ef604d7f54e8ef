using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Queries;

/// <summary>
/// Where an unassigned ticket stands in its team's queue: tickets ahead are unassigned, open, in the
/// same team, and more urgent or as urgent and older. What a requester waiting for help wants to know.
/// </summary>
public sealed class QueuePosition(IDbContextFactory<HelpdeskDbContext> dbs)
{
    /// <summary>1 = next; null when assigned, closed, or not the caller's to see.</summary>
    public async Task<int?> GetAsync(Caller caller, int number, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var t = await db.Tickets.AsNoTracking().Where(TicketAccess.VisibleTo(caller)).Where(x => x.Number == number)
            .Select(x => new { x.TeamId, x.Priority, x.CreatedAt, x.AssigneeId, x.IsOpen }).SingleOrDefaultAsync(ct);
        if (t is null || t.AssigneeId is not null || !t.IsOpen) return null;
        var ahead = await db.Tickets.CountAsync(x => x.IsOpen && x.TeamId == t.TeamId && x.AssigneeId == null
            && (x.Priority < t.Priority || (x.Priority == t.Priority && x.CreatedAt < t.CreatedAt)), ct);
        return ahead + 1;
    }
}
