using Helpdesk.Core.Wall;
using Microsoft.AspNetCore.Components;

namespace Helpdesk.Web.Features.Wall;

/// <summary>
/// The wall display at /wall?key=… or /wall/{key}: no sign-in, read-only. It watches the live feed
/// as its display (only the display's teams reach it, filtered on the server) and reloads its
/// figures at midnight, every <see cref="ResyncEvery"/> as a safety net, and when a list runs dry.
/// </summary>
public partial class WallPage
{
    public static readonly TimeSpan ResyncEvery = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);

    [Parameter] public string? Key { get; set; }
    [SupplyParameterFromQuery(Name = "key")] public string? QueryKey { get; set; }
    [CascadingParameter] public HttpContext? HttpContext { get; set; }

    private WallState W => Wall.Value;
    private DateTime Now => Clock.UtcNow;
    private WallAccess? _display;
    private bool _refused;
    private IDisposable? _events, _presence;
    private Timer? _timer;
    private DateTime _loadedAt;

    protected override async Task OnInitializedAsync()
    {
        var key = Key ?? QueryKey;
        _display = await Displays.FindAsync(key);
        if (_display is null)
        {
            _refused = true;
            if (HttpContext is { Response.HasStarted: false }) HttpContext.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        var display = _display;
        // Listen first, then load: what arrives during the load is buffered and replayed onto it.
        _events = Live.Watch(display.AsCaller(),
            e => { Dispatcher.Dispatch(new WallTicketChanged(e)); return Task.CompletedTask; },
            e => display.Covers(e.Row) || (e.Previous is { } before && display.Covers(before)));
        _presence = Presence.Watch(_ => { Dispatcher.Dispatch(new WallPresenceChanged(Presence.IsOnline)); return Task.CompletedTask; });
        Dispatcher.Dispatch(new LoadWall(key));
        _loadedAt = Now;
        _timer = new Timer(_ => Check(), null, CheckEvery, CheckEvery);
    }

    private void Check()
    {
        if (W.Loading) return;
        if (Clock.Today().DayStartUtc == W.DayStartUtc && Now - _loadedAt < ResyncEvery) return;
        _loadedAt = Now;
        Dispatcher.Dispatch(new LoadWall(W.Key));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _timer?.Dispose();
            _events?.Dispose();
            _presence?.Dispose();
        }
        base.Dispose(disposing);
    }
}
