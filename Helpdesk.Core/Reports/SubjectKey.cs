using System.Text.RegularExpressions;

namespace Helpdesk.Core.Reports;

/// <summary>
/// A subject reduced to what recurs: lower case, without reply/forward prefixes, ticket tags, numbers
/// and punctuation runs, so "RE: [HD-1042] VPN drops after 5 min" and "vpn drops after 10 min!" group together.
/// </summary>
public static partial class SubjectKey
{
    public const int MaxLength = 200;

    public static string Of(string subject)
    {
        var s = subject.ToLowerInvariant();
        s = TicketTag().Replace(s, " ");
        s = Prefixes().Replace(s, "");
        s = Digits().Replace(s, "#");
        s = Punctuation().Replace(s, " ");
        s = Spaces().Replace(s, " ").Trim();
        return s.Length > MaxLength ? s[..MaxLength] : s;
    }

    [GeneratedRegex(@"\[[a-z]+-\d+\]")]
    private static partial Regex TicketTag();

    [GeneratedRegex(@"^\s*((re|fw|fwd|aw|wg|tr)\s*:\s*)+")]
    private static partial Regex Prefixes();

    [GeneratedRegex(@"\d+([.,:]\d+)*")]
    private static partial Regex Digits();

    [GeneratedRegex(@"[^\p{L}#]+")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
