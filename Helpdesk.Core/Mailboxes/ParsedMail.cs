namespace Helpdesk.Core.Mailboxes;

/// <summary>An incoming message reduced to what the desk needs, or the reason it cannot be taken in.</summary>
public sealed record ParsedMail
{
    public string MessageId { get; init; } = "";
    public IReadOnlyList<string> InReplyTo { get; init; } = [];
    public string FromAddress { get; init; } = "";
    public string FromName { get; init; } = "";
    public string Subject { get; init; } = "";
    /// <summary>The whole text (plain part, or the HTML part as text).</summary>
    public string Text { get; init; } = "";
    /// <summary>The HTML part after sanitizing; null for plain-text mail.</summary>
    public string? SafeHtml { get; init; }
    public IReadOnlyList<MailFile> Attachments { get; init; } = [];
    /// <summary>Set when the message must not create tickets or replies (auto-reply, bounce, our own).</summary>
    public string? IgnoreReason { get; init; }
    /// <summary>Set when the message cannot be taken in at all.</summary>
    public string? QuarantineReason { get; init; }
}

/// <summary>An attachment; <see cref="Content"/> is null when it was too large to keep.</summary>
public sealed record MailFile(string FileName, string ContentType, long Size, byte[]? Content);
