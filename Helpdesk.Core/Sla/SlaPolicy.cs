using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Sla;

/// <summary>
/// Targets for tickets of a priority, optionally narrowed to a category and/or a team; the most
/// specific active policy wins (category and team, then category, then team, then priority only).
/// A ticket keeps the targets it was given; editing a policy applies to new tickets, and to open
/// ones only when the editor asks for a recalculation.
/// </summary>
public sealed class SlaPolicy
{
    public const int NameMax = 100;

    public int Id { get; set; }
    public string Name { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public Priority Priority { get; set; }
    public int? CategoryId { get; set; }
    public int? TeamId { get; set; }
    public int CalendarId { get; set; }
    /// <summary>Business minutes from creation to the first public response.</summary>
    public int FirstResponseMinutes { get; set; }
    /// <summary>Business minutes from creation to resolution, pending time not counted.</summary>
    public int ResolutionMinutes { get; set; }
    /// <summary>A target is at risk once this share of it is used.</summary>
    public int AtRiskPercent { get; set; } = 75;

    /// <summary>How specific the policy is: the most specific matching one wins.</summary>
    public int Specificity => (CategoryId is null ? 0 : 2) + (TeamId is null ? 0 : 1);
}
