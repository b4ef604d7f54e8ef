using Helpdesk.Core.Wall;
using Microsoft.Extensions.Options;

namespace Helpdesk.Web.Features.Wall;

/// <summary>
/// Where "today" starts for the walls: midnight in "Wall:TimeZone" (an IANA or Windows id), or in
/// the server's own zone when that is not set.
/// </summary>
public sealed class WallClock(TimeProvider time, IOptionsMonitor<WallOptions> options)
{
    public TimeZoneInfo Zone =>
        options.CurrentValue.TimeZone is { Length: > 0 } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : time.LocalTimeZone;

    /// <summary>Midnight of the current day in UTC, and the zone it was counted in.</summary>
    public (DateTime DayStartUtc, TimeZoneInfo Zone) Today()
    {
        var zone = Zone;
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
        var midnight = new DateTimeOffset(local.Date, zone.GetUtcOffset(local.Date));
        return (midnight.UtcDateTime, zone);
    }

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}
