using Helpdesk.Core.Application;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Reports;

/// <summary>What a report's filters can be set to (names by id).</summary>
public sealed record ReportChoices(IReadOnlyList<CountRowId> Teams, IReadOnlyList<CountRowId> Categories, IReadOnlyList<CountRowId> Agents,
    IReadOnlyList<CountRowId> Requesters, IReadOnlyList<string> Departments);

/// <summary>An id and its label.</summary>
public sealed record CountRowId(int Id, string Name);

public sealed partial class ReportQueries
{
    public async Task<ReportChoices?> ChoicesAsync(Caller caller, CancellationToken ct = default)
    {
        if (!ReportAccess.CanRead(caller)) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Name).Select(t => new CountRowId(t.Id, t.Name)).ToListAsync(ct);
        var tree = new CategoryTree(await db.Categories.AsNoTracking().Select(c => new CategoryNode(c.Id, c.ParentId, c.Name)).ToListAsync(ct));
        var categories = (await db.Categories.AsNoTracking().Select(c => c.Id).ToListAsync(ct))
            .Select(id => new CountRowId(id, tree.PathOf(id))).OrderBy(c => c.Name, StringComparer.CurrentCulture).ToList();
        var staff = db.TeamMembers.Select(m => m.UserId);
        var agents = await db.Users.AsNoTracking().Where(u => staff.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new CountRowId(u.Id, u.DisplayName)).ToListAsync(ct);
        var requesters = await db.Users.AsNoTracking().Where(u => !staff.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new CountRowId(u.Id, u.DisplayName)).Take(5000).ToListAsync(ct);
        var departments = await db.Users.AsNoTracking().Where(u => u.Department != null && u.Department != "")
            .Select(u => u.Department!).Distinct().OrderBy(d => d).ToListAsync(ct);
        return new ReportChoices(teams, categories, agents, requesters, departments);
    }
}
