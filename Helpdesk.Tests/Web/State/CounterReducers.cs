using Helpdesk.Web.State;

namespace Helpdesk.Tests.Web.State;

public static class CounterReducers
{
    [ReducerMethod]
    public static CounterState ReduceIncrement(CounterState state, Increment action) => state with { Count = state.Count + 1 };

    [ReducerMethod]
    public static CounterState ReduceAppend(CounterState state, Append action) => state with { Log = state.Log.Add(action.Entry) };

    [ReducerMethod]
    public static CounterState ReduceTouch(CounterState state, Touch action) => state;

    [ReducerMethod]
    public static CounterState ReduceFetchEntries(CounterState state, FetchEntries action) => state with { Log = state.Log.Add("fetching") };

    [ReducerMethod]
    public static CounterState ReduceEffectFailed(CounterState state, EffectFailed action) =>
        state with { Log = state.Log.Add($"failed: {action.Action.GetType().Name}: {action.Exception.Message}") };

    [ReducerMethod]
    public static CounterState ReduceCrash(CounterState state, Crash action) => throw new InvalidOperationException("reducer bug");

    [ReducerMethod]
    public static TallyState ReduceAnyAction(TallyState state, object action) => state with { Actions = state.Actions + 1 };
}
