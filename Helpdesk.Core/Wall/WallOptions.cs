namespace Helpdesk.Core.Wall;

/// <summary>"Wall" in appsettings.json: displays the operator configures beside those admins create in the app.</summary>
public sealed class WallOptions
{
    public const string Section = "Wall";

    public List<ConfiguredDisplay> Displays { get; set; } = [];

    /// <summary>Where "today" starts for created/resolved today and the trend; the server's zone when empty.</summary>
    public string? TimeZone { get; set; }
}

/// <summary>One "Wall:Displays" entry. <see cref="Teams"/> are team names; none means every team.</summary>
public sealed class ConfiguredDisplay
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    public List<string> Teams { get; set; } = [];
    public bool ShowSubjects { get; set; }
}
