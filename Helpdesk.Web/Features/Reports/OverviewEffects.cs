using Helpdesk.Core.Events;
using Helpdesk.Core.Reports;
using Helpdesk.Web.State;

namespace Helpdesk.Web.Features.Reports;

/// <summary>
/// Loads the overview, and reloads it after events that move its figures: every figure is an
/// indexed GROUP BY (see <see cref="OverviewQueries"/>), so recomputing beats keeping a copy of
/// the desk in memory. A burst of events within <see cref="Debounce"/> costs one reload.
/// </summary>
public sealed class OverviewEffects(OverviewQueries queries, IState<OverviewState> state, TimeProvider time)
{
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(400);
    private int _scheduled;

    public static bool Moves(TicketEvent e) => e.Kind is TicketEventKind.Created or TicketEventKind.StatusChanged or TicketEventKind.Assigned
        or TicketEventKind.Escalated or TicketEventKind.Reprioritised or TicketEventKind.Replied or TicketEventKind.SlaBreached;

    [EffectMethod]
    public async Task HandleLoadOverview(LoadOverview action, IDispatcher dispatcher)
    {
        var request = state.Value.LoadRequest;
        var figures = await queries.LoadAsync(action.Caller);
        dispatcher.Dispatch(new OverviewLoaded(request, figures, time.GetUtcNow().UtcDateTime));
    }

    [EffectMethod]
    public async Task HandleOverviewTicketChanged(OverviewTicketChanged action, IDispatcher dispatcher)
    {
        if (state.Value.Refused || Interlocked.Exchange(ref _scheduled, 1) == 1) return;
        await Task.Delay(Debounce);
        Volatile.Write(ref _scheduled, 0);
        dispatcher.Dispatch(new LoadOverview(action.Caller));
    }
}
