namespace Helpdesk.Core.Fields;

/// <summary>
/// An extra question on tickets, defined by an admin. Values live in <see cref="Tickets.TicketFieldValue"/>
/// rows keyed by <see cref="Key"/> (one row per value, indexed by key and value), so a desk with hundreds
/// of fields adds rows, never columns, and a filter on one field is an index seek.
/// </summary>
public sealed class CustomField
{
    public const int KeyMax = 60;
    public const int LabelMax = 100;
    public const int HelpMax = 300;

    public int Id { get; set; }
    /// <summary>Stable storage key, made from the first label; never changes, so renaming a field keeps every value.</summary>
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public string? HelpText { get; set; }
    public CustomFieldType Type { get; set; }
    public bool IsRequired { get; set; }
    public int SortOrder { get; set; }
    /// <summary>No longer asked; values already given stay readable on their tickets.</summary>
    public bool IsRetired { get; set; }
    public List<FieldChoice> Choices { get; set; } = [];
    /// <summary>Empty: every category. Otherwise these categories and their sub-categories.</summary>
    public List<FieldCategory> Categories { get; set; } = [];
    /// <summary>Empty: every department. Otherwise requesters of these departments only.</summary>
    public List<FieldDepartment> Departments { get; set; } = [];
}

/// <summary>An option of a choice field. Its key is what tickets store; a retired option is no longer offered but still reads.</summary>
public sealed class FieldChoice
{
    public const int LabelMax = 100;

    public int FieldId { get; set; }
    public string Key { get; set; } = "";
    public string Label { get; set; } = "";
    public int SortOrder { get; set; }
    public bool IsRetired { get; set; }
}

public sealed class FieldCategory
{
    public int FieldId { get; set; }
    public int CategoryId { get; set; }
}

public sealed class FieldDepartment
{
    public const int Max = 200;

    public int FieldId { get; set; }
    public string Department { get; set; } = "";
}
