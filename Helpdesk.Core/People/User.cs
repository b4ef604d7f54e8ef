using Helpdesk.Core.Tickets;
using Microsoft.AspNetCore.Identity;

namespace Helpdesk.Core.People;

/// <summary>Anyone the desk knows: requesters (with or without a password) and staff.</summary>
public sealed class User : IdentityUser<int>
{
    public string DisplayName { get; set; } = "";
    public string? Location { get; set; }
    public string? Department { get; set; }
    /// <summary>The agent's support level; null for requesters.</summary>
    public Tier? Tier { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>The agent marked themself away: automatic assignment skips them (their own toggle, kept across sign-ins).</summary>
    public bool IsAway { get; set; }
    public DateTime CreatedAt { get; set; }
}

public sealed class Role : IdentityRole<int>
{
    public Role() { }
    public Role(string name) : base(name) { }
}

public static class Roles
{
    public const string Requester = "Requester";
    public const string Agent = "Agent";
    public const string TeamLead = "TeamLead";
    public const string Admin = "Admin";

    public static readonly string[] All = [Requester, Agent, TeamLead, Admin];
}
