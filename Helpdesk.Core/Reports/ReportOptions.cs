namespace Helpdesk.Core.Reports;

/// <summary>"Reports" in appsettings.json.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    /// <summary>Where report days, weeks and months start (an IANA or Windows id); the server's zone when empty.</summary>
    public string? TimeZone { get; set; }
}
