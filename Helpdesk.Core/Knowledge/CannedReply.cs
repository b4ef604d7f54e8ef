using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Knowledge;

/// <summary>Whose canned reply it is.</summary>
public enum CannedReplyScope
{
    /// <summary>One agent's own.</summary>
    Personal = 0,
    /// <summary>Everyone in one team; kept by its leads (and admins).</summary>
    Team = 1,
    /// <summary>Every agent; kept by admins.</summary>
    Everyone = 2,
}

/// <summary>
/// A reply written once and sent many times, with placeholders (<see cref="Placeholders"/>) filled
/// for the ticket at hand, and optionally a status the ticket moves to when it is sent.
/// </summary>
public sealed class CannedReply
{
    public const int TitleMax = 100;
    public const int BodyMax = 10_000;

    public int Id { get; private set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    /// <summary>Set for a personal reply.</summary>
    public int? OwnerId { get; private set; }
    /// <summary>Set for a team-wide reply.</summary>
    public int? TeamId { get; private set; }
    public TicketStatus? SetsStatus { get; set; }
    public int? CreatedById { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public CannedReplyScope Scope => OwnerId is not null ? CannedReplyScope.Personal : TeamId is not null ? CannedReplyScope.Team : CannedReplyScope.Everyone;

    public void SetScope(CannedReplyScope scope, int ownerId, int? teamId)
    {
        OwnerId = scope == CannedReplyScope.Personal ? ownerId : null;
        TeamId = scope == CannedReplyScope.Team ? teamId : null;
    }
}
