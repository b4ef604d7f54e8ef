namespace Helpdesk.Core.Reports;

internal sealed record CategoryNode(int Id, int? ParentId, string Name);

/// <summary>The category tree in memory (a few hundred rows at most): subtrees for filters, paths for labels.</summary>
internal sealed class CategoryTree(IReadOnlyList<CategoryNode> nodes)
{
    private readonly Dictionary<int, CategoryNode> _byId = nodes.ToDictionary(n => n.Id);

    public IReadOnlyCollection<int> WithDescendants(int id)
    {
        var result = new HashSet<int> { id };
        var added = true;
        while (added)
        {
            added = false;
            foreach (var n in nodes)
                if (n.ParentId is { } p && result.Contains(p) && result.Add(n.Id)) added = true;
        }
        return result;
    }

    /// <summary>"Hardware › Laptop".</summary>
    public string PathOf(int id)
    {
        var parts = new List<string>();
        var seen = new HashSet<int>();
        for (int? at = id; at is { } i && _byId.TryGetValue(i, out var n) && seen.Add(i); at = n.ParentId) parts.Insert(0, n.Name);
        return parts.Count == 0 ? $"#{id}" : string.Join(" › ", parts);
    }
}
