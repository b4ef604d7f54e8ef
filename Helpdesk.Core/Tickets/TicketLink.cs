namespace Helpdesk.Core.Tickets;

public enum LinkKind
{
    /// <summary>From is the parent, To a follow-up ticket for part of a large job.</summary>
    ParentOf = 0,
    Related = 1,
    /// <summary>From duplicates To.</summary>
    DuplicateOf = 2,
}

public sealed class TicketLink
{
    private TicketLink() { }

    public TicketLink(int fromTicketId, int toTicketId, LinkKind kind, int? createdById, DateTime createdAt)
    {
        FromTicketId = fromTicketId;
        ToTicketId = toTicketId;
        Kind = kind;
        CreatedById = createdById;
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public int FromTicketId { get; private set; }
    public int ToTicketId { get; private set; }
    public LinkKind Kind { get; private set; }
    public int? CreatedById { get; private set; }
    public DateTime CreatedAt { get; private set; }
}
