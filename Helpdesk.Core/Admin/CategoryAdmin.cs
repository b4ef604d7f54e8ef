using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Helpdesk.Core.Fields;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Admin;

/// <param name="Fields">Labels of the custom fields its tickets ask (its own, its parents', every-category ones).</param>
public sealed record CategoryRow(int Id, string Name, string Path, int Depth, int? ParentId, int DefaultTeamId, string TeamName, Tier DefaultTier,
    bool NeedsSystemDetails, bool IsActive, IReadOnlyList<string> Fields);

/// <param name="Id">Null adds a category.</param>
public sealed record CategoryInput(int? Id, string Name, int? ParentId, int DefaultTeamId, Tier DefaultTier, bool NeedsSystemDetails, bool IsActive);

/// <summary>Admins shape the category tree: names, parents, default team and tier; a category is deactivated, never deleted (tickets keep it).</summary>
public sealed class CategoryAdmin(AdminWriter writer, FieldCatalog fields, IDbContextFactory<HelpdeskDbContext> dbs)
{
    public const int NameMax = 100;

    public async Task<IReadOnlyList<CategoryRow>?> ListAsync(Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return null;
        await using var db = await dbs.CreateDbContextAsync(ct);
        var all = await db.Categories.AsNoTracking().ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        var set = await fields.GetAsync(ct);
        var rows = new List<CategoryRow>();
        void Walk(int? parent, string prefix, int depth)
        {
            foreach (var c in all.Where(c => c.ParentId == parent).OrderBy(c => c.Name, StringComparer.CurrentCulture))
            {
                var path = prefix.Length == 0 ? c.Name : $"{prefix} › {c.Name}";
                rows.Add(new CategoryRow(c.Id, c.Name, path, depth, c.ParentId, c.DefaultTeamId, teams.GetValueOrDefault(c.DefaultTeamId, "?"), c.DefaultTier,
                    c.NeedsSystemDetails, c.IsActive, [.. set.All.Where(f => !f.IsRetired && (f.CategoryIds.Count == 0 || f.CategoryIds.Any(set.PathOf(c.Id).Contains))).Select(f => f.Label)]));
                if (depth < 10) Walk(c.Id, path, depth + 1);
            }
        }
        Walk(null, "", 0);
        return rows;
    }

    public Task<Result<int>> SaveAsync(Caller caller, CategoryInput input, CancellationToken ct = default) =>
        writer.ExecuteAsync("SaveCategory", caller, AdminArea.Category, async w =>
        {
            var db = w.Db;
            var name = input.Name?.Trim() ?? "";
            var errors = new FieldErrors();
            errors.Required(nameof(input.Name), name, w.T("Name the category."));
            errors.MaxLength(nameof(input.Name), name, NameMax, w.T("Keep the name under {0} characters.", NameMax));
            if (!Enum.IsDefined(input.DefaultTier)) errors.Add(nameof(input.DefaultTier), w.T("Choose a tier."));
            if (!await db.Teams.AnyAsync(t => t.Id == input.DefaultTeamId, ct)) errors.Add(nameof(input.DefaultTeamId), w.T("Choose a team."));
            Category? category = null;
            if (input.Id is { } id && (category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, ct)) is null)
                return w.NotFound(w.T("That category no longer exists."));
            if (input.ParentId is { } parent)
            {
                var parents = await db.Categories.ToDictionaryAsync(c => c.Id, c => c.ParentId, ct);
                if (!parents.ContainsKey(parent)) errors.Add(nameof(input.ParentId), w.T("Choose a parent from the list."));
                // Walking up from the new parent must never meet the category itself.
                for (int? p = parent, steps = 0; p is { } at && steps < 100; p = parents.GetValueOrDefault(at), steps++)
                    if (at == input.Id) { errors.Add(nameof(input.ParentId), w.T("A category cannot sit under itself or one of its sub-categories.")); break; }
            }
            if (name.Length > 0 && await db.Categories.AnyAsync(c => c.Name == name && c.ParentId == input.ParentId && c.Id != (input.Id ?? 0), ct))
                errors.Add(nameof(input.Name), w.T("There is already a \"{0}\" here.", name));
            if (errors.Any) return w.Invalid(errors);

            var names = await db.Categories.ToDictionaryAsync(c => c.Id, c => c.Name, ct);
            var teams = await db.Teams.ToDictionaryAsync(t => t.Id, t => t.Name, ct);
            string? Parent(int? id) => id is { } p ? names.GetValueOrDefault(p) : null;
            if (category is null)
            {
                db.Categories.Add(category = new Category { Name = name });
                w.Record(AdminArea.Category, "new", name, "Created", null, name);
            }
            var key = input.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "new";
            w.Record(AdminArea.Category, key, name, "Name", input.Id is null ? null : category.Name, name);
            w.Record(AdminArea.Category, key, name, "Parent", input.Id is null ? null : Parent(category.ParentId), Parent(input.ParentId));
            w.Record(AdminArea.Category, key, name, "DefaultTeam", input.Id is null ? null : teams.GetValueOrDefault(category.DefaultTeamId), teams.GetValueOrDefault(input.DefaultTeamId));
            w.Record(AdminArea.Category, key, name, "DefaultTier", input.Id is null ? null : category.DefaultTier.ToString(), input.DefaultTier.ToString());
            w.Record(AdminArea.Category, key, name, "NeedsSystemDetails", input.Id is null ? null : Flag(category.NeedsSystemDetails), Flag(input.NeedsSystemDetails));
            w.Record(AdminArea.Category, key, name, "Active", input.Id is null ? null : Flag(category.IsActive), Flag(input.IsActive));
            category.Name = name;
            category.ParentId = input.ParentId;
            category.DefaultTeamId = input.DefaultTeamId;
            category.DefaultTier = input.DefaultTier;
            category.NeedsSystemDetails = input.NeedsSystemDetails;
            category.IsActive = input.IsActive;
            await db.SaveChangesAsync(ct);
            return Result<int>.Ok(category.Id);
        }, ct);

    private static string Flag(bool b) => b ? "yes" : "no";
}
