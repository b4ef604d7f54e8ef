using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Routing;

/// <summary>
/// Where new tickets of a category go: a team and a tier, optionally only for one channel. The most
/// specific rule wins (category + channel, then category + any channel); without one, the
/// category's own default team and tier apply.
/// </summary>
public sealed class RoutingRule
{
    public int Id { get; set; }
    public int CategoryId { get; set; }
    /// <summary>Null: any channel.</summary>
    public Channel? Channel { get; set; }
    public int TeamId { get; set; }
    public Tier Tier { get; set; } = Tier.L1;
}
