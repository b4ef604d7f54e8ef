namespace Helpdesk.Core.Tickets.Queries;

/// <summary>
/// A ticket as a list shows it. Every event carries one, so a screen can update, move or drop a
/// row without reading the database.
/// </summary>
public sealed record TicketRow
{
    public int Id { get; init; }
    public int Number { get; init; }
    public string Subject { get; init; } = "";
    public int RequesterId { get; init; }
    public string RequesterName { get; init; } = "";
    public string? RequesterDepartment { get; init; }
    public int CategoryId { get; init; }
    public string CategoryName { get; init; } = "";
    public Channel Channel { get; init; }
    public Priority Priority { get; init; }
    public TicketStatus Status { get; init; }
    public Tier Tier { get; init; }
    public int TeamId { get; init; }
    public string TeamName { get; init; } = "";
    public int? AssigneeId { get; init; }
    public string? AssigneeName { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public bool IsOpen { get; init; }
    public bool IsArchived { get; init; }
    public int Version { get; init; }
    /// <summary>SLA targets and state (see <see cref="Sla.SlaState"/>); derived, they change without a version bump.</summary>
    public DateTime? FirstResponseDueAt { get; init; }
    public DateTime? ResolutionDueAt { get; init; }
    /// <summary>The target counting now; null when paused, met or without a policy.</summary>
    public DateTime? SlaDueAt { get; init; }
    public Sla.SlaState SlaState { get; init; }
    /// <summary>Colleagues following the ticket: they may see it outside their teams, so live events need them.</summary>
    public IReadOnlyList<int> CollaboratorIds { get => _collaboratorIds.Items; init => _collaboratorIds = new(value ?? []); }

    // Held in a field compared by content, so two rows stay equal when every value is (as with the other members).
    private readonly IdList _collaboratorIds = new([]);

    public string DisplayNumber => TicketNumber.Format(Number);

    /// <summary>
    /// Whether this snapshot should replace <paramref name="current"/> on a screen: events arrive in
    /// order, but a page load may already hold a newer row (replies move UpdatedAt, not Version).
    /// </summary>
    public bool IsNewerThan(TicketRow current) =>
        Version > current.Version || (Version == current.Version && UpdatedAt >= current.UpdatedAt);
}

/// <summary>A list of ids with value equality, for members of records.</summary>
internal readonly record struct IdList(IReadOnlyList<int> Items)
{
    public bool Equals(IdList other) => (Items ?? []).SequenceEqual(other.Items ?? []);

    public override int GetHashCode() => (Items ?? []).Aggregate(17, (hash, id) => hash * 31 + id);
}
