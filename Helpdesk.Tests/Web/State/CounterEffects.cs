using Helpdesk.Web.State;

namespace Helpdesk.Tests.Web.State;

public sealed class CounterEffects(EffectRecorder recorder, IState<CounterState> counter)
{
    [EffectMethod]
    public async Task HandleFetchEntries(FetchEntries action, IDispatcher dispatcher)
    {
        recorder.Received.Enqueue((action, counter.Value));
        await Task.Yield();
        foreach (var entry in action.Entries) dispatcher.Dispatch(new Append(entry));
    }

    [EffectMethod]
    public Task HandleExplode(Explode action, IDispatcher dispatcher) =>
        action.Synchronously ? throw new InvalidOperationException("boom now") : ExplodeLaterAsync();

    private static async Task ExplodeLaterAsync()
    {
        await Task.Yield();
        throw new InvalidOperationException("boom later");
    }
}
