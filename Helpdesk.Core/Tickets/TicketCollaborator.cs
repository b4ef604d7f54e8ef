namespace Helpdesk.Core.Tickets;

/// <summary>
/// A colleague who follows a ticket: staff added by hand or by an @mention in an internal note.
/// They may see the ticket whatever their teams (see <see cref="TicketAccess"/>).
/// </summary>
public sealed class TicketCollaborator
{
    private TicketCollaborator() { }

    public TicketCollaborator(int ticketId, int userId, int? addedById, DateTime addedAt)
    {
        TicketId = ticketId;
        UserId = userId;
        AddedById = addedById;
        AddedAt = addedAt;
    }

    public int TicketId { get; private set; }
    public int UserId { get; private set; }
    /// <summary>Null when the system added them.</summary>
    public int? AddedById { get; private set; }
    public DateTime AddedAt { get; private set; }
}
