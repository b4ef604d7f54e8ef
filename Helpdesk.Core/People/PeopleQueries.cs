using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.People;

public sealed record PersonOption(int Id, string DisplayName, string? Email, string? Department, Tier? Tier);

public sealed record TeamOption(int Id, string Name, Tier Tier);

/// <summary>Pickers: the agents a ticket can go to, teams, requesters. Staff only.</summary>
public sealed class PeopleQueries(IDbContextFactory<HelpdeskDbContext> dbs)
{
    /// <summary>Active members of a team, for "Assign to...".</summary>
    public async Task<IReadOnlyList<PersonOption>> TeamMembersAsync(Caller caller, int teamId, CancellationToken ct = default)
    {
        if (!caller.IsStaff) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await (from m in db.TeamMembers
                      join u in db.Users on m.UserId equals u.Id
                      where m.TeamId == teamId && u.IsActive
                      orderby u.DisplayName
                      select new PersonOption(u.Id, u.DisplayName, u.Email, u.Department, u.Tier)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<TeamOption>> TeamsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Teams.AsNoTracking().OrderBy(t => t.Tier).ThenBy(t => t.Name).Select(t => new TeamOption(t.Id, t.Name, t.Tier)).ToListAsync(ct);
    }

    /// <summary>Requesters matching name, e-mail or department as an agent types (staff only).</summary>
    public async Task<IReadOnlyList<PersonOption>> FindPeopleAsync(Caller caller, string? text, int take = 20, CancellationToken ct = default)
    {
        if (!caller.IsStaff) return [];
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Users.AsNoTracking().Where(u => u.IsActive);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var like = "%" + text.Trim() + "%";
            // LIKE ignores case on SQLite (ASCII); PostgreSQL says so with ILIKE.
            q = db.IsPostgres()
                ? q.Where(u => EF.Functions.ILike(u.DisplayName, like) || EF.Functions.ILike(u.Email!, like) || EF.Functions.ILike(u.Department!, like))
                : q.Where(u => EF.Functions.Like(u.DisplayName, like) || EF.Functions.Like(u.Email!, like) || EF.Functions.Like(u.Department!, like));
        }
        return await q.OrderBy(u => u.DisplayName).Take(take).Select(u => new PersonOption(u.Id, u.DisplayName, u.Email, u.Department, u.Tier)).ToListAsync(ct);
    }
}
