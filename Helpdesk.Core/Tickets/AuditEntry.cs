namespace Helpdesk.Core.Tickets;

/// <summary>One field of one ticket changed: who, when, old -> new. Written in the change's own transaction.</summary>
public sealed class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(int ticketId, int version, DateTime at, int? actorId, string command, string field, string? oldValue, string? newValue)
    {
        TicketId = ticketId;
        Version = version;
        At = at;
        ActorId = actorId;
        Command = command;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
    }

    public long Id { get; private set; }
    public int TicketId { get; private set; }
    /// <summary>The ticket version this change produced; a stale editor's conflict lists entries above its version.</summary>
    public int Version { get; private set; }
    public DateTime At { get; private set; }
    public int? ActorId { get; private set; }
    public string Command { get; private set; } = "";
    public string Field { get; private set; } = "";
    public string? OldValue { get; private set; }
    public string? NewValue { get; private set; }
}
