namespace Helpdesk.Core.Knowledge;

public enum ArticleTicketKind
{
    /// <summary>The article was written from this ticket's resolution.</summary>
    Source = 0,
    /// <summary>An agent sent the article (link or text) to this ticket's requester.</summary>
    Used = 1,
}

/// <summary>A ticket an article solved: the article page lists them and counts them.</summary>
public sealed class ArticleTicket
{
    private ArticleTicket() { }

    public ArticleTicket(int articleId, int ticketId, ArticleTicketKind kind, int? byId, DateTime at)
    {
        ArticleId = articleId;
        TicketId = ticketId;
        Kind = kind;
        ById = byId;
        At = at;
    }

    public int ArticleId { get; private set; }
    public int TicketId { get; private set; }
    public ArticleTicketKind Kind { get; private set; }
    public int? ById { get; private set; }
    public DateTime At { get; private set; }
}
