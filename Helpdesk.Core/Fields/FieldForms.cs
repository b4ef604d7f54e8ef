using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Fields;

/// <summary>What forms ask: the fields of a category for a requester, and a ticket's values with their fields.</summary>
public sealed class FieldForms(FieldCatalog catalog, IDbContextFactory<HelpdeskDbContext> dbs)
{
    /// <summary>The requester's department, which decides department-only fields.</summary>
    public async Task<string?> DepartmentOfAsync(int userId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Id == userId).Select(u => u.Department).SingleOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<FieldDefinition>> ForNewTicketAsync(int? categoryId, string? department, CancellationToken ct = default) =>
        categoryId is null ? [] : (await catalog.GetAsync(ct)).ApplicableTo(categoryId, department);

    /// <summary>
    /// A ticket's fields as its page shows them: those that apply now (editable by staff) and any
    /// other field it holds a value for (retired fields, a changed category), each with its display text.
    /// </summary>
    public async Task<IReadOnlyList<TicketFieldLine>> ForTicketAsync(Caller caller, int categoryId, string? requesterDepartment,
        IReadOnlyDictionary<string, string> values, CancellationToken ct = default)
    {
        var set = await catalog.GetAsync(ct);
        var applicable = set.ApplicableTo(categoryId, requesterDepartment);
        var lines = applicable.Select(f => Line(f, values, caller.IsStaff)).ToList();
        foreach (var (key, _) in values.Where(v => applicable.All(f => f.Key != v.Key)))
            if (set[key] is { } other) lines.Add(Line(other, values, editable: false));
        return lines;
    }

    private static TicketFieldLine Line(FieldDefinition f, IReadOnlyDictionary<string, string> values, bool editable)
    {
        var text = values.GetValueOrDefault(f.Key);
        var stored = text is null ? [] : f.Type.HasChoices() ? text.Split(',') : new[] { text };
        return new TicketFieldLine(f, text, text is null ? null : f.Display(stored), editable);
    }
}

/// <param name="Text">The value as forms edit it (null: not filled in).</param>
/// <param name="Display">As people read it: option labels, a formatted date.</param>
public sealed record TicketFieldLine(FieldDefinition Field, string? Text, string? Display, bool Editable);
