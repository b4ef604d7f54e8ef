using System.Globalization;
using System.Text;
using Helpdesk.Core.Admin;
using Helpdesk.Core.Application;
using Helpdesk.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Fields;

/// <param name="Key">An existing option's key; null adds one. Options are kept in the order given.</param>
public sealed record ChoiceInput(string? Key, string Label, bool IsRetired = false);

/// <param name="Id">Null adds a field.</param>
/// <param name="Choices">For choice fields, in the order forms show them. An existing option left out is retired, never deleted.</param>
/// <param name="CategoryIds">Empty: every category (a category includes its sub-categories).</param>
/// <param name="Departments">Empty: every department.</param>
public sealed record FieldInput(int? Id, string Label, string? HelpText, CustomFieldType Type, bool IsRequired,
    IReadOnlyList<ChoiceInput> Choices, IReadOnlyList<int> CategoryIds, IReadOnlyList<string> Departments);

/// <summary>A field in the admin list, with how many tickets have a value for it.</summary>
public sealed record FieldSummary(FieldDefinition Field, int Tickets);

/// <summary>Admins define custom fields: label, help, type, required, options, where they apply; reorder and retire them.</summary>
public sealed class FieldAdmin(AdminWriter writer, FieldCatalog catalog, IDbContextFactory<HelpdeskDbContext> dbs)
{
    public const int MaxChoices = 200;

    public async Task<IReadOnlyList<FieldSummary>?> ListAsync(Caller caller, CancellationToken ct = default)
    {
        if (!caller.IsAdmin) return null;
        var set = await catalog.GetAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var counts = await db.FieldValues.GroupBy(v => v.Key).Select(g => new { g.Key, N = g.Select(v => v.TicketId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.N, ct);
        return [.. set.All.Select(f => new FieldSummary(f, counts.GetValueOrDefault(f.Key)))];
    }

    /// <summary>Departments people belong to, for the "applies to" picker.</summary>
    public async Task<IReadOnlyList<string>> DepartmentsAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        return await db.Users.Where(u => u.Department != null && u.Department != "").Select(u => u.Department!).Distinct().OrderBy(d => d).ToListAsync(ct);
    }

    public Task<Result<int>> SaveAsync(Caller caller, FieldInput input, CancellationToken ct = default) =>
        writer.ExecuteAsync("SaveField", caller, AdminArea.Field, async w =>
        {
            var db = w.Db;
            var label = input.Label?.Trim() ?? "";
            var help = string.IsNullOrWhiteSpace(input.HelpText) ? null : input.HelpText.Trim();
            var errors = new FieldErrors();
            errors.Required(nameof(input.Label), label, w.T("Give the field a label."));
            errors.MaxLength(nameof(input.Label), label, CustomField.LabelMax, w.T("Keep the label under {0} characters.", CustomField.LabelMax));
            errors.MaxLength(nameof(input.HelpText), help, CustomField.HelpMax, w.T("Keep the help text under {0} characters.", CustomField.HelpMax));
            if (!Enum.IsDefined(input.Type)) errors.Add(nameof(input.Type), w.T("Choose a type."));

            CustomField? field = null;
            if (input.Id is { } id)
            {
                field = await db.CustomFields.Include(f => f.Choices).Include(f => f.Categories).Include(f => f.Departments).SingleOrDefaultAsync(f => f.Id == id, ct);
                if (field is null) return w.NotFound(w.T("That field no longer exists."));
                if (field.Type != input.Type) errors.Add(nameof(input.Type), w.T("The type of a field cannot change (its values were stored as {0}): add a new field instead.", field.Type));
            }
            if (label.Length > 0 && await db.CustomFields.AnyAsync(f => f.Label == label && f.Id != (input.Id ?? 0), ct))
                errors.Add(nameof(input.Label), w.T("Another field is already called \"{0}\".", label));

            var choices = (input.Choices ?? []).Select(c => c with { Label = c.Label?.Trim() ?? "" }).ToList();
            if (input.Type.HasChoices())
            {
                if (!choices.Any(c => !c.IsRetired && c.Label.Length > 0)) errors.Add(nameof(input.Choices), w.T("Add at least one option."));
                if (choices.Any(c => c.Label.Length == 0)) errors.Add(nameof(input.Choices), w.T("Every option needs a label."));
                if (choices.Any(c => c.Label.Length > FieldChoice.LabelMax)) errors.Add(nameof(input.Choices), w.T("Keep each option under {0} characters.", FieldChoice.LabelMax));
                if (choices.Count > MaxChoices) errors.Add(nameof(input.Choices), w.T("A field has at most {0} options.", MaxChoices));
                var twice = choices.Where(c => c.Label.Length > 0).GroupBy(c => c.Label, StringComparer.CurrentCultureIgnoreCase).FirstOrDefault(g => g.Count() > 1);
                if (twice is not null) errors.Add(nameof(input.Choices), w.T("The option \"{0}\" is there twice.", twice.Key));
            }
            var categoryIds = (input.CategoryIds ?? []).Distinct().ToList();
            var known = await db.Categories.Where(c => categoryIds.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
            if (known.Count != categoryIds.Count) errors.Add(nameof(input.CategoryIds), w.T("Choose categories from the list."));
            var departments = (input.Departments ?? []).Select(d => d?.Trim() ?? "").Where(d => d.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (departments.Any(d => d.Length > FieldDepartment.Max)) errors.Add(nameof(input.Departments), w.T("Keep each department under {0} characters.", FieldDepartment.Max));
            if (errors.Any) return w.Invalid(errors);

            var before = field is null ? null : FieldCatalog.ToDefinition(field);
            if (field is null)
            {
                field = new CustomField
                {
                    Key = await UniqueKeyAsync(db, label, ct), Type = input.Type,
                    SortOrder = (await db.CustomFields.MaxAsync(f => (int?)f.SortOrder, ct) ?? 0) + 1,
                };
                db.CustomFields.Add(field);
            }
            field.Label = label;
            field.HelpText = help;
            field.IsRequired = input.IsRequired;
            if (input.Type.HasChoices()) ApplyChoices(field, choices);
            field.Categories.RemoveAll(c => !categoryIds.Contains(c.CategoryId));
            field.Categories.AddRange(categoryIds.Where(id => field.Categories.All(c => c.CategoryId != id)).Select(id => new FieldCategory { CategoryId = id }));
            field.Departments.RemoveAll(d => !departments.Contains(d.Department, StringComparer.OrdinalIgnoreCase));
            field.Departments.AddRange(departments.Where(d => field.Departments.All(x => !string.Equals(x.Department, d, StringComparison.OrdinalIgnoreCase)))
                .Select(d => new FieldDepartment { Department = d }));
            await db.SaveChangesAsync(ct);

            var after = FieldCatalog.ToDefinition(field);
            var names = await db.Categories.ToDictionaryAsync(c => c.Id, c => c.Name, ct);
            Audit(w, before, after, names);
            return Result<int>.Ok(field.Id);
        }, ct);

    /// <summary>Retires a field (no longer asked; values stay readable) or brings it back.</summary>
    public Task<Result<int>> SetRetiredAsync(Caller caller, int id, bool retired, CancellationToken ct = default) =>
        writer.ExecuteAsync("RetireField", caller, AdminArea.Field, async w =>
        {
            var field = await w.Db.CustomFields.SingleOrDefaultAsync(f => f.Id == id, ct);
            if (field is null) return w.NotFound(w.T("That field no longer exists."));
            w.Record(AdminArea.Field, field.Key, field.Label, "Retired", Flag(field.IsRetired), Flag(retired));
            field.IsRetired = retired;
            return Result<int>.Ok(id);
        }, ct);

    /// <summary>Moves a field up (-1) or down (+1) in the forms' order.</summary>
    public Task<Result<int>> MoveAsync(Caller caller, int id, int delta, CancellationToken ct = default) =>
        writer.ExecuteAsync("MoveField", caller, AdminArea.Field, async w =>
        {
            var all = await w.Db.CustomFields.OrderBy(f => f.SortOrder).ThenBy(f => f.Label).ToListAsync(ct);
            var index = all.FindIndex(f => f.Id == id);
            if (index < 0) return w.NotFound(w.T("That field no longer exists."));
            var target = Math.Clamp(index + Math.Sign(delta), 0, all.Count - 1);
            var moved = all[index];
            all.RemoveAt(index);
            all.Insert(target, moved);
            for (var i = 0; i < all.Count; i++) all[i].SortOrder = i + 1;
            w.Record(AdminArea.Field, moved.Key, moved.Label, "Position", (index + 1).ToString(CultureInfo.InvariantCulture), (target + 1).ToString(CultureInfo.InvariantCulture));
            return Result<int>.Ok(id);
        }, ct);

    private static void ApplyChoices(CustomField field, List<ChoiceInput> choices)
    {
        var order = 0;
        var kept = new HashSet<string>();
        foreach (var input in choices)
        {
            var choice = input.Key is { } key ? field.Choices.FirstOrDefault(c => c.Key == key) : null;
            if (choice is null)
            {
                choice = new FieldChoice { Key = UniqueChoiceKey(field, input.Label) };
                field.Choices.Add(choice);
            }
            choice.Label = input.Label;
            choice.IsRetired = input.IsRetired;
            choice.SortOrder = ++order;
            kept.Add(choice.Key);
        }
        // Tickets may hold an option that was left out: retire it so they keep reading it.
        foreach (var gone in field.Choices.Where(c => !kept.Contains(c.Key)))
        {
            gone.IsRetired = true;
            gone.SortOrder = ++order;
        }
    }

    private static void Audit(AdminWork w, FieldDefinition? before, FieldDefinition after, IReadOnlyDictionary<int, string> categories)
    {
        void R(string what, string? old, string? @new) => w.Record(AdminArea.Field, after.Key, after.Label, what, old, @new);
        if (before is null) R("Created", null, $"{after.Label} ({after.Type})");
        R("Label", before?.Label, after.Label);
        R("HelpText", before?.HelpText, after.HelpText);
        R("Required", before is null ? null : Flag(before.IsRequired), Flag(after.IsRequired));
        if (after.Type.HasChoices()) R("Choices", before is null ? null : Choices(before), Choices(after));
        R("Categories", before is null ? null : Names(before.CategoryIds, categories), Names(after.CategoryIds, categories));
        R("Departments", before is null ? null : Departments(before), Departments(after));
    }

    private static string Flag(bool b) => b ? "yes" : "no";

    private static string Choices(FieldDefinition f) => string.Join(", ", f.Choices.Select(c => c.IsRetired ? c.Label + " (retired)" : c.Label));

    private static string Names(IReadOnlyList<int> ids, IReadOnlyDictionary<int, string> names) =>
        ids.Count == 0 ? "all" : string.Join(", ", ids.Select(id => names.GetValueOrDefault(id, "#" + id)));

    private static string Departments(FieldDefinition f) => f.Departments.Count == 0 ? "all" : string.Join(", ", f.Departments);

    private static async Task<string> UniqueKeyAsync(HelpdeskDbContext db, string label, CancellationToken ct)
    {
        var stem = Slug(label, CustomField.KeyMax - 4, "field");
        var taken = await db.CustomFields.Where(f => f.Key.StartsWith(stem)).Select(f => f.Key).ToListAsync(ct);
        var key = stem;
        for (var n = 2; taken.Contains(key); n++) key = $"{stem}-{n}";
        return key;
    }

    private static string UniqueChoiceKey(CustomField field, string label)
    {
        var stem = Slug(label, 60, "option");
        var key = stem;
        for (var n = 2; field.Choices.Any(c => c.Key == key); n++) key = $"{stem}-{n}";
        return key;
    }

    /// <summary>"Operating system" → "operating-system"; accents folded, anything else dropped.</summary>
    internal static string Slug(string text, int max, string fallback)
    {
        var sb = new StringBuilder();
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > max) slug = slug[..max].TrimEnd('-');
        return slug.Length == 0 ? fallback : slug;
    }
}
