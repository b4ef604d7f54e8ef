using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Admin;

public sealed record PersonRow(int Id, string DisplayName, string? Email, IReadOnlyList<string> Roles, Tier? Tier, string? Department, string? Location,
    bool IsActive, IReadOnlyList<string> Teams, int OpenAssigned, bool AwaitingPassword = false);

/// <param name="Tier">Agents' support level; ignored for requesters.</param>
public sealed record PersonInput(int Id, string? Department, string? Location, Tier? Tier);

/// <summary>
/// Admins keep people's details and deactivate those who left: a deactivated person cannot sign in
/// (cookies end at the next check; open live pages and hub connections on every server stop
/// receiving events at once, see <see cref="AccessSignal"/>), is not assignable, and every ticket, comment and audit row keeps
/// their name. Their open tickets go back to their teams' queues through the one write path.
/// </summary>
public sealed class PeopleAdmin(AdminWriter writer, IDbContextFactory<HelpdeskDbContext> dbs, ITicketCommandHandler<AssignTicket> assign, AccessSignal access)
{
    public const int TextMax = 200;

    public async Task<IReadOnlyList<PersonRow>?> ListAsync(Caller caller, string? search, int take = 100, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var like = "%" + search.Trim() + "%";
            // LIKE ignores case on SQLite (ASCII); PostgreSQL says so with ILIKE.
            q = db.IsPostgres()
                ? q.Where(u => EF.Functions.ILike(u.DisplayName, like) || EF.Functions.ILike(u.Email!, like) || EF.Functions.ILike(u.Department!, like))
                : q.Where(u => EF.Functions.Like(u.DisplayName, like) || EF.Functions.Like(u.Email!, like) || EF.Functions.Like(u.Department!, like));
        }
        var users = await q.OrderBy(u => u.DisplayName).Take(take)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.Tier, u.Department, u.Location, u.IsActive, AwaitingPassword = u.PasswordHash == null }).ToListAsync(ct);
        var ids = users.Select(u => u.Id).ToList();
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);
        var teams = (await (from m in db.TeamMembers join t in db.Teams on m.TeamId equals t.Id where ids.Contains(m.UserId) select new { m.UserId, t.Name, m.IsLead }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.IsLead ? x.Name + " (lead)" : x.Name);
        var open = await db.Tickets.Where(t => t.IsOpen && t.AssigneeId != null && ids.Contains(t.AssigneeId.Value))
            .GroupBy(t => t.AssigneeId!.Value).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return [.. users.Select(u => new PersonRow(u.Id, u.DisplayName, u.Email, [.. roles[u.Id].Order()], u.Tier, u.Department, u.Location, u.IsActive,
            [.. teams[u.Id].Order()], open.GetValueOrDefault(u.Id), u.AwaitingPassword && u.Tier != null))];
    }

    public Task<Result<int>> SaveAsync(Caller caller, PersonInput input, CancellationToken ct = default) =>
        writer.ExecuteAsync("SavePerson", caller, AdminArea.Person, async w =>
        {
            var user = await w.Db.Users.SingleOrDefaultAsync(u => u.Id == input.Id, ct);
            if (user is null) return w.NotFound(w.T("That person no longer exists."));
            var department = Blank(input.Department);
            var location = Blank(input.Location);
            var errors = new FieldErrors();
            errors.MaxLength(nameof(input.Department), department, TextMax, w.T("Keep this under {0} characters.", TextMax));
            errors.MaxLength(nameof(input.Location), location, TextMax, w.T("Keep this under {0} characters.", TextMax));
            if (input.Tier is { } tier && !Enum.IsDefined(tier)) errors.Add(nameof(input.Tier), w.T("Choose a tier."));
            if (errors.Any) return w.Invalid(errors);
            var key = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            w.Record(AdminArea.Person, key, user.DisplayName, "Department", user.Department, department);
            w.Record(AdminArea.Person, key, user.DisplayName, "Location", user.Location, location);
            user.Department = department;
            user.Location = location;
            if (user.Tier is not null && input.Tier is { } t)
            {
                w.Record(AdminArea.Person, key, user.DisplayName, "Tier", user.Tier.ToString(), t.ToString());
                user.Tier = t;
            }
            return Result<int>.Ok(user.Id);
        }, ct);

    /// <summary>Deactivates (or reactivates) a person; on deactivation their open tickets return to their teams' queues.</summary>
    public async Task<Result<int>> SetActiveAsync(Caller caller, int userId, bool active, CancellationToken ct = default)
    {
        var result = await writer.ExecuteAsync(active ? "ReactivatePerson" : "DeactivatePerson", caller, AdminArea.Person, async w =>
        {
            var user = await w.Db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null) return w.NotFound(w.T("That person no longer exists."));
            if (!active && user.Id == caller.UserId) return w.Invalid("IsActive", w.T("You cannot deactivate yourself."));
            w.Record(AdminArea.Person, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), user.DisplayName, "Active",
                user.IsActive ? "yes" : "no", active ? "yes" : "no");
            user.IsActive = active;
            // Ends their cookies at the next security-stamp check, whatever else happens.
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            // Their live pages and hub connections end at once on every server, not at the next check.
            if (!active) await AccessSignal.NotifyServersAsync(w.Db, user.Id, ct);
            return Result<int>.Ok(0);
        }, ct, afterCommit: active ? null : () =>
        {
            access.Raise(userId);
            return Task.CompletedTask;
        });
        if (!result.Succeeded || active) return result;

        await using var db = await dbs.CreateDbContextAsync(ct);
        var numbers = await db.Tickets.Where(t => t.IsOpen && t.AssigneeId == userId).Select(t => t.Number).ToListAsync(ct);
        var returned = 0;
        foreach (var number in numbers)
            if ((await assign.HandleAsync(caller, new AssignTicket(number, null), ct)).Succeeded) returned++;
        return Result<int>.Ok(returned);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
