using Helpdesk.Core.Sla;

namespace Helpdesk.Core.Tickets;

/// <summary>The formal record of one request. Its methods are the only way its state changes.</summary>
public sealed class Ticket
{
    private Ticket() { }

    public int Id { get; private set; }
    public int Number { get; private set; }
    public string Subject { get; private set; } = "";
    /// <summary>The subject normalised for counting recurring problems (<see cref="Reports.SubjectKey"/>).</summary>
    public string SubjectKey { get; private set; } = "";
    public string Description { get; private set; } = "";
    public int RequesterId { get; private set; }
    public int CategoryId { get; private set; }
    public SystemDetails System { get; private set; } = new();
    public Channel Channel { get; private set; }
    public TicketStatus Status { get; private set; }
    public Impact Impact { get; private set; }
    public Urgency Urgency { get; private set; }
    public Priority Priority { get; private set; }
    public string? PriorityOverrideReason { get; private set; }
    public Tier Tier { get; private set; }
    public int TeamId { get; private set; }
    public int? AssigneeId { get; private set; }
    public string? Resolution { get; private set; }
    public string? RejectionReason { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? FirstRespondedAt { get; private set; }
    public DateTime? ResolvedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    /// <summary>Stored copy of <see cref="TicketStatusExtensions.IsOpen"/>: lets queue queries hit a partial index.</summary>
    public bool IsOpen { get; private set; }
    /// <summary>Closed long ago: out of the working set, still searchable, never deleted.</summary>
    public bool IsArchived { get; private set; }
    /// <summary>When the first public response is due (business time counted by the SLA policy); null without a policy.</summary>
    public DateTime? FirstResponseDueAt { get; private set; }
    /// <summary>When the resolution is due; moves later while the ticket is pending on the requester.</summary>
    public DateTime? ResolutionDueAt { get; private set; }
    /// <summary>The target counting now (response until responded, then resolution); null when paused, met or none. Queues sort by it.</summary>
    public DateTime? SlaDueAt { get; private set; }
    public SlaState SlaState { get; private set; }
    /// <summary>Bumped by every committed change; the optimistic-concurrency token.</summary>
    public int Version { get; internal set; }

    public List<TicketFieldValue> CustomFields { get; private set; } = [];

    private readonly List<TicketCollaborator> _collaborators = [];
    /// <summary>Colleagues following the ticket. Read-only here: the collaborator commands add and remove rows.</summary>
    public IReadOnlyCollection<TicketCollaborator> Collaborators => _collaborators;

    public static Ticket Create(int number, NewTicketData data, int teamId, Tier tier, DateTime now) => new()
    {
        Number = number,
        Subject = data.Subject.Trim(),
        SubjectKey = Reports.SubjectKey.Of(data.Subject),
        Description = data.Description.Trim(),
        RequesterId = data.RequesterId,
        CategoryId = data.CategoryId,
        System = data.System ?? new SystemDetails(),
        Channel = data.Channel,
        Status = TicketStatus.New,
        IsOpen = true,
        Impact = data.Impact,
        Urgency = data.Urgency,
        Priority = PriorityMatrix.For(data.Impact, data.Urgency),
        Tier = tier,
        TeamId = teamId,
        CreatedAt = now,
        UpdatedAt = now,
        Version = 1,
        CustomFields = [.. (data.CustomFields ?? new Dictionary<string, string>()).Select(kv => new TicketFieldValue(kv.Key, kv.Value))],
    };

    public void ChangeStatus(TicketStatus to, DateTime now, string? resolution = null, string? reason = null)
    {
        if (to == Status) return;
        if (IsArchived) throw new DomainException("Status", "{0} is archived and can no longer change.", TicketNumber.Format(Number));
        if (!TicketTransitions.IsAllowed(Status, to))
            throw new DomainException("Status", "A ticket cannot go from {0} to {1}.", Status, to);
        if (to == TicketStatus.Resolved)
        {
            if (string.IsNullOrWhiteSpace(resolution))
                throw new DomainException("Resolution", "Describe the resolution so other technicians can reuse it.");
            Resolution = resolution.Trim();
            ResolvedAt = now;
        }
        if (to == TicketStatus.Rejected)
        {
            if (string.IsNullOrWhiteSpace(reason))
                throw new DomainException("Reason", "Say why the request is rejected.");
            RejectionReason = reason.Trim();
        }
        if (to == TicketStatus.Closed) ClosedAt = now;
        if (to == TicketStatus.Reopened) { ResolvedAt = null; ClosedAt = null; }
        Status = to;
        IsOpen = to.IsOpen();
        UpdatedAt = now;
    }

    public void Assign(int? assigneeId, DateTime now)
    {
        if (assigneeId == AssigneeId) return;
        EnsureOpen();
        AssigneeId = assigneeId;
        UpdatedAt = now;
    }

    public void Escalate(Tier toTier, int? toTeamId, DateTime now)
    {
        EnsureOpen();
        if (toTier <= Tier)
            throw new DomainException("Tier", "Escalation goes up: {0} is not above {1}.", toTier, Tier);
        Tier = toTier;
        if (toTeamId is { } team && team != TeamId)
        {
            TeamId = team;
            AssigneeId = null;
        }
        UpdatedAt = now;
    }

    public void Reprioritise(Impact impact, Urgency urgency, Priority? overridePriority, string? reason, DateTime now)
    {
        EnsureOpen();
        var computed = PriorityMatrix.For(impact, urgency);
        var isOverride = overridePriority is { } p && p != computed;
        if (isOverride && string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Reason", "Overriding the computed priority needs a reason.");
        Impact = impact;
        Urgency = urgency;
        Priority = isOverride ? overridePriority!.Value : computed;
        PriorityOverrideReason = isOverride ? reason!.Trim() : null;
        UpdatedAt = now;
    }

    public void Recategorise(int categoryId, DateTime now)
    {
        if (categoryId == CategoryId) return;
        CategoryId = categoryId;
        UpdatedAt = now;
    }

    /// <summary>A public reply by someone other than the requester is the first response.</summary>
    public void RecordReply(int authorId, bool isPublic, DateTime now)
    {
        if (IsArchived) throw new DomainException("Body", "{0} is archived and can no longer change.", TicketNumber.Format(Number));
        if (isPublic && authorId != RequesterId && FirstRespondedAt is null) FirstRespondedAt = now;
        UpdatedAt = now;
    }

    public void Archive(DateTime now)
    {
        if (IsArchived) return;
        if (Status != TicketStatus.Closed)
            throw new DomainException("Status", "Only closed tickets are archived.");
        IsArchived = true;
        UpdatedAt = now;
    }

    /// <summary>
    /// Stores what the SLA clock computed. Derived data: it never bumps <see cref="Version"/> or
    /// <see cref="UpdatedAt"/>, so a clock tick never makes an agent's open edit stale.
    /// </summary>
    internal void SetSla(DateTime? firstResponseDueAt, DateTime? resolutionDueAt, DateTime? slaDueAt, SlaState state)
    {
        FirstResponseDueAt = firstResponseDueAt;
        ResolutionDueAt = resolutionDueAt;
        SlaDueAt = slaDueAt;
        SlaState = state;
    }

    /// <summary>
    /// Replaces the stored values of the named custom fields (an empty list clears one; fields not
    /// named stay). Returns whether anything changed. Values are already checked against the field
    /// definitions (<see cref="Fields.FieldValues"/>).
    /// </summary>
    public bool SetCustomFields(IReadOnlyDictionary<string, IReadOnlyList<string>> values, DateTime now)
    {
        if (IsArchived) throw new DomainException("CustomFields", "{0} is archived and can no longer change.", TicketNumber.Format(Number));
        var changed = false;
        foreach (var (key, wanted) in values)
        {
            var current = CustomFields.Where(f => f.Key == key).ToList();
            foreach (var gone in current.Where(f => !wanted.Contains(f.Value))) { CustomFields.Remove(gone); changed = true; }
            foreach (var added in wanted.Distinct().Where(v => current.All(f => f.Value != v))) { CustomFields.Add(new TicketFieldValue(key, added)); changed = true; }
        }
        if (changed) UpdatedAt = now;
        return changed;
    }

    private void EnsureOpen()
    {
        if (!IsOpen) throw new DomainException("Status", "{0} is {1}; reopen it first.", TicketNumber.Format(Number), Status);
    }
}

/// <summary>What a person supplies for a new ticket; validated by the create command.</summary>
public sealed record NewTicketData
{
    public int RequesterId { get; init; }
    public int CategoryId { get; init; }
    public string Subject { get; init; } = "";
    public string Description { get; init; } = "";
    public Impact Impact { get; init; } = Impact.Individual;
    public Urgency Urgency { get; init; } = Urgency.Soon;
    public Channel Channel { get; init; } = Channel.Web;
    public SystemDetails? System { get; init; }
    public IReadOnlyDictionary<string, string>? CustomFields { get; init; }
}

/// <summary>
/// A value of a custom field: key/value rows indexed by (key, value) so filters stay fast; a multiple
/// choice has one row per chosen option.
/// </summary>
public sealed record TicketFieldValue(string Key, string Value)
{
    public int TicketId { get; private set; }
}
