using Helpdesk.Core.People;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Application;

/// <summary>Who is asking. Every query and command takes one and answers only what it may see.</summary>
public sealed record Caller(int UserId, string DisplayName, IReadOnlySet<string> Roles, IReadOnlySet<int> TeamIds, Tier? Tier = null)
{
    /// <summary>Background jobs and the demo seeder: sees and may do everything.</summary>
    public static Caller System { get; } = new(0, "System", new HashSet<string> { People.Roles.Admin }, new HashSet<int>());

    public bool IsAdmin => Roles.Contains(People.Roles.Admin);
    public bool IsLead => Roles.Contains(People.Roles.TeamLead);
    /// <summary>Staff who work tickets: agents, leads and admins.</summary>
    public bool IsStaff => IsAdmin || IsLead || Roles.Contains(People.Roles.Agent);
    public int? ActorId => UserId == 0 ? null : UserId;
}
