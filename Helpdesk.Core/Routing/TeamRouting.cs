namespace Helpdesk.Core.Routing;

/// <summary>A team's assignment strategy and its round-robin pointer. A team without a row is <see cref="AssignmentStrategy.Manual"/>.</summary>
public sealed class TeamRouting
{
    public int TeamId { get; set; }
    public AssignmentStrategy Strategy { get; set; }

    /// <summary>
    /// Who received the team's last automatically assigned ticket: the next turn starts after them.
    /// Persisted, so the order survives restarts; least-loaded and skill-based use it to break ties.
    /// </summary>
    public int? LastAssignedUserId { get; set; }
}
