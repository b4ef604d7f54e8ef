using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Fields;

/// <summary>Every field definition and the category tree, as of one read: what forms and validation decide from.</summary>
public sealed class FieldSet(IReadOnlyList<FieldDefinition> all, IReadOnlyDictionary<int, int?> categoryParents)
{
    public IReadOnlyList<FieldDefinition> All { get; } = all;
    private readonly Dictionary<string, FieldDefinition> _byKey = all.ToDictionary(f => f.Key, StringComparer.Ordinal);

    public FieldDefinition? this[string key] => _byKey.GetValueOrDefault(key);

    /// <summary>
    /// The fields a ticket of this category, for a requester of this department, asks for: those for
    /// every ticket, those of the category or any parent of it, those of the department. In the admin's order.
    /// </summary>
    public IReadOnlyList<FieldDefinition> ApplicableTo(int? categoryId, string? department)
    {
        var path = PathOf(categoryId);
        return [.. All.Where(f => !f.IsRetired
            && (f.CategoryIds.Count == 0 || f.CategoryIds.Any(path.Contains))
            && (f.Departments.Count == 0 || (department is not null && f.Departments.Contains(department.Trim(), StringComparer.OrdinalIgnoreCase))))];
    }

    /// <summary>The category and its ancestors (a cycle cannot be saved, but is stopped here too).</summary>
    public HashSet<int> PathOf(int? categoryId)
    {
        var path = new HashSet<int>();
        for (var id = categoryId; id is { } c && path.Add(c);) id = categoryParents.GetValueOrDefault(c);
        return path;
    }
}

/// <summary>
/// Caches the field definitions for the whole process: forms with hundreds of fields ask it on every
/// category change. Admin writes call <see cref="Invalidate"/> after their commit, so the next read
/// (and every open form, told by <see cref="Admin.AdminSignal"/>) sees the change at once.
/// </summary>
public sealed class FieldCatalog(IDbContextFactory<HelpdeskDbContext> dbs)
{
    private volatile Task<FieldSet>? _current;

    public Task<FieldSet> GetAsync(CancellationToken ct = default) => _current ??= LoadAsync();

    public void Invalidate() => _current = null;

    private async Task<FieldSet> LoadAsync()
    {
        try
        {
            await using var db = await dbs.CreateDbContextAsync();
            var fields = await db.CustomFields.AsNoTracking().AsSplitQuery()
                .Include(f => f.Choices).Include(f => f.Categories).Include(f => f.Departments)
                .OrderBy(f => f.SortOrder).ThenBy(f => f.Label).ToListAsync();
            var parents = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.ParentId);
            return new FieldSet([.. fields.Select(ToDefinition)], parents);
        }
        catch
        {
            _current = null; // a failed read is not cached
            throw;
        }
    }

    internal static FieldDefinition ToDefinition(CustomField f) => new(
        f.Id, f.Key, f.Label, f.HelpText, f.Type, f.IsRequired, f.SortOrder, f.IsRetired,
        [.. f.Choices.OrderBy(c => c.SortOrder).ThenBy(c => c.Label).Select(c => new ChoiceDefinition(c.Key, c.Label, c.IsRetired))],
        [.. f.Categories.Select(c => c.CategoryId).Order()],
        [.. f.Departments.Select(d => d.Department).Order(StringComparer.OrdinalIgnoreCase)]);
}
