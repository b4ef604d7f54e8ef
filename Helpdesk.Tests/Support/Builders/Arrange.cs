using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Support.Builders;

/// <summary>Reference data written straight through the DbContext: teams, categories and people, as <see cref="Caller"/>s.</summary>
public static class Arrange
{
    public static async Task<int> ATeamAsync(this TestDatabase database, string name, Tier tier = Tier.L1)
    {
        await using var db = database.CreateDbContext();
        var team = new Team { Name = name, Tier = tier };
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    }

    public static async Task<int> ACategoryAsync(this TestDatabase database, string name, int teamId, bool needsSystemDetails = false, Tier tier = Tier.L1)
    {
        await using var db = database.CreateDbContext();
        var category = new Category { Name = name, DefaultTeamId = teamId, DefaultTier = tier, NeedsSystemDetails = needsSystemDetails };
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        return category.Id;
    }

    /// <summary>A staff member with <paramref name="roles"/> (AspNetUserRoles) in <paramref name="teamIds"/> (TeamMembers).</summary>
    public static async Task<Caller> AStaffMemberAsync(this TestDatabase database, string name, string[] roles, int[] teamIds, Tier tier = Tier.L1)
    {
        var user = await AddUserAsync(database, name, roles, tier, department: "IT");
        await using var db = database.CreateDbContext();
        db.TeamMembers.AddRange(teamIds.Select(t => new TeamMember { TeamId = t, UserId = user.Id, IsLead = roles.Contains(Roles.TeamLead) }));
        await db.SaveChangesAsync();
        return new Caller(user.Id, name, roles.ToHashSet(), teamIds.ToHashSet(), tier);
    }

    public static async Task<Caller> ARequesterAsync(this TestDatabase database, string name)
    {
        var user = await AddUserAsync(database, name, [Roles.Requester], tier: null, department: "Finance");
        return new Caller(user.Id, name, new HashSet<string> { Roles.Requester }, new HashSet<int>());
    }

    private static async Task<User> AddUserAsync(TestDatabase database, string name, string[] roles, Tier? tier, string department)
    {
        await using var db = database.CreateDbContext();
        await EnsureRolesAsync(db);
        var email = $"{name.Replace(' ', '.').ToLowerInvariant()}@example.test";
        var user = new User
        {
            UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = name, Department = department, Tier = tier, SecurityStamp = Guid.NewGuid().ToString("N"), CreatedAt = DateTime.UtcNow,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        var roleIds = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id).ToListAsync();
        db.UserRoles.AddRange(roleIds.Select(r => new IdentityUserRole<int> { UserId = user.Id, RoleId = r }));
        await db.SaveChangesAsync();
        return user;
    }

    private static async Task EnsureRolesAsync(HelpdeskDbContext db)
    {
        var existing = await db.Roles.Select(r => r.Name!).ToListAsync();
        foreach (var name in Roles.All.Except(existing))
            db.Roles.Add(new Role(name) { NormalizedName = name.ToUpperInvariant() });
        await db.SaveChangesAsync();
    }
}
