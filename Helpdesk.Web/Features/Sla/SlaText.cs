using Helpdesk.Core.Sla;
using Microsoft.Extensions.Localization;
using MudBlazor;
using NodaTime;

namespace Helpdesk.Web.Features.Sla;

/// <summary>How SLA states, durations and due times read on screen (one place, so the chip, the panel and the portal agree).</summary>
public static class SlaText
{
    public static Color ColorOf(SlaState state) => state switch
    {
        SlaState.Breached => Color.Error,
        SlaState.AtRisk => Color.Warning,
        SlaState.OnTrack => Color.Success,
        SlaState.Paused => Color.Info,
        _ => Color.Default,
    };

    public static string Name(SlaState state, IStringLocalizer l) => l["sla." + state];

    /// <summary>"45 min", "3 h 20 min", "2 d 4 h" (wall-clock time, as a person reads a countdown).</summary>
    public static string Span(TimeSpan span, IStringLocalizer l)
    {
        var s = span.Duration();
        if (s.TotalMinutes < 60) return l["{0} min", Math.Max(0, (int)s.TotalMinutes)];
        if (s.TotalHours < 48) return l["{0} h {1} min", (int)s.TotalHours, s.Minutes];
        return l["{0} d {1} h", (int)s.TotalDays, s.Hours];
    }

    /// <summary>"20 min left" or "1 h 5 min over".</summary>
    public static string LeftOrOver(DateTime due, DateTime now, IStringLocalizer l) =>
        due >= now ? l["{0} left", Span(due - now, l)] : l["{0} over", Span(now - due, l)];

    /// <summary>A UTC instant on a desk's clocks: "Tue 3 Mar 2026, 10:00 CET".</summary>
    public static string At(DateTime utc, string? zoneId)
    {
        var zone = (zoneId is null ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)) ?? DateTimeZone.Utc;
        var local = Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).InZone(zone);
        var abbreviation = local.GetZoneInterval().Name;
        return $"{local.ToString("ddd d MMM yyyy, HH:mm", System.Globalization.CultureInfo.CurrentCulture)} {abbreviation}";
    }
}
