using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Tickets.Queries;

/// <summary>A category as a form offers it: "Hardware › Laptop".</summary>
public sealed record CategoryOption(int Id, string Name, string Path, bool NeedsSystemDetails);

public sealed class CategoryQueries(IDbContextFactory<HelpdeskDbContext> dbs)
{
    public async Task<IReadOnlyList<CategoryOption>> ActiveAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var all = await db.Categories.AsNoTracking().Where(c => c.IsActive).ToListAsync(ct);
        var byId = all.ToDictionary(c => c.Id);
        string PathOf(Category c) => c.ParentId is { } p && byId.TryGetValue(p, out var parent) ? $"{PathOf(parent)} › {c.Name}" : c.Name;
        return [.. all.Select(c => new CategoryOption(c.Id, c.Name, PathOf(c), c.NeedsSystemDetails)).OrderBy(c => c.Path, StringComparer.CurrentCulture)];
    }
}
