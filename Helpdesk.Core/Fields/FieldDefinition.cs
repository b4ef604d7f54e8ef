using System.Globalization;

namespace Helpdesk.Core.Fields;

public sealed record ChoiceDefinition(string Key, string Label, bool IsRetired);

/// <summary>A custom field as forms, validation and displays read it (immutable; cached by <see cref="FieldCatalog"/>).</summary>
public sealed record FieldDefinition(
    int Id, string Key, string Label, string? HelpText, CustomFieldType Type, bool IsRequired, int SortOrder, bool IsRetired,
    IReadOnlyList<ChoiceDefinition> Choices, IReadOnlyList<int> CategoryIds, IReadOnlyList<string> Departments)
{
    /// <summary>The options a form offers, in the admin's order (retired ones left out).</summary>
    public IEnumerable<ChoiceDefinition> ActiveChoices => Choices.Where(c => !c.IsRetired);

    public ChoiceDefinition? Choice(string key) => Choices.FirstOrDefault(c => c.Key == key);

    /// <summary>"Windows 11, macOS" for stored choice keys, "12.5" for a number...; unknown keys read as themselves.</summary>
    public string Display(IEnumerable<string> stored) => Type switch
    {
        CustomFieldType.SingleChoice or CustomFieldType.MultiChoice =>
            string.Join(", ", stored.OrderBy(Order).Select(v => Choice(v)?.Label ?? v)),
        CustomFieldType.Checkbox => stored.Any(v => v == FieldValues.True) ? "✓" : "✗",
        CustomFieldType.Date => string.Join(", ", stored.Select(v => DateOnly.TryParseExact(v, FieldValues.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d.ToString("d MMM yyyy", CultureInfo.CurrentCulture) : v)),
        _ => string.Join(", ", stored),
    };

    private int Order(string key)
    {
        for (var i = 0; i < Choices.Count; i++) if (Choices[i].Key == key) return i;
        return int.MaxValue;
    }
}
