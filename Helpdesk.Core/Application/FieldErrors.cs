namespace Helpdesk.Core.Application;

/// <summary>Collects every problem with a command's input so the caller sees them all at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public void Required(string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, message);
    }

    public void MaxLength(string field, string? value, int max, string message)
    {
        if (value is not null && value.Trim().Length > max) Add(field, message);
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
