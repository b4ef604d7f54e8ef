using Helpdesk.Web.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Helpdesk.Tests.Web.State;

public sealed class StoreTests : IDisposable
{
    private readonly ServiceProvider _root;
    private readonly IServiceScope _circuit;
    private readonly CapturingLoggerProvider _log = new();

    public StoreTests()
    {
        var services = new ServiceCollection()
            .AddHelpdeskStore(typeof(CounterState).Assembly)
            .AddSingleton<EffectRecorder>()
            .AddSingleton<ILoggerProvider>(_log);
        _root = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        _circuit = _root.CreateScope();
    }

    private IDispatcher Dispatcher => _circuit.ServiceProvider.GetRequiredService<IDispatcher>();
    private IState<CounterState> Counter => _circuit.ServiceProvider.GetRequiredService<IState<CounterState>>();
    private IState<TallyState> Tally => _circuit.ServiceProvider.GetRequiredService<IState<TallyState>>();

    public void Dispose()
    {
        _circuit.Dispose();
        _root.Dispose();
    }

    [Fact]
    public void ANewStoreStartsFromEachFeaturesParameterlessConstructor()
    {
        Assert.Equal(0, Counter.Value.Count);
        Assert.Empty(Counter.Value.Log);
        var store = _circuit.ServiceProvider.GetRequiredService<IStore>();
        Assert.Same(Dispatcher, store);
        Assert.Contains(typeof(CounterState), store.FeatureStateTypes);
        Assert.Same(Counter.Value, store.GetState<CounterState>());
    }

    [Fact]
    public void EachCircuitHasItsOwnStore()
    {
        using var other = _root.CreateScope();
        Dispatcher.Dispatch(new Increment());

        Assert.Equal(1, Counter.Value.Count);
        Assert.Equal(0, other.ServiceProvider.GetRequiredService<IState<CounterState>>().Value.Count);
    }

    [Fact]
    public void ReducersOfEveryFeatureRunAndTheStateChanges()
    {
        var changes = 0;
        Counter.StateChanged += (_, _) => changes++;

        Dispatcher.Dispatch(new Increment());
        Dispatcher.Dispatch(new Increment());

        Assert.Equal(2, Counter.Value.Count);
        Assert.Equal(2, changes);
        Assert.Equal(2, Tally.Value.Actions);
    }

    [Fact]
    public void NoStateChangedWhenTheReducerReturnsTheSameInstance()
    {
        var before = Counter.Value;
        var changes = 0;
        Counter.StateChanged += (_, _) => changes++;

        Dispatcher.Dispatch(new Touch());

        Assert.Same(before, Counter.Value);
        Assert.Equal(0, changes);
        Assert.Equal(1, Tally.Value.Actions);
    }

    [Fact]
    public async Task EffectsReceiveTheActionAfterTheReducersAndTheirFollowUpsAreAppliedInOrder()
    {
        Dispatcher.Dispatch(new FetchEntries("a", "b", "c"));

        var state = await Counter.WaitForAsync(s => s.Log.Count == 4);

        Assert.Equal(["fetching", "a", "b", "c"], state.Log);
        var (action, seen) = Assert.Single(_circuit.ServiceProvider.GetRequiredService<EffectRecorder>().Received);
        Assert.IsType<FetchEntries>(action);
        Assert.Equal(["fetching"], seen.Log);
    }

    [Fact]
    public void AnActionDispatchedFromAStateChangedHandlerIsQueuedNotReentrant()
    {
        IReadOnlyList<string>? seenRightAfterInnerDispatch = null;
        Counter.StateChanged += (_, _) =>
        {
            if (Counter.Value.Log is not ["first"]) return;
            Dispatcher.Dispatch(new Append("second"));
            seenRightAfterInnerDispatch = Counter.Value.Log;
        };

        Dispatcher.Dispatch(new Append("first"));

        Assert.Equal(["first"], seenRightAfterInnerDispatch);
        Assert.Equal(["first", "second"], Counter.Value.Log);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnEffectThatThrowsIsReportedAndDoesNotStopLaterDispatches(bool synchronously)
    {
        Dispatcher.Dispatch(new Explode(synchronously));
        var failed = await Counter.WaitForAsync(s => s.Log.Count == 1);

        Assert.StartsWith("failed: Explode: boom", failed.Log[0]);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException);

        Dispatcher.Dispatch(new Increment());
        Dispatcher.Dispatch(new FetchEntries("after"));
        var after = await Counter.WaitForAsync(s => s.Log.Contains("after"));
        Assert.Equal(1, after.Count);
    }

    [Fact]
    public void AReducerThatThrowsDropsItsActionAndTheStoreCarriesOn()
    {
        Dispatcher.Dispatch(new Increment());
        var before = Counter.Value;

        Dispatcher.Dispatch(new Crash());

        Assert.Same(before, Counter.Value);
        Assert.Equal(1, Tally.Value.Actions);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "reducer bug");
        Dispatcher.Dispatch(new Increment());
        Assert.Equal(2, Counter.Value.Count);
    }

    [Fact]
    public async Task ConcurrentDispatchFromEightThreadsLosesNoUpdate()
    {
        const int threads = 8, perThread = 1_000;
        var changes = 0;
        Counter.StateChanged += (_, _) => Interlocked.Increment(ref changes);
        using var start = new Barrier(threads);
        var dispatcher = Dispatcher;

        await Task.WhenAll(Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < perThread; i++) dispatcher.Dispatch(new Increment());
        }, TaskCreationOptions.LongRunning)));

        // Every Dispatch has returned, so the queue is drained: whichever call found it busy left it to the drainer.
        Assert.Equal(threads * perThread, Counter.Value.Count);
        Assert.Equal(threads * perThread, changes);
    }
}
