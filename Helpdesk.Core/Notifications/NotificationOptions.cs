namespace Helpdesk.Core.Notifications;

/// <summary>appsettings.json "App": what links in mail point to.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>The address people open the app at (links in e-mail): "https://helpdesk.example.com".</summary>
    public string PublicUrl { get; set; } = "http://localhost:5080";

    public string TicketUrl(int number) => $"{PublicUrl.TrimEnd('/')}/tickets/{number}";
}

/// <summary>appsettings.json "Notifications".</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>How often the notification worker reads the event log when nothing woke it (changes made by another process).</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>Notifications older than this are deleted (read or not).</summary>
    public int KeepDays { get; set; } = 90;

    public TimeSpan Poll => TimeSpan.FromSeconds(Math.Max(0.05, PollSeconds));
}
