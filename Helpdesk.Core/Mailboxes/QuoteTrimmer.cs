using System.Text.RegularExpressions;

namespace Helpdesk.Core.Mailboxes;

/// <summary>
/// Keeps only what a reply adds: everything from the first quote header ("On … wrote:",
/// "-----Original Message-----", an Outlook "From:/Sent:" block) or the first run of "&gt;" lines
/// that is followed only by quotes, and a trailing "-- " signature separator. If trimming would
/// leave nothing, the whole text is kept: losing a message is worse than showing a quote.
/// </summary>
public static partial class QuoteTrimmer
{
    public static string NewPart(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var cut = lines.Length;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line == "--" && lines[i] == "-- ") { cut = i; break; }
            if (QuoteHeader().IsMatch(line) || OriginalMessage().IsMatch(line)) { cut = i; break; }
            // "On Mon, 3 Mar 2026 at 10:00, Dana Agent <dana@…>" may wrap before "wrote:".
            if (line.StartsWith("On ", StringComparison.Ordinal) && i + 1 < lines.Length && lines[i + 1].Trim().EndsWith("wrote:", StringComparison.Ordinal)) { cut = i; break; }
            if (OutlookFrom().IsMatch(line) && lines.Skip(i + 1).Take(4).Any(l => OutlookSent().IsMatch(l.Trim()))) { cut = i; break; }
            if (line.StartsWith('>') && lines.Skip(i).All(l => l.TrimStart().StartsWith('>') || l.Trim().Length == 0)) { cut = i; break; }
        }
        var kept = string.Join('\n', lines.Take(cut)).Trim();
        return kept.Length == 0 ? text.Trim() : kept;
    }

    [GeneratedRegex(@"^(On|Am|Le|El|Il|Op)\s.+(wrote|schrieb|a écrit|escribió|ha scritto|schreef)\s?:$", RegexOptions.IgnoreCase)]
    private static partial Regex QuoteHeader();
    [GeneratedRegex(@"^-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Forwarded message)\s*-{2,}$", RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();
    [GeneratedRegex(@"^(From|Von|De):\s", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookFrom();
    [GeneratedRegex(@"^(Sent|Gesendet|Envoyé|Date):\s", RegexOptions.IgnoreCase)]
    private static partial Regex OutlookSent();
}
