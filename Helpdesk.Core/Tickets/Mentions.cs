namespace Helpdesk.Core.Tickets;

/// <summary>
/// Finds colleagues named in a note: "@Omar Desktop" or "@omar", case-insensitive, the longest
/// name first (so "@Sam Agent" is never read as "@Sam"). A first name two colleagues share names
/// nobody; an "@" inside a word (an e-mail address) is not a mention.
/// </summary>
public static class Mentions
{
    public static IReadOnlyList<int> Find(string text, IEnumerable<(int Id, string DisplayName)> people)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('@')) return [];
        var list = people.Select(p => (p.Id, Full: p.DisplayName.Trim())).Where(p => p.Full.Length > 0).ToList();
        // A full name always means its owner; a first name only when no full name and no one else shares it.
        var full = Unambiguous(list.Select(p => (p.Full, p.Id)));
        var first = Unambiguous(list.Select(p => (FirstName(p.Full), p.Id)))
            .Where(n => !list.Any(p => string.Equals(p.Full, n.Key, StringComparison.OrdinalIgnoreCase)));
        var names = full.Concat(first).OrderByDescending(n => n.Key.Length).ToList();

        var found = new List<int>();
        for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            if (at > 0 && char.IsLetterOrDigit(text[at - 1])) continue;
            var rest = text.AsSpan(at + 1);
            foreach (var (key, id) in names)
            {
                if (!rest.StartsWith(key, StringComparison.OrdinalIgnoreCase)) continue;
                if (rest.Length > key.Length && char.IsLetterOrDigit(rest[key.Length])) continue;
                if (!found.Contains(id)) found.Add(id);
                break;
            }
        }
        return found;
    }

    private static IEnumerable<(string Key, int Id)> Unambiguous(IEnumerable<(string Key, int Id)> names) =>
        names.GroupBy(n => n.Key, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(n => n.Id).Distinct().Count() == 1)
            .Select(g => (g.Key, g.First().Id));

    private static string FirstName(string displayName)
    {
        var name = displayName.Trim();
        var space = name.IndexOf(' ');
        return space < 0 ? name : name[..space];
    }
}
