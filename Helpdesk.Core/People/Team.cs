using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.People;

/// <summary>A queue and the agents who work it.</summary>
public sealed class Team
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public Tier Tier { get; set; } = Tier.L1;
    public List<TeamMember> Members { get; set; } = [];
}

public sealed class TeamMember
{
    public int TeamId { get; set; }
    public int UserId { get; set; }
    public bool IsLead { get; set; }
}

/// <summary>An agent handles tickets of this category (skill-based routing).</summary>
public sealed class AgentSkill
{
    public int UserId { get; set; }
    public int CategoryId { get; set; }
}
