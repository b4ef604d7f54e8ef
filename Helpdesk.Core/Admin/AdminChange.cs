namespace Helpdesk.Core.Admin;

/// <summary>What an admin change was about. Ticket changes have their own audit (<see cref="Tickets.AuditEntry"/>).</summary>
public enum AdminArea { Field, Category, Team, Person, Setting }

/// <summary>One value an admin changed outside tickets: who, when, what, before and after. Written in the change's transaction.</summary>
public sealed class AdminChange
{
    public const int SubjectMax = 200;
    public const int FieldMax = 64;
    public const int ValueMax = 500;

    public long Id { get; set; }
    public DateTime At { get; set; }
    public int? ActorId { get; set; }
    public AdminArea Area { get; set; }
    /// <summary>What was changed, stable: a field key, a category or person id, a setting key.</summary>
    public string SubjectKey { get; set; } = "";
    /// <summary>Its name at the time, so the log still reads after a rename.</summary>
    public string SubjectName { get; set; } = "";
    public string Field { get; set; } = "";
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
