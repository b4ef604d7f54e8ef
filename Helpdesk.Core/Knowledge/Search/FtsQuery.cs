using System.Text;
using System.Text.RegularExpressions;

namespace Helpdesk.Core.Knowledge.Search;

/// <summary>
/// Turns what someone typed into an FTS5 query that cannot fail: every word becomes a quoted string
/// (FTS5 then reads punctuation inside as a separator, so "wi-fi" is the phrase "wi fi"), quotes are
/// doubled, operators (AND, NEAR, *, ^, :) are just words, and the last word is a prefix.
/// </summary>
public static partial class FtsQuery
{
    private const int MaxWords = 16;

    // Words too common to say anything about a subject line ("my laptop does not start").
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "and", "any", "are", "as", "at", "be", "but", "by", "can", "cannot", "can't", "could", "do", "does", "doesn't",
        "for", "from", "get", "has", "have", "how", "i", "i'm", "in", "is", "it", "it's", "my", "me", "no", "not", "of", "on",
        "or", "our", "please", "since", "so", "the", "this", "to", "up", "was", "we", "what", "when", "where", "why", "will",
        "with", "won't", "you", "your", "need", "help", "issue", "problem",
        // Filler of subject lines: "my laptop keeps freezing", "Outlook stopped working again".
        "keep", "keeps", "kept", "still", "again", "anymore", "always", "never", "suddenly", "just", "all", "some", "very",
        "today", "yesterday", "morning", "every", "get", "gets", "getting", "got", "want", "would", "should", "like",
        "work", "works", "working", "worked", "stopped", "anything", "something", "there", "after", "before",
    };

    /// <returns>The MATCH expression, or null when nothing searchable was typed.</returns>
    public static string? Build(string? text, SearchMatch match)
    {
        var words = Words(text, match);
        if (words.Count == 0) return null;

        var query = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0) query.Append(match == SearchMatch.AnyWord ? " OR " : " ");
            query.Append('"').Append(words[i].Replace("\"", "\"\"")).Append('"');
            if (i == words.Count - 1) query.Append('*');
        }
        return query.ToString();
    }

    /// <summary>The searchable words of what was typed (stop words dropped for <see cref="SearchMatch.AnyWord"/>), in order, at most 16.</summary>
    internal static IReadOnlyList<string> Words(string? text, SearchMatch match)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        // A NUL would end the string inside SQLite and leave a quote open; no control character is searchable anyway.
        if (text.Any(char.IsControl)) text = new string([.. text.Select(c => char.IsControl(c) ? ' ' : c)]);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim())
            .Where(w => Searchable().IsMatch(w))
            .ToList();
        if (match == SearchMatch.AnyWord)
            words = [.. words.Where(w => Bare(w) is { Length: >= 2 } bare && !StopWords.Contains(bare))];
        return [.. words.Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxWords)];
    }

    private static string Bare(string word) => word.Trim().Trim(Punctuation);

    private static readonly char[] Punctuation = [.. ".,;:!?()[]{}<>\"'`*+-^/\\|".ToCharArray()];

    // A word FTS5 can find has at least one letter or digit; "--" or "***" alone would be an empty phrase.
    [GeneratedRegex(@"[\p{L}\p{N}]")]
    private static partial Regex Searchable();
}
