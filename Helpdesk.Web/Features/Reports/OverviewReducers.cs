using Helpdesk.Web.State;

namespace Helpdesk.Web.Features.Reports;

public static class OverviewReducers
{
    [ReducerMethod]
    public static OverviewState ReduceLoadOverview(OverviewState state, LoadOverview action) =>
        state with { Loading = true, LoadRequest = state.LoadRequest + 1 };

    [ReducerMethod]
    public static OverviewState ReduceOverviewLoaded(OverviewState state, OverviewLoaded action) =>
        action.LoadRequest != state.LoadRequest ? state
        : action.Figures is null ? state with { Loading = false, Refused = true, Figures = null }
        : state with { Loading = false, Refused = false, Figures = action.Figures, LoadedAt = action.At };
}
