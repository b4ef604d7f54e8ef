namespace Helpdesk.Core.Routing;

/// <summary>How a team's new tickets find an agent. Only available agents (marked available and online) are chosen.</summary>
public enum AssignmentStrategy
{
    /// <summary>Nobody is chosen: new tickets wait in the team's unassigned queue.</summary>
    Manual = 0,
    /// <summary>Members in turn (by name), after the one who got the team's previous ticket.</summary>
    RoundRobin = 1,
    /// <summary>The member with the lowest weighted open load (<see cref="Workload"/>); ties go in round-robin order.</summary>
    LeastLoaded = 2,
    /// <summary>Members whose skills include the ticket's category (or a parent of it); among those, least loaded.</summary>
    SkillBased = 3,
}
