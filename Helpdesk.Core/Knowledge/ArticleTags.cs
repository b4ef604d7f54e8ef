using System.Text.RegularExpressions;

namespace Helpdesk.Core.Knowledge;

/// <summary>Tags as typed ("VPN,  Remote access;vpn") become one normalized string ("vpn, remote access").</summary>
public static partial class ArticleTags
{
    public const int MaxCount = 12;
    public const int MaxLength = 40;

    public static IReadOnlyList<string> Parse(string? tags) =>
        [.. (tags ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => Spaces().Replace(t, " ").ToLowerInvariant())
            .Where(t => t.Length > 0)
            .Distinct()];

    public static string Normalize(string? tags) => string.Join(", ", Parse(tags));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
