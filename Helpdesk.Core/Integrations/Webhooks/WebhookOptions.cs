using System.Globalization;

namespace Helpdesk.Core.Integrations.Webhooks;

/// <summary>appsettings.json "Webhooks".</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>How long one delivery attempt may take before it counts as failed.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Attempts per delivery, the first included; then it is marked failed (an admin can retry it).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Waits between attempts, in seconds, comma-separated; the last one repeats if there are more attempts.</summary>
    public string RetryDelaysSeconds { get; set; } = "10, 30, 120, 600, 1800, 3600, 7200";

    /// <summary>How often the worker looks at the event log even when nothing woke it (changes made by another process).</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>
    /// Deliver to loopback and private-network addresses too. Off by default so a webhook cannot be
    /// aimed at internal services; turn on for an intranet receiver (and in tests).
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Succeeded and failed deliveries older than this are deleted.</summary>
    public int KeepDays { get; set; } = 30;

    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(0.1, TimeoutSeconds));
    public TimeSpan Poll => TimeSpan.FromSeconds(Math.Max(0.05, PollSeconds));

    /// <summary>The wait after <paramref name="attempts"/> failed attempts, or null when it is time to give up.</summary>
    public TimeSpan? RetryDelay(int attempts)
    {
        if (attempts >= Math.Max(1, MaxAttempts)) return null;
        var delays = Delays;
        if (delays.Count == 0) return TimeSpan.Zero;
        return delays[Math.Clamp(attempts - 1, 0, delays.Count - 1)];
    }

    public IReadOnlyList<TimeSpan> Delays =>
        [.. RetryDelaysSeconds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture))
            .Select(s => TimeSpan.FromSeconds(Math.Max(0, s)))];
}
