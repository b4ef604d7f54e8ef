using System.Collections.Immutable;
using Helpdesk.Web.State;

namespace Helpdesk.Tests.Web.State;

[FeatureState]
public sealed record CounterState(int Count, ImmutableList<string> Log)
{
    private CounterState() : this(0, []) { }
}
