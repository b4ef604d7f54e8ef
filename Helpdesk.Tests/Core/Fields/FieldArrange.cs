using Helpdesk.Core.Application;
using Helpdesk.Core.Fields;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;

namespace Helpdesk.Tests.Core.Fields;

/// <summary>Defines fields through the admin command, as an admin would, and insists it worked.</summary>
internal static class FieldArrange
{
    public static async Task<FieldDefinition> AFieldAsync(this Desk desk, string label, CustomFieldType type, bool required = false,
        int[]? categories = null, string[]? departments = null, string[]? choices = null, string? help = null)
    {
        var admin = desk.Db.Get<FieldAdmin>();
        var result = await admin.SaveAsync(desk.Admin, new FieldInput(null, label, help, type, required,
            [.. (choices ?? []).Select(c => new ChoiceInput(null, c))], categories ?? [], departments ?? []));
        Assert.True(result.Succeeded, result.Error?.Message + string.Join("; ", result.Error?.Fields.SelectMany(f => f.Value) ?? []));
        return (await desk.Db.Get<FieldCatalog>().GetAsync()).All.Single(f => f.Id == result.Value);
    }

    /// <summary>A category of its own, so each test's fields apply to its tickets only.</summary>
    public static async Task<int> AFreshCategoryAsync(this Desk desk, int? parentId = null)
    {
        var id = await desk.Db.ACategoryAsync("Category " + Guid.NewGuid().ToString("N")[..6], desk.ServiceDesk);
        if (parentId is { } parent)
        {
            await using var db = desk.Db.CreateDbContext();
            var category = await db.Categories.FindAsync(id);
            category!.ParentId = parent;
            await db.SaveChangesAsync();
        }
        desk.Db.Get<FieldCatalog>().Invalidate();
        return id;
    }

    public static string[] Errors(this CommandError error, string key) => error.Fields.TryGetValue(FieldValues.ErrorKey(key), out var e) ? e : [];
}
