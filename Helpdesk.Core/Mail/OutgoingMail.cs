namespace Helpdesk.Core.Mail;

public enum MailStatus
{
    /// <summary>Waiting for its first or next attempt (<see cref="OutgoingMail.NextAttemptAt"/>).</summary>
    Pending = 0,
    Sent = 1,
    /// <summary>Every attempt failed.</summary>
    Failed = 2,
}

/// <summary>
/// One message in the outbox: everything needed to send it again exactly, frozen when it was
/// queued. The only way mail leaves the app (notifications now, agents' replies later).
/// </summary>
public sealed class OutgoingMail
{
    public const int AddressListMax = 2000;
    public const int BodyMax = 200_000;
    public const int ErrorMax = 1000;

    public long Id { get; private set; }
    /// <summary>"&lt;guid@domain&gt;", generated here: replies to it come back with it in In-Reply-To.</summary>
    public string MessageId { get; private set; } = "";
    /// <summary>RFC 5322 address lists as MimeKit writes them.</summary>
    public string To { get; private set; } = "";
    public string? Cc { get; private set; }
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    /// <summary>Sanitized HTML (it came in as <see cref="Knowledge.Rendering.SanitizedHtml"/>).</summary>
    public string HtmlBody { get; private set; } = "";
    public string? InReplyTo { get; private set; }
    /// <summary>Message-IDs separated by spaces.</summary>
    public string? References { get; private set; }
    public int? TicketId { get; private set; }
    /// <summary>What queued it (e.g. "n:1234:7:Assigned"); unique, so the same thing is never queued twice.</summary>
    public string? DedupeKey { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public MailStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public DateTime? LastAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTime? SentAt { get; private set; }

    private OutgoingMail() { }

    internal OutgoingMail(string messageId, string to, string? cc, string subject, string text, string html,
        string? inReplyTo, string? references, int? ticketId, string? dedupeKey, DateTime now)
    {
        MessageId = messageId;
        To = to;
        Cc = cc;
        Subject = subject;
        TextBody = text;
        HtmlBody = html;
        InReplyTo = inReplyTo;
        References = references;
        TicketId = ticketId;
        DedupeKey = dedupeKey;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    /// <summary>Taken for sending: nobody else takes it before <paramref name="until"/>.</summary>
    internal void Claim(DateTime until) => NextAttemptAt = until;

    internal void Sent(DateTime at)
    {
        Attempts++;
        LastAttemptAt = at;
        SentAt = at;
        LastError = null;
        Status = MailStatus.Sent;
    }

    /// <summary>One failed attempt: tried again after <paramref name="retryAfter"/>, or given up when it is null.</summary>
    internal void Failed(DateTime at, string error, TimeSpan? retryAfter)
    {
        Attempts++;
        LastAttemptAt = at;
        LastError = error.Length > ErrorMax ? error[..(ErrorMax - 1)] + "…" : error;
        if (retryAfter is { } wait) NextAttemptAt = at + wait;
        else Status = MailStatus.Failed;
    }
}
