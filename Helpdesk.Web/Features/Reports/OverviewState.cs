using Helpdesk.Core.Reports;
using Helpdesk.Web.State;

namespace Helpdesk.Web.Features.Reports;

/// <summary>The live overview of this circuit: the last figures loaded and whether a reload is on its way.</summary>
[FeatureState]
public sealed record OverviewState
{
    public bool Loading { get; init; } = true;
    /// <summary>The caller may not read reports.</summary>
    public bool Refused { get; init; }
    public LiveOverview? Figures { get; init; }
    /// <summary>Bumped by every load request, so a slow earlier load never overwrites a later one.</summary>
    public long LoadRequest { get; init; }
    public DateTime? LoadedAt { get; init; }
}
