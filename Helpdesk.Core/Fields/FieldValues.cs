using System.Globalization;
using System.Text.RegularExpressions;
using Helpdesk.Core.Application;

namespace Helpdesk.Core.Fields;

/// <summary>
/// Reads what a form or the API sent for custom fields into stored values, collecting every problem
/// at once under <c>CustomFields.{key}</c>. Text forms in and out: a number "12.5", a date
/// "2026-03-01", choice keys (labels accepted too), several choices comma-separated, a checkbox "true".
/// </summary>
public static partial class FieldValues
{
    public const string DateFormat = "yyyy-MM-dd";
    public const string True = "true";
    public const string False = "false";
    public const int TextMax = 500;
    public const int LongTextMax = 4_000;
    public const int AssetMax = 100;
    public const string ErrorPrefix = "CustomFields.";

    public static string ErrorKey(string fieldKey) => ErrorPrefix + fieldKey;

    /// <summary>The stored values as the single text forms and the API use (several choices comma-separated).</summary>
    public static string Join(IEnumerable<string> values) => string.Join(",", values);

    /// <param name="applicable">The fields this ticket asks for (see <see cref="FieldSet.ApplicableTo"/>).</param>
    /// <param name="input">Key to text; keys left out are treated as empty unless <paramref name="partial"/>.</param>
    /// <param name="existing">The ticket's current values: a retired option it already has stays acceptable.</param>
    /// <param name="partial">Only the keys given change (an edit); otherwise every applicable field is checked (a new ticket).</param>
    /// <returns>Key to the values to store (an empty list clears the field).</returns>
    public static Dictionary<string, IReadOnlyList<string>> Read(
        FieldSet fields, IReadOnlyList<FieldDefinition> applicable, IReadOnlyDictionary<string, string>? input,
        FieldErrors errors, Func<string, object[], string> T,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? existing = null, bool partial = false)
    {
        input ??= new Dictionary<string, string>();
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var asked = applicable.ToDictionary(f => f.Key, StringComparer.Ordinal);
        foreach (var key in input.Keys.Where(k => !asked.ContainsKey(k)))
        {
            // A field that no longer applies may still be cleared on a ticket that has it.
            if (partial && string.IsNullOrWhiteSpace(input[key]) && existing?.ContainsKey(key) == true) { result[key] = []; continue; }
            errors.Add(ErrorKey(key), fields[key] is { } known
                ? T("{0} does not apply to this ticket.", [known.Label])
                : T("There is no field \"{0}\".", [key]));
        }
        foreach (var field in applicable)
        {
            if (partial && !input.ContainsKey(field.Key)) continue;
            var had = existing?.GetValueOrDefault(field.Key) ?? [];
            var values = ReadOne(field, input.GetValueOrDefault(field.Key), had, errors, T);
            if (values is null) continue;
            if (field.IsRequired && (values.Count == 0 || (field.Type == CustomFieldType.Checkbox && values[0] != True)))
            {
                errors.Add(ErrorKey(field.Key), field.Type == CustomFieldType.Checkbox
                    ? T("Tick \"{0}\" to go on.", [field.Label])
                    : T("{0} is required.", [field.Label]));
                continue;
            }
            result[field.Key] = values;
        }
        return result;
    }

    /// <summary>Null when the text is wrong (the error is added).</summary>
    private static List<string>? ReadOne(FieldDefinition f, string? text, IReadOnlyList<string> had, FieldErrors errors, Func<string, object[], string> T)
    {
        var s = text?.Trim() ?? "";
        if (s.Length == 0) return [];
        List<string>? Fail(string message) { errors.Add(ErrorKey(f.Key), message); return null; }
        switch (f.Type)
        {
            case CustomFieldType.Text:
                return s.Length > TextMax ? Fail(T("Keep {0} under {1} characters.", [f.Label, TextMax])) : [s];
            case CustomFieldType.LongText:
                return s.Length > LongTextMax ? Fail(T("Keep {0} under {1} characters.", [f.Label, LongTextMax])) : [s];
            case CustomFieldType.AssetReference:
                if (s.Length > AssetMax || !AssetPattern().IsMatch(s))
                    return Fail(T("{0}: enter an asset tag or system name (letters, digits, - . _ /).", [f.Label]));
                return [s];
            case CustomFieldType.Number:
                if (!decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var n)
                    && !decimal.TryParse(s, NumberStyles.Number, CultureInfo.CurrentCulture, out n))
                    return Fail(T("{0} must be a number.", [f.Label]));
                return [n.ToString(CultureInfo.InvariantCulture)];
            case CustomFieldType.Date:
                if (!DateOnly.TryParseExact(s, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    && !(DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var dt) && (d = DateOnly.FromDateTime(dt)) != default))
                    return Fail(T("{0} must be a date (YYYY-MM-DD).", [f.Label]));
                return [d.ToString(DateFormat, CultureInfo.InvariantCulture)];
            case CustomFieldType.Checkbox:
                return s.ToLowerInvariant() switch
                {
                    "true" or "yes" or "on" or "1" => [True],
                    "false" or "no" or "off" or "0" => [False],
                    _ => Fail(T("{0} is a yes/no field: send true or false.", [f.Label])),
                };
            case CustomFieldType.SingleChoice:
            case CustomFieldType.MultiChoice:
                var parts = f.Type == CustomFieldType.MultiChoice ? s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [s];
                var keys = new List<string>();
                foreach (var part in parts)
                {
                    var choice = f.Choices.FirstOrDefault(c => c.Key == part)
                        ?? f.Choices.FirstOrDefault(c => string.Equals(c.Label, part, StringComparison.CurrentCultureIgnoreCase));
                    if (choice is null || (choice.IsRetired && !had.Contains(choice.Key)))
                        return Fail(T("{0}: choose one of the options offered.", [f.Label]));
                    if (!keys.Contains(choice.Key)) keys.Add(choice.Key);
                }
                return keys;
            default:
                return Fail(T("{0} cannot be filled in.", [f.Label]));
        }
    }

    [GeneratedRegex(@"^[\p{L}\p{N}][\p{L}\p{N} ._/\-]*$")]
    private static partial Regex AssetPattern();
}
