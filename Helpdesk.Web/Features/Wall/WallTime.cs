using System.Globalization;

namespace Helpdesk.Web.Features.Wall;

/// <summary>
/// Durations as the wall writes them; wall.js writes the same every second (keep the two in step):
/// "4:07" under an hour, "3:12:09" under a day, "2d 3h" beyond.
/// </summary>
public static class WallTime
{
    public static string Format(TimeSpan span)
    {
        var s = (long)Math.Floor(Math.Abs(span.TotalSeconds));
        long d = s / 86400, h = s % 86400 / 3600, m = s % 3600 / 60, sec = s % 60;
        var c = CultureInfo.InvariantCulture;
        if (d > 0) return string.Create(c, $"{d}d {h}h");
        if (h > 0) return string.Create(c, $"{h}:{m:00}:{sec:00}");
        return string.Create(c, $"{m}:{sec:00}");
    }

    /// <summary>The ISO form wall.js parses.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
