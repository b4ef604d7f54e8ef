using System.Text.RegularExpressions;

namespace Helpdesk.Core.Knowledge.Search;

/// <summary>
/// What someone typed as a PostgreSQL to_tsquery expression that cannot fail: the same words as
/// <see cref="FtsQuery"/>, each reduced to its letters and digits ("wi-fi" is the phrase wi &lt;-&gt; fi),
/// every lexeme quoted, words joined by &amp; (all) or | (any), the last one a prefix (:*).
/// </summary>
public static partial class TsQuery
{
    /// <returns>The expression, or null when nothing searchable was typed.</returns>
    public static string? Build(string? text, SearchMatch match)
    {
        var phrases = FtsQuery.Words(text, match)
            .Select(w => Lexemes().Matches(w).Select(m => m.Value).ToList())
            .Where(l => l.Count > 0)
            .ToList();
        if (phrases.Count == 0) return null;
        var parts = phrases.Select((lexemes, i) =>
        {
            var quoted = lexemes.Select(l => "'" + l + "'").ToList();
            if (i == phrases.Count - 1) quoted[^1] += ":*";
            return quoted.Count == 1 ? quoted[0] : "(" + string.Join(" <-> ", quoted) + ")";
        });
        return string.Join(match == SearchMatch.AnyWord ? " | " : " & ", parts);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Lexemes();
}
