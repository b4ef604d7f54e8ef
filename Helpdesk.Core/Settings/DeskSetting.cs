namespace Helpdesk.Core.Settings;

/// <summary>A business setting an admin changed in the app; it overrides appsettings.json's default.</summary>
public sealed class DeskSetting
{
    public const int KeyMax = 100;
    public const int ValueMax = 2_000;

    public string Key { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public int? UpdatedById { get; set; }
}
