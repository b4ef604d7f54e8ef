namespace Helpdesk.Core.Knowledge.Rendering;

/// <summary>
/// HTML that is safe to put on a page: it came out of the sanitizer (<see cref="MarkdownRenderer"/>)
/// or was built from encoded text (<see cref="Highlighted"/>). Only Core can make one, so a page
/// cannot pass raw text where sanitized HTML is expected; the web renders it through one component.
/// </summary>
public readonly struct SanitizedHtml : IEquatable<SanitizedHtml>
{
    private readonly string? _value;

    internal SanitizedHtml(string value) => _value = value;

    public static SanitizedHtml Empty => default;

    /// <summary>The markup; empty for <see cref="Empty"/>.</summary>
    public string Value => _value ?? "";

    public bool IsEmpty => string.IsNullOrEmpty(_value);

    public override string ToString() => Value;
    public bool Equals(SanitizedHtml other) => Value == other.Value;
    public override bool Equals(object? obj) => obj is SanitizedHtml other && Equals(other);
    public override int GetHashCode() => Value.GetHashCode(StringComparison.Ordinal);
    public static bool operator ==(SanitizedHtml left, SanitizedHtml right) => left.Equals(right);
    public static bool operator !=(SanitizedHtml left, SanitizedHtml right) => !left.Equals(right);
}
