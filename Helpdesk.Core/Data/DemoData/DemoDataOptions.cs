namespace Helpdesk.Core.Data.DemoData;

/// <summary>appsettings.json "DemoData": fill an empty database with a small, believable service desk.</summary>
public sealed class DemoDataOptions
{
    public const string Section = "DemoData";
    public bool Enabled { get; set; } = true;
    public int Tickets { get; set; } = 200;
    /// <summary>The password of every demo account (listed in the README).</summary>
    public string Password { get; set; } = DemoAccounts.Password;
}
