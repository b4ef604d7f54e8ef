using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Data.DemoData;

/// <summary>The demo sign-ins, one per role (README lists them).</summary>
public static class DemoAccounts
{
    public const string Password = "Helpdesk!2026";

    public sealed record Account(string Email, string Name, string[] Roles, Tier? Tier, string[] Teams, string[] LeadOf, string? Department = null, string? Location = null);

    public const string ServiceDesk = "Service desk";
    public const string Desktop = "Desktop support";
    public const string Infrastructure = "Infrastructure";

    public static readonly Account[] Staff =
    [
        new("admin@helpdesk.test", "Ada Admin", [Roles.Admin, Roles.Agent], Tier.L3, [ServiceDesk, Desktop, Infrastructure], []),
        new("lead@helpdesk.test", "Lena Lead", [Roles.TeamLead, Roles.Agent], Tier.L2, [ServiceDesk, Desktop], [ServiceDesk, Desktop]),
        new("dana@helpdesk.test", "Dana Agent", [Roles.Agent], Tier.L1, [ServiceDesk], []),
        new("sam@helpdesk.test", "Sam Agent", [Roles.Agent], Tier.L1, [ServiceDesk], []),
        new("omar@helpdesk.test", "Omar Desktop", [Roles.Agent], Tier.L2, [Desktop], []),
        new("ines@helpdesk.test", "Ines Infra", [Roles.Agent], Tier.L3, [Infrastructure], []),
    ];

    public static readonly Account Requester =
        new("alice@example.test", "Alice Martin", [Roles.Requester], null, [], [], "Finance", "Paris, 3rd floor");

    public static readonly (string Name, string Department, string Location)[] OtherRequesters =
    [
        ("Bruno Costa", "Sales", "Lisbon"), ("Chloé Bernard", "Finance", "Paris, 3rd floor"),
        ("Dmitri Ionescu", "Engineering", "Bucharest"), ("Eva Hansen", "HR", "Oslo"),
        ("Farid Haddad", "Logistics", "Lyon warehouse"), ("Greta Nilsen", "Engineering", "Oslo"),
        ("Hugo Petit", "Marketing", "Paris, 5th floor"), ("Ioana Popescu", "Finance", "Bucharest"),
        ("Jonas Berg", "Sales", "Bergen"), ("Karin Lund", "Legal", "Oslo"), ("Luca Rossi", "Engineering", "Remote"),
        ("Maria Dumitru", "HR", "Cluj"), ("Nils Olsen", "Logistics", "Trondheim"), ("Oana Stan", "Sales", "Bucharest"),
        ("Pierre Laurent", "Executive", "Paris, 6th floor"),
    ];
}
