namespace Helpdesk.Core.Events;

/// <summary>The event log's row. Its id is the global sequence number (AUTOINCREMENT: never reused).</summary>
public sealed class TicketEventRecord
{
    public long Id { get; set; }
    public int TicketId { get; set; }
    public TicketEventKind Kind { get; set; }
    public DateTime At { get; set; }
    public int? ActorId { get; set; }
    public bool IsInternal { get; set; }
    /// <summary>The ticket's list row after the change, as JSON.</summary>
    public string Row { get; set; } = "";
}
