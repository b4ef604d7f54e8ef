namespace Helpdesk.Core.Mailboxes;

public enum InboundOutcome
{
    /// <summary>Became a ticket or a reply (<see cref="InboundMail.TicketId"/>).</summary>
    Processed = 0,
    /// <summary>An auto-reply, a bounce or our own mail: deliberately left alone.</summary>
    Ignored = 1,
    /// <summary>Could not be taken in; kept with its reason for an admin to retry or dismiss.</summary>
    Quarantined = 2,
    /// <summary>Quarantined, then dismissed by an admin.</summary>
    Dismissed = 3,
}

/// <summary>
/// Every message a mailbox handed us, keyed by its Message-ID: written in the same transaction as
/// the ticket or reply it became, so a message seen again after a crash is recognised, never doubled.
/// </summary>
public sealed class InboundMail
{
    public const int MessageIdMax = 500;

    public long Id { get; set; }
    public string Mailbox { get; set; } = "";
    /// <summary>Without angle brackets; a hash of the raw message when the sender gave none.</summary>
    public string MessageId { get; set; } = "";
    public string FromAddress { get; set; } = "";
    public string Subject { get; set; } = "";
    public DateTime ReceivedAt { get; set; }
    public InboundOutcome Outcome { get; set; }
    /// <summary>Why it was ignored or quarantined, in words an admin understands.</summary>
    public string? Reason { get; set; }
    public int? TicketId { get; set; }
    public long? CommentId { get; set; }
    /// <summary>The message's HTML after sanitizing (no scripts, handlers or remote images), for "show original".</summary>
    public string? SafeHtml { get; set; }
    /// <summary>The raw message, kept only while quarantined (so a retry needs no mailbox).</summary>
    public byte[]? Raw { get; set; }
}
