using MailKit.Security;

namespace Helpdesk.Core.Mailboxes;

/// <summary>What a reply to a closed ticket does.</summary>
public enum ClosedTicketReply
{
    /// <summary>The ticket reopens and the reply joins its conversation.</summary>
    Reopen = 0,
    /// <summary>A new ticket is opened, linked as a follow-up of the closed one.</summary>
    FollowUp = 1,
}

/// <summary>The e-mail channel (appsettings.json section "MailChannel").</summary>
public sealed class MailChannelOptions
{
    public const string Section = "MailChannel";

    public List<MailboxOptions> Mailboxes { get; set; } = [];

    public ClosedTicketReply ClosedTicketReply { get; set; } = ClosedTicketReply.Reopen;

    /// <summary>Larger messages are quarantined unread (only their headers are kept).</summary>
    public int MaxMessageBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>More attachments than this in one message: quarantined.</summary>
    public int MaxAttachments { get; set; } = 50;

    /// <summary>Attachments kept with a ticket; bigger ones are listed by name but not stored.</summary>
    public int MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>One support mailbox polled over IMAP.</summary>
public sealed class MailboxOptions
{
    /// <summary>Shown to admins and in logs; also tells the mailboxes apart in the database.</summary>
    public string Name { get; set; } = "";
    /// <summary>The support address people write to; mail from it (our own) is ignored.</summary>
    public string Address { get; set; } = "";
    public string Host { get; set; } = "";
    public int Port { get; set; } = 993;
    /// <summary>None, SslOnConnect, StartTls, StartTlsWhenAvailable or Auto (MailKit's names).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.Auto;
    public string User { get; set; } = "";
    public string Password { get; set; } = "";
    public string Folder { get; set; } = "INBOX";
    /// <summary>Category of new tickets from this mailbox (its name); routing (rules may match the e-mail channel) then picks the team. Empty: the first active category.</summary>
    public string? Category { get; set; }
    public int PollSeconds { get; set; } = 30;
    public bool Enabled { get; set; } = true;
}
