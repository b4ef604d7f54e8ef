using Bunit;
using Helpdesk.Web.State;
using Microsoft.Extensions.DependencyInjection;

namespace Helpdesk.Tests.Web.State;

public sealed class StoreComponentTests : IAsyncDisposable
{
    private readonly BunitContext _context = new();

    public StoreComponentTests() => _context.Services.AddHelpdeskStore(typeof(CounterState).Assembly).AddSingleton<EffectRecorder>();

    private IDispatcher Dispatcher => _context.Services.GetRequiredService<IDispatcher>();

    public ValueTask DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task RerendersWhenItsStateChangesEvenFromAnotherThread()
    {
        var cut = _context.Render<CounterView>();
        var renders = cut.RenderCount;

        // Live events arrive off the circuit's synchronization context.
        await Task.Run(() => Dispatcher.Dispatch(new Increment()));

        cut.WaitForAssertion(() => Assert.Equal("Count: 1", cut.Find("p").TextContent));
        Assert.Equal(renders + 1, cut.RenderCount);
    }

    [Fact]
    public void HearsStateInjectedIntoItsBaseClass()
    {
        var cut = _context.Render<DerivedCounterView>();

        Dispatcher.Dispatch(new Increment());

        cut.WaitForAssertion(() => Assert.Equal("Count: 1", cut.Find("p").TextContent));
    }

    [Fact]
    public async Task StopsListeningAfterDisposal()
    {
        var state = new FakeState<CounterState>(new CounterState(0, []));
        _context.Services.AddSingleton<IState<CounterState>>(state);
        var view = _context.Render<CounterView>().Instance;
        Assert.Equal(1, state.Subscribers);

        await _context.DisposeComponentsAsync();
        view.Dispose(); // a second time is harmless

        Assert.Equal(0, state.Subscribers);
    }
}
