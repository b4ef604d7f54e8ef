namespace Helpdesk.Core.Tickets;

public enum CommentKind
{
    /// <summary>Seen by the requester.</summary>
    PublicReply = 0,
    /// <summary>Agents only; never shown or pushed to a requester.</summary>
    InternalNote = 1,
    /// <summary>Written by the system (status change, escalation reason...). Public unless marked internal.</summary>
    System = 2,
}

/// <summary>One entry of a ticket's conversation.</summary>
public sealed class TicketComment
{
    private TicketComment() { }

    public TicketComment(int ticketId, CommentKind kind, int? authorId, string body, DateTime createdAt, bool isInternal = false)
    {
        TicketId = ticketId;
        Kind = kind;
        AuthorId = authorId;
        Body = body;
        CreatedAt = createdAt;
        IsInternal = kind == CommentKind.InternalNote || isInternal;
    }

    public long Id { get; private set; }
    public int TicketId { get; private set; }
    public CommentKind Kind { get; private set; }
    public int? AuthorId { get; private set; }
    public string Body { get; private set; } = "";
    public bool IsInternal { get; private set; }
    public DateTime CreatedAt { get; private set; }
}
