using Helpdesk.Web.State;

namespace Helpdesk.Tests.Web.State;

/// <summary>A second feature, to show that every feature's reducers see every action.</summary>
[FeatureState]
public sealed record TallyState(int Actions)
{
    private TallyState() : this(0) { }
}
