namespace Helpdesk.Core.Tickets;

/// <summary>The reason for a request (a tree: Hardware > Laptop), with where its tickets go by default.</summary>
public sealed class Category
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int? ParentId { get; set; }
    public int DefaultTeamId { get; set; }
    public Tier DefaultTier { get; set; } = Tier.L1;
    /// <summary>Hardware and software requests ask for the system concerned.</summary>
    public bool NeedsSystemDetails { get; set; }
    public bool IsActive { get; set; } = true;
}
