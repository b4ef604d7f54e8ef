using Helpdesk.Web.State;

namespace Helpdesk.Tests.Web.State;

public static class StateWaiting
{
    /// <summary>Completes when the state satisfies <paramref name="condition"/>; fails after the timeout. No polling, no sleeps.</summary>
    public static async Task<TState> WaitForAsync<TState>(this IState<TState> state, Func<TState, bool> condition, TimeSpan? timeout = null)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check(object? sender, EventArgs e)
        {
            if (condition(state.Value)) reached.TrySetResult();
        }
        state.StateChanged += Check;
        try
        {
            Check(null, EventArgs.Empty);
            await reached.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
            return state.Value;
        }
        finally
        {
            state.StateChanged -= Check;
        }
    }
}
