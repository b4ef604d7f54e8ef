namespace Helpdesk.Core.Fields;

/// <summary>What a custom field holds. Fixed once the field exists: stored values are read by it.</summary>
public enum CustomFieldType
{
    Text,
    LongText,
    Number,
    Date,
    SingleChoice,
    MultiChoice,
    Checkbox,
    /// <summary>An asset tag or system name (LT-0042, payroll-db).</summary>
    AssetReference,
}

public static class CustomFieldTypes
{
    public static bool HasChoices(this CustomFieldType type) => type is CustomFieldType.SingleChoice or CustomFieldType.MultiChoice;
}
