using System.Globalization;

namespace Helpdesk.Core.Mail;

/// <summary>How mail leaves the app (appsettings.json "Mail:Delivery").</summary>
public enum MailDelivery
{
    /// <summary>Nothing is queued or sent; in-app notifications still work.</summary>
    Off,
    /// <summary>Each message is written as an .eml file to <see cref="MailOptions.PickupDirectory"/> (the demo default: no mail server needed).</summary>
    Pickup,
    /// <summary>Sent through the SMTP server in "Mail:Smtp".</summary>
    Smtp,
}

/// <summary>TLS on the SMTP connection ("Mail:Smtp:Security").</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it (port 587 and most others), implicit TLS on port 465.</summary>
    Auto,
    /// <summary>Plain text (a relay on the same machine or network).</summary>
    None,
    /// <summary>Require STARTTLS: refuse to send if the server does not offer it.</summary>
    StartTls,
    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,
}

public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    /// <summary>Empty: no authentication.</summary>
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
}

/// <summary>appsettings.json "Mail": the outbox and how it delivers.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public MailDelivery Delivery { get; set; } = MailDelivery.Pickup;
    /// <summary>Where <see cref="MailDelivery.Pickup"/> writes .eml files; a relative path is taken from the folder of appsettings.json.</summary>
    public string PickupDirectory { get; set; } = "data/mail";
    public string FromAddress { get; set; } = "helpdesk@localhost";
    public string FromName { get; set; } = "Helpdesk";
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>How long one attempt (connect, authenticate, send) may take.</summary>
    public double TimeoutSeconds { get; set; } = 30;
    /// <summary>Attempts per message, the first included; then it is marked failed (kept, never deleted before <see cref="KeepDays"/>).</summary>
    public int MaxAttempts { get; set; } = 10;
    /// <summary>Waits between attempts, in seconds, comma-separated; the last one repeats.</summary>
    public string RetryDelaysSeconds { get; set; } = "30, 60, 300, 900, 1800, 3600";
    /// <summary>How often the mail worker looks for due messages when nothing woke it.</summary>
    public double PollSeconds { get; set; } = 10;
    /// <summary>Sent and failed messages older than this are deleted.</summary>
    public int KeepDays { get; set; } = 30;

    public bool Enabled => Delivery != MailDelivery.Off;
    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(0.1, TimeoutSeconds));
    public TimeSpan Poll => TimeSpan.FromSeconds(Math.Max(0.05, PollSeconds));

    /// <summary>The Message-ID domain: the sender's domain, so ids are unique to this desk.</summary>
    public string MessageIdDomain
    {
        get
        {
            var at = FromAddress.LastIndexOf('@');
            var domain = at >= 0 ? FromAddress[(at + 1)..] : "";
            return MailHeaders.IsDomain(domain) ? domain : "helpdesk.local";
        }
    }

    /// <summary>The wait after <paramref name="attempts"/> failed attempts, or null when it is time to give up.</summary>
    public TimeSpan? RetryDelay(int attempts)
    {
        if (attempts >= Math.Max(1, MaxAttempts)) return null;
        var delays = RetryDelaysSeconds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => TimeSpan.FromSeconds(Math.Max(0, double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)))).ToList();
        if (delays.Count == 0) return TimeSpan.Zero;
        return delays[Math.Clamp(attempts - 1, 0, delays.Count - 1)];
    }
}
