using System.Globalization;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Admin;

public sealed record TeamMemberRow(int UserId, string DisplayName, string? Email, Tier? Tier, bool IsLead, bool IsActive);

public sealed record TeamRow(int Id, string Name, Tier Tier, IReadOnlyList<TeamMemberRow> Members);

/// <summary>A person who can join a team (Agent, Team lead or Admin), with their category skills.</summary>
public sealed record StaffOption(int Id, string DisplayName, string? Email, Tier? Tier, bool IsActive, IReadOnlyList<int> SkillCategoryIds);

public sealed record SkillCategory(int Id, string Path);

/// <summary>What the teams page shows: teams with members, the staff who can join, and the categories skills name.</summary>
public sealed record TeamsOverview(IReadOnlyList<TeamRow> Teams, IReadOnlyList<StaffOption> Staff, IReadOnlyList<SkillCategory> Categories);

/// <param name="Id">Null creates a team.</param>
public sealed record TeamInput(int? Id, string Name, Tier Tier);

/// <summary>
/// Admins shape teams (create, rename, tier), their members and leads, and agents' category skills
/// (what skill-based routing matches). Every reader — routing, the board, access checks — reads
/// memberships from the database, so a change counts from the next request. Strategies stay on
/// routing (<see cref="Routing.RoutingSettings"/>).
/// </summary>
public sealed class TeamAdmin(AdminWriter writer, IDbContextFactory<HelpdeskDbContext> dbs)
{
    public const int NameMax = 100;

    public async Task<TeamsOverview?> GetAsync(Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var staffIds = StaffIds(db);
        var staff = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.Tier, u.IsActive }).ToListAsync(ct);
        var skills = (await db.AgentSkills.AsNoTracking().Select(s => new { s.UserId, s.CategoryId }).ToListAsync(ct)).ToLookup(s => s.UserId, s => s.CategoryId);
        var members = (await (from m in db.TeamMembers.AsNoTracking()
                              join u in db.Users on m.UserId equals u.Id
                              orderby u.DisplayName
                              select new { m.TeamId, m.IsLead, u.Id, u.DisplayName, u.Email, u.Tier, u.IsActive }).ToListAsync(ct))
            .ToLookup(m => m.TeamId);
        var teams = await db.Teams.AsNoTracking().OrderBy(t => t.Tier).ThenBy(t => t.Name).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().Select(c => new { c.Id, c.Name, c.ParentId }).ToListAsync(ct);
        var byId = categories.ToDictionary(c => c.Id);
        string PathOf(int id)
        {
            var parts = new List<string>();
            for (int? at = id; at is { } a && byId.TryGetValue(a, out var c) && parts.Count < 10; at = c.ParentId) parts.Insert(0, c.Name);
            return string.Join(" › ", parts);
        }
        return new TeamsOverview(
            [.. teams.Select(t => new TeamRow(t.Id, t.Name, t.Tier,
                [.. members[t.Id].Select(m => new TeamMemberRow(m.Id, m.DisplayName, m.Email, m.Tier, m.IsLead, m.IsActive))]))],
            [.. staff.Select(s => new StaffOption(s.Id, s.DisplayName, s.Email, s.Tier, s.IsActive, [.. skills[s.Id].Order()]))],
            [.. categories.Select(c => new SkillCategory(c.Id, PathOf(c.Id))).OrderBy(c => c.Path, StringComparer.CurrentCulture)]);
    }

    public Task<Result<int>> SaveTeamAsync(Caller caller, TeamInput input, CancellationToken ct = default) =>
        writer.ExecuteAsync("SaveTeam", caller, AdminArea.Team, async w =>
        {
            var name = input.Name?.Trim() ?? "";
            var errors = new FieldErrors();
            errors.Required(nameof(input.Name), name, w.T("Name the team."));
            errors.MaxLength(nameof(input.Name), name, NameMax, w.T("Keep the name under {0} characters.", NameMax));
            if (!Enum.IsDefined(input.Tier)) errors.Add(nameof(input.Tier), w.T("Choose a tier."));
            Team? team = null;
            if (input.Id is { } id && (team = await w.Db.Teams.SingleOrDefaultAsync(t => t.Id == id, ct)) is null)
                return w.NotFound(w.T("That team no longer exists."));
            if (name.Length > 0 && await w.Db.Teams.AnyAsync(t => t.Name == name && t.Id != (input.Id ?? 0), ct))
                errors.Add(nameof(input.Name), w.T("Another team already has this name."));
            if (errors.Any) return w.Invalid(errors);
            if (team is null)
            {
                team = new Team { Name = name, Tier = input.Tier };
                w.Db.Teams.Add(team);
                await w.Db.SaveChangesAsync(ct);
                w.Record(AdminArea.Team, Key(team.Id), name, "Created", null, $"{name} ({input.Tier})");
                return Result<int>.Ok(team.Id);
            }
            w.Record(AdminArea.Team, Key(team.Id), team.Name, "Name", team.Name, name);
            w.Record(AdminArea.Team, Key(team.Id), name, "Tier", team.Tier.ToString(), input.Tier.ToString());
            team.Name = name;
            team.Tier = input.Tier;
            return Result<int>.Ok(team.Id);
        }, ct);

    public Task<Result<int>> AddMemberAsync(Caller caller, int teamId, int userId, CancellationToken ct = default) =>
        writer.ExecuteAsync("AddTeamMember", caller, AdminArea.Team, async w =>
        {
            var (team, user, error) = await FindAsync(w, teamId, userId, ct);
            if (error is not null) return error;
            if (!await StaffIds(w.Db).AnyAsync(id => id == userId, ct)) return w.Invalid("UserId", w.T("Only agents, team leads and admins can join a team."));
            if (!user!.IsActive) return w.Invalid("UserId", w.T("{0} is deactivated.", user.DisplayName));
            if (await w.Db.TeamMembers.AnyAsync(m => m.TeamId == teamId && m.UserId == userId, ct)) return Result<int>.Ok(teamId);
            w.Db.TeamMembers.Add(new TeamMember { TeamId = teamId, UserId = userId });
            w.Record(AdminArea.Team, Key(teamId), team!.Name, "Member", null, user.DisplayName);
            return Result<int>.Ok(teamId);
        }, ct);

    /// <summary>Takes someone off a team. Tickets already assigned to them stay theirs until reassigned.</summary>
    public Task<Result<int>> RemoveMemberAsync(Caller caller, int teamId, int userId, CancellationToken ct = default) =>
        writer.ExecuteAsync("RemoveTeamMember", caller, AdminArea.Team, async w =>
        {
            var (team, user, error) = await FindAsync(w, teamId, userId, ct);
            if (error is not null) return error;
            var member = await w.Db.TeamMembers.SingleOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId, ct);
            if (member is null) return Result<int>.Ok(teamId);
            w.Db.TeamMembers.Remove(member);
            w.Record(AdminArea.Team, Key(teamId), team!.Name, member.IsLead ? "Lead" : "Member", user!.DisplayName, null);
            return Result<int>.Ok(teamId);
        }, ct);

    /// <summary>Marks a member as a lead of the team (or not). A new lead gets the Team lead role, which opens the board and reports.</summary>
    public Task<Result<int>> SetLeadAsync(Caller caller, int teamId, int userId, bool isLead, CancellationToken ct = default) =>
        writer.ExecuteAsync("SetTeamLead", caller, AdminArea.Team, async w =>
        {
            var (team, user, error) = await FindAsync(w, teamId, userId, ct);
            if (error is not null) return error;
            var member = await w.Db.TeamMembers.SingleOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId, ct);
            if (member is null) return w.Invalid("UserId", w.T("{0} is not a member of {1}.", user!.DisplayName, team!.Name));
            if (member.IsLead == isLead) return Result<int>.Ok(teamId);
            w.Record(AdminArea.Team, Key(teamId), team!.Name, "Lead", isLead ? null : user!.DisplayName, isLead ? user!.DisplayName : null);
            member.IsLead = isLead;
            if (isLead)
            {
                var leadRole = await w.Db.Roles.SingleAsync(r => r.Name == Roles.TeamLead, ct);
                if (!await w.Db.UserRoles.AnyAsync(r => r.UserId == userId && r.RoleId == leadRole.Id, ct))
                {
                    w.Db.UserRoles.Add(new Microsoft.AspNetCore.Identity.IdentityUserRole<int> { UserId = userId, RoleId = leadRole.Id });
                    w.Record(AdminArea.Person, Key(userId), user!.DisplayName, "Role", null, Roles.TeamLead);
                }
            }
            return Result<int>.Ok(teamId);
        }, ct);

    /// <summary>Replaces an agent's category skills (skill-based routing prefers agents with the ticket's category).</summary>
    public Task<Result<int>> SetSkillsAsync(Caller caller, int userId, IReadOnlyCollection<int> categoryIds, CancellationToken ct = default) =>
        writer.ExecuteAsync("SetSkills", caller, AdminArea.Person, async w =>
        {
            var user = await w.Db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null) return w.NotFound(w.T("That person no longer exists."));
            if (!await StaffIds(w.Db).AnyAsync(id => id == userId, ct)) return w.Invalid("Skills", w.T("Only agents, team leads and admins have skills."));
            var wanted = categoryIds.Distinct().ToHashSet();
            var names = await w.Db.Categories.Where(c => wanted.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
            if (names.Count != wanted.Count) return w.Invalid("Skills", w.T("Choose categories from the list."));
            var current = await w.Db.AgentSkills.Where(s => s.UserId == userId).ToListAsync(ct);
            var allNames = await w.Db.Categories.Where(c => current.Select(s => s.CategoryId).Contains(c.Id) || wanted.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => c.Name, ct);
            string List(IEnumerable<int> ids) => string.Join(", ", ids.Select(id => allNames.GetValueOrDefault(id, "?")).Order(StringComparer.Ordinal));
            var before = List(current.Select(s => s.CategoryId));
            w.Db.AgentSkills.RemoveRange(current.Where(s => !wanted.Contains(s.CategoryId)));
            w.Db.AgentSkills.AddRange(wanted.Where(id => current.All(s => s.CategoryId != id)).Select(id => new AgentSkill { UserId = userId, CategoryId = id }));
            w.Record(AdminArea.Person, Key(userId), user.DisplayName, "Skills", before.Length == 0 ? null : before, wanted.Count == 0 ? null : List(wanted));
            return Result<int>.Ok(userId);
        }, ct);

    /// <summary>People holding a staff role.</summary>
    internal static IQueryable<int> StaffIds(HelpdeskDbContext db) =>
        from ur in db.UserRoles
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == Roles.Agent || r.Name == Roles.TeamLead || r.Name == Roles.Admin
        select ur.UserId;

    private static async Task<(Team? Team, User? User, CommandError? Error)> FindAsync(AdminWork w, int teamId, int userId, CancellationToken ct)
    {
        var team = await w.Db.Teams.SingleOrDefaultAsync(t => t.Id == teamId, ct);
        if (team is null) return (null, null, w.NotFound(w.T("That team no longer exists.")));
        var user = await w.Db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null) return (team, null, w.NotFound(w.T("That person no longer exists.")));
        return (team, user, null);
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
