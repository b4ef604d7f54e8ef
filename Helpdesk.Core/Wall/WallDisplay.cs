namespace Helpdesk.Core.Wall;

/// <summary>
/// A wall screen an admin set up in the app. Like an API token, only the SHA-256 hash of its key is
/// kept (the key is shown once); unlike one it never expires: a TV is not a sign-in session.
/// </summary>
public sealed class WallDisplay
{
    public const int NameMax = 80;

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Prefix { get; private set; } = "";
    public string Hash { get; private set; } = "";
    /// <summary>Comma-separated team ids; empty means every team.</summary>
    public string TeamIds { get; private set; } = "";
    public bool ShowSubjects { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int? CreatedById { get; private set; }

    private WallDisplay() { }

    internal WallDisplay(string name, string prefix, string hash, IEnumerable<int> teamIds, bool showSubjects, DateTime createdAt, int? createdById)
    {
        Name = name;
        Prefix = prefix;
        Hash = hash;
        TeamIds = string.Join(',', teamIds.Distinct().Order());
        ShowSubjects = showSubjects;
        CreatedAt = createdAt;
        CreatedById = createdById;
    }

    internal IReadOnlySet<int> TeamIdSet =>
        TeamIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToHashSet();
}
