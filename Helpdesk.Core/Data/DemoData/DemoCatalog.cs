using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Data.DemoData;

/// <summary>Demo categories and the requests people typically file under them.</summary>
internal static class DemoCatalog
{
    public sealed record CategorySeed(string Name, string? Parent, string Team, Tier Tier, bool NeedsSystem, (string Subject, string Description)[] Samples);

    public static readonly CategorySeed[] Categories =
    [
        new("Hardware", null, DemoAccounts.Desktop, Tier.L2, true, []),
        new("Laptop", "Hardware", DemoAccounts.Desktop, Tier.L1, true,
        [
            ("Laptop does not start after update", "Since this morning's update my laptop stops at the logo screen."),
            ("Battery drains in an hour", "The battery lasts about an hour, it used to last a day."),
            ("Screen flickers when docked", "External screen flickers every few seconds when connected to the dock."),
        ]),
        new("Printer", "Hardware", DemoAccounts.Desktop, Tier.L1, true,
        [
            ("Printer on 3rd floor jams", "Every second page jams in tray 2."),
            ("Cannot print to colour printer", "The colour printer is missing from my list of printers."),
        ]),
        new("Software", null, DemoAccounts.ServiceDesk, Tier.L1, true,
        [
            ("Excel crashes when opening large files", "Excel closes without a message when I open the quarterly report."),
            ("Need Visio licence", "I need Visio for process diagrams in the new project."),
            ("Outlook keeps asking for password", "Outlook prompts for my password every few minutes."),
        ]),
        new("Access", null, DemoAccounts.ServiceDesk, Tier.L1, false,
        [
            ("Password reset", "I am locked out of my account after the holidays."),
            ("Access to the finance share", "Please give me read access to \\\\files\\finance for the audit."),
            ("New starter account", "A new colleague starts on Monday and needs an account and e-mail."),
        ]),
        new("Network", null, DemoAccounts.Infrastructure, Tier.L2, false,
        [
            ("VPN disconnects every 10 minutes", "Working from home, the VPN drops every ten minutes."),
            ("Wi-Fi slow in meeting room B", "Video calls freeze in meeting room B."),
            ("Cannot reach intranet", "The intranet page times out from the Lyon warehouse."),
        ]),
        new("E-mail", null, DemoAccounts.ServiceDesk, Tier.L1, false,
        [
            ("Shared mailbox missing", "The sales shared mailbox disappeared from Outlook."),
            ("Mail to customer bounced", "A mail to a customer bounced with 550 5.7.1."),
        ]),
        new("Server", null, DemoAccounts.Infrastructure, Tier.L3, true,
        [
            ("File server nearly full", "Monitoring warns that FS01 is at 92% disk use."),
            ("Backup job failed", "Last night's backup of the ERP database failed."),
        ]),
    ];
}
