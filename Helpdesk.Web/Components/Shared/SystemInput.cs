using Helpdesk.Core.Tickets;

namespace Helpdesk.Web.Components.Shared;

/// <summary>The "which system is concerned" fields as a form edits them (mutable), for both request forms.</summary>
public sealed class SystemInput
{
    public string? DeviceType { get; set; }
    public string? AssetTag { get; set; }
    public string? OperatingSystem { get; set; }
    public string? Application { get; set; }
    public string? ApplicationVersion { get; set; }

    public SystemDetails ToDetails() => new()
    {
        DeviceType = DeviceType?.Trim(), AssetTag = AssetTag?.Trim(), OperatingSystem = OperatingSystem?.Trim(),
        Application = Application?.Trim(), ApplicationVersion = ApplicationVersion?.Trim(),
    };
}
