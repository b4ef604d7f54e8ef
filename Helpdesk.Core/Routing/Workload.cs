using Helpdesk.Core.Data;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Routing;

/// <summary>
/// An agent's load: their open tickets weighted by priority, P1 = 5, P2 = 3, P3 = 2, P4 and P5 = 1,
/// so one critical incident counts like five small requests. Counted over all their teams (one
/// person, one capacity). Least-loaded routing and the board's column headers use the same numbers.
/// </summary>
public static class Workload
{
    public static int Weight(Priority priority) => priority switch
    {
        Priority.P1 => 5,
        Priority.P2 => 3,
        Priority.P3 => 2,
        _ => 1,
    };

    /// <summary>Each agent's weighted open load (0 for those with nothing open); reads the open-assignee index.</summary>
    public static async Task<Dictionary<int, int>> OfAsync(HelpdeskDbContext db, IReadOnlyCollection<int> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToArray();
        var counts = await db.Tickets.AsNoTracking()
            .Where(t => t.IsOpen && t.AssigneeId != null && ids.Contains(t.AssigneeId!.Value))
            .GroupBy(t => new { t.AssigneeId, t.Priority })
            .Select(g => new { g.Key.AssigneeId, g.Key.Priority, N = g.Count() })
            .ToListAsync(ct);
        var loads = ids.ToDictionary(id => id, _ => 0);
        foreach (var c in counts) loads[c.AssigneeId!.Value] += Weight(c.Priority) * c.N;
        return loads;
    }
}
