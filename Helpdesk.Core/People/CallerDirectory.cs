using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.People;

/// <summary>Builds the <see cref="Caller"/> for a signed-in user: roles, teams and tier come from the database, not the cookie.</summary>
public sealed class CallerDirectory(IDbContextFactory<HelpdeskDbContext> dbs)
{
    /// <summary>Null when the user does not exist or is deactivated.</summary>
    public async Task<Caller?> ForUserAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive)
            .Select(u => new { u.Id, u.DisplayName, u.Tier }).SingleOrDefaultAsync(ct);
        if (user is null) return null;
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name!).ToListAsync(ct);
        var teams = await db.TeamMembers.Where(m => m.UserId == userId).Select(m => m.TeamId).ToListAsync(ct);
        if (roles.Count == 0) roles.Add(Roles.Requester);
        return new Caller(user.Id, user.DisplayName, roles.ToHashSet(), teams.ToHashSet(), user.Tier);
    }
}
