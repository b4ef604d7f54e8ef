using Helpdesk.Core.People;

namespace Helpdesk.Core.Admin;

/// <summary>Who may do what, as one table. The web's policies are built from these role sets, so the table shown is the one enforced.</summary>
public static class RoleTable
{
    /// <summary>The "Staff" policy: work tickets (dashboard, intake, workspace, canned replies).</summary>
    public static readonly string[] StaffRoles = [Roles.Agent, Roles.TeamLead, Roles.Admin];
    /// <summary>The "Lead" policy: the team board, assigning across the team.</summary>
    public static readonly string[] LeadRoles = [Roles.TeamLead, Roles.Admin];
    /// <summary>Administration pages and commands.</summary>
    public static readonly string[] AdminRoles = [Roles.Admin];
    /// <summary>Anyone signed in.</summary>
    public static readonly string[] EveryoneRoles = [.. Roles.All];

    /// <param name="What">What the row allows, in plain words (an English resource key).</param>
    public sealed record Capability(string What, IReadOnlyList<string> Roles);

    public static IReadOnlyList<Capability> Capabilities { get; } =
    [
        new("File requests, follow them and reply on the portal", EveryoneRoles),
        new("Read public knowledge-base articles; create personal API tokens", EveryoneRoles),
        new("See and work the tickets of their teams; log calls; internal notes; canned replies", StaffRoles),
        new("Edit custom field values on tickets", StaffRoles),
        new("Write knowledge-base articles", StaffRoles),
        new("Team board: see every agent's load, assign across the team", LeadRoles),
        new("See every open ticket (All open)", LeadRoles),
        new("Custom fields, categories, people and teams, settings", AdminRoles),
        new("Routing, escalation, SLA, e-mail channel, webhooks, wall displays", AdminRoles),
        new("Audit log and its CSV export", AdminRoles),
    ];
}
