using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Web.State;

namespace Helpdesk.Web.Features.Dashboard;

/// <summary>The queue's I/O: loading snapshots from Core and timing the row highlight.</summary>
public sealed class QueueEffects(TicketQueries queries, IState<QueueState> queue, ILogger<QueueEffects> log)
{
    public static readonly TimeSpan FlashFor = TimeSpan.FromSeconds(2);

    [EffectMethod]
    public Task HandleInitQueue(InitQueue action, IDispatcher dispatcher) => LoadAsync(dispatcher);

    [EffectMethod]
    public Task HandleChangeQuery(ChangeQuery action, IDispatcher dispatcher) => LoadAsync(dispatcher);

    [EffectMethod]
    public async Task HandleTicketChanged(TicketChanged action, IDispatcher dispatcher)
    {
        // A row carries no custom values: with a field condition the view asks the database again (rows already shown stay meanwhile).
        if (queue.Value.Query.Fields is { Count: > 0 } && !queue.Value.Loading)
        {
            dispatcher.Dispatch(new ChangeQuery(queue.Value.Query));
            return;
        }
        if (!queue.Value.Flashing.Contains(action.Event.Row.Id)) return;
        await Task.Delay(FlashFor);
        dispatcher.Dispatch(new FlashEnded(action.Event.Row.Id));
    }

    private async Task LoadAsync(IDispatcher dispatcher)
    {
        var state = queue.Value;
        if (state.Caller is null) return;
        var snapshot = await queries.SnapshotAsync(state.Caller, state.Query);
        log.LogDebug("Queue {View} loaded: {Count} of {Total} as of event {Sequence}", state.Query.View, snapshot.Page.Items.Count, snapshot.Page.Total, snapshot.AsOfSequence);
        dispatcher.Dispatch(new QueueLoaded(state.LoadRequest, snapshot));
    }
}
