namespace Helpdesk.Core.Notifications;

/// <summary>What a notification is about. Stored as a number: append new kinds at the end.</summary>
public enum NotificationKind
{
    /// <summary>To the requester: we received your request (with its number).</summary>
    TicketReceived = 0,
    /// <summary>To the requester: staff answered publicly.</summary>
    StaffReplied = 1,
    /// <summary>To the requester: in progress, waiting on you, resolved, closed.</summary>
    StatusChanged = 2,
    /// <summary>To an agent: the ticket is now theirs.</summary>
    AssignedToYou = 3,
    /// <summary>To the assignee: the requester answered.</summary>
    RequesterReplied = 4,
    /// <summary>To a colleague named with @ in an internal note.</summary>
    Mentioned = 5,
    /// <summary>To the assignee and the team's leads.</summary>
    SlaAtRisk = 6,
    SlaBreached = 7,
    /// <summary>To the team's leads: an escalation rule asked for them.</summary>
    LeadAttention = 8,
}

/// <summary>One in-app notification for one person. Planned from one ticket event; never twice for the same event and kind.</summary>
public sealed class Notification
{
    public const int SubjectMax = 200;
    public const int DetailMax = 300;

    public long Id { get; private set; }
    public int UserId { get; private set; }
    public int TicketId { get; private set; }
    public int TicketNumber { get; private set; }
    public string TicketSubject { get; private set; } = "";
    public NotificationKind Kind { get; private set; }
    /// <summary>The ticket event it came from (the event log's sequence).</summary>
    public long EventSequence { get; private set; }
    public string? ActorName { get; private set; }
    /// <summary>Kind-specific: the new status's name, a rule's name, the start of a reply or note.</summary>
    public string? Detail { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; internal set; }

    private Notification() { }

    internal Notification(int userId, int ticketId, int ticketNumber, string ticketSubject, NotificationKind kind, long eventSequence,
        string? actorName, string? detail, DateTime now)
    {
        UserId = userId;
        TicketId = ticketId;
        TicketNumber = ticketNumber;
        TicketSubject = ticketSubject.Length > SubjectMax ? ticketSubject[..SubjectMax] : ticketSubject;
        Kind = kind;
        EventSequence = eventSequence;
        ActorName = actorName;
        Detail = detail is { Length: > DetailMax } ? detail[..(DetailMax - 1)] + "…" : detail;
        CreatedAt = now;
    }
}

/// <summary>A person does not want e-mail for this kind (in-app notifications are always on). No row: they do.</summary>
public sealed class EmailOptOut
{
    public int UserId { get; set; }
    public NotificationKind Kind { get; set; }
}
