using Helpdesk.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.People;

/// <summary>Adding a person tickets can be filed for, shared by phone intake and mail intake.</summary>
internal static class Requesters
{
    /// <summary>The same rule as Identity's default normalizer, so sign-in and registration find this person.</summary>
    public static string Normalize(string email) => email.Trim().ToUpperInvariant();

    /// <summary>
    /// Adds a requester without a password (they can sign in once they register or reset it with the
    /// same e-mail) inside the caller's transaction; saves, so the user has an id.
    /// </summary>
    public static async Task<User> AddAsync(HelpdeskDbContext db, string name, string email, string? department, string? location, DateTime now, CancellationToken ct)
    {
        var normalized = Normalize(email);
        var user = new User
        {
            UserName = email, NormalizedUserName = normalized, Email = email, NormalizedEmail = normalized,
            DisplayName = name, Department = department, Location = location,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString("N"),
            LockoutEnabled = true, CreatedAt = now,
        };
        db.Users.Add(user);
        // A database started without demo data has no role rows yet.
        var role = await db.Roles.SingleOrDefaultAsync(r => r.NormalizedName == Roles.Requester.ToUpperInvariant(), ct);
        if (role is null) db.Roles.Add(role = new Role(Roles.Requester) { NormalizedName = Roles.Requester.ToUpperInvariant() });
        await db.SaveChangesAsync(ct);
        db.UserRoles.Add(new IdentityUserRole<int> { UserId = user.Id, RoleId = role.Id });
        await db.SaveChangesAsync(ct);
        return user;
    }
}
