using Helpdesk.Core.Wall;
using Helpdesk.Web.State;
using Helpdesk.Web.Realtime;

namespace Helpdesk.Web.Features.Wall;

/// <summary>The wall's I/O: checking the key and loading a snapshot, reloading when a list runs dry, timing the highlight.</summary>
public sealed class WallEffects(WallDisplays displays, WallQueries queries, WallClock clock, AgentPresence presence, IState<WallState> wall, ILogger<WallEffects> log)
{
    public static readonly TimeSpan HighlightFor = TimeSpan.FromSeconds(8);

    [EffectMethod]
    public async Task HandleLoadWall(LoadWall action, IDispatcher dispatcher)
    {
        var request = wall.Value.LoadRequest;
        // The key is checked on every load, so a display an admin removed stops at its next reload.
        var display = await displays.FindAsync(action.Key);
        var (dayStart, zone) = clock.Today();
        var snapshot = display is null ? null : await queries.SnapshotAsync(display, dayStart, zone);
        log.LogDebug("Wall {Display} loaded as of event {Sequence}", display?.Name ?? "(refused)", snapshot?.AsOfSequence);
        dispatcher.Dispatch(new WallLoaded(request, display, snapshot, dayStart, zone));
        if (display is not null) dispatcher.Dispatch(new WallPresenceChanged(presence.IsOnline));
    }

    [EffectMethod]
    public async Task HandleWallTicketChanged(WallTicketChanged action, IDispatcher dispatcher)
    {
        var state = wall.Value;
        if (state.NeedsReload && !state.Loading) dispatcher.Dispatch(new LoadWall(state.Key));
        if (state.Highlight?.Sequence != action.Event.Sequence) return;
        await Task.Delay(HighlightFor);
        dispatcher.Dispatch(new WallHighlightEnded(action.Event.Sequence));
    }
}
