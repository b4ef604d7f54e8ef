namespace Helpdesk.Core.Tickets;

/// <summary>For hardware and software requests: the system concerned (seed: "details of the system").</summary>
public sealed record SystemDetails
{
    public string? AssetTag { get; init; }
    public string? DeviceType { get; init; }
    public string? OperatingSystem { get; init; }
    public string? Application { get; init; }
    public string? ApplicationVersion { get; init; }

    public bool IsEmpty =>
        string.IsNullOrWhiteSpace(AssetTag) && string.IsNullOrWhiteSpace(DeviceType) &&
        string.IsNullOrWhiteSpace(OperatingSystem) && string.IsNullOrWhiteSpace(Application) &&
        string.IsNullOrWhiteSpace(ApplicationVersion);
}
