using Helpdesk.Core.Knowledge.Rendering;

namespace Helpdesk.Core.Mail;

/// <summary>A recipient: the address, and the name shown beside it (line breaks are removed).</summary>
public sealed record MailRecipient(string Address, string? Name = null);

/// <summary>What a caller hands to <see cref="MailOutbox"/>. The HTML must come out of Core's sanitizer.</summary>
/// <param name="InReplyTo">The Message-ID this answers (threading), e.g. the requester's last mail.</param>
/// <param name="References">The thread's Message-IDs, oldest first.</param>
/// <param name="DedupeKey">Makes queueing idempotent: a second draft with the same key is not queued.</param>
public sealed record MailDraft(
    IReadOnlyList<MailRecipient> To,
    string Subject,
    string Text,
    SanitizedHtml Html,
    int? TicketId = null,
    IReadOnlyList<MailRecipient>? Cc = null,
    string? InReplyTo = null,
    IReadOnlyList<string>? References = null,
    string? DedupeKey = null);
