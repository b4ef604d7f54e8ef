using System.Text.RegularExpressions;

namespace Helpdesk.Core.Mail;

/// <summary>
/// Keeps user-supplied text from shaping headers: MimeKit encodes what it writes, and anything we
/// put in a header (subjects, display names, Message-IDs) loses its line breaks first, so a
/// subject like "hi\r\nBcc: x@evil" stays one harmless line.
/// </summary>
public static partial class MailHeaders
{
    public const int SubjectMax = 200;

    /// <summary>One line: CR, LF and other control characters become spaces, runs of spaces shrink, at most <paramref name="max"/> characters.</summary>
    public static string OneLine(string? value, int max = SubjectMax)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var cleaned = Spaces().Replace(Controls().Replace(value, " "), " ").Trim();
        return cleaned.Length > max ? cleaned[..(max - 1)].TrimEnd() + "…" : cleaned;
    }

    /// <summary>A Message-ID as we write it: "&lt;local@domain&gt;" with no spaces, controls or extra brackets.</summary>
    public static bool IsMessageId(string? value) => value is not null && MessageIdShape().IsMatch(value);

    public static bool IsDomain(string? value) => value is { Length: > 0 and < 254 } && DomainShape().IsMatch(value);

    [GeneratedRegex(@"[\p{Cc}\u2028\u2029]")]
    private static partial Regex Controls();

    [GeneratedRegex(@" {2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^<[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-]+@[A-Za-z0-9.\-\[\]:]+>$")]
    private static partial Regex MessageIdShape();

    [GeneratedRegex(@"^[A-Za-z0-9]([A-Za-z0-9\-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9\-]*[A-Za-z0-9])?)*$")]
    private static partial Regex DomainShape();
}
