using System.Globalization;
using System.Text.RegularExpressions;

namespace Helpdesk.Core.Mailboxes;

/// <summary>The ticket number in a subject: "Re: [HD-1042] Printer jam" (any letters before the dash).</summary>
public static partial class SubjectTag
{
    public static int? Number(string subject)
    {
        var m = Tag().Match(subject);
        return m.Success && int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>"RE: Fwd: AW: Printer" → "Printer", for the subject of a new ticket.</summary>
    public static string StripPrefixes(string subject) => Prefixes().Replace(subject, "").Trim();

    [GeneratedRegex(@"\[[A-Za-z]{1,10}-(\d{1,9})\]")]
    private static partial Regex Tag();
    [GeneratedRegex(@"^(\s*(re|fw|fwd|aw|wg|sv|vs|tr|rif)\s*(\[\d+\])?\s*:\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex Prefixes();
}
