using MimeKit;

namespace Helpdesk.Core.Mailboxes;

/// <summary>
/// Mail that must never open a ticket or draw a reply, or two robots answer each other forever:
/// auto-replies (RFC 3834 Auto-Submitted, Precedence, the vendors' own headers, out-of-office
/// subjects), bounces and delivery reports, and mail from our own addresses.
/// </summary>
public static class AutoReplies
{
    private static readonly string[] OutOfOfficeSubjects =
        ["out of office", "out of the office", "automatic reply", "auto reply", "autoreply", "auto-reply", "abwesenheitsnotiz", "automatische antwort", "réponse automatique", "absence"];

    /// <summary>Why the message is to be ignored, or null if it is a person writing.</summary>
    public static string? Reason(MimeMessage message, IReadOnlyCollection<string> ownAddresses)
    {
        var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? "";
        if (ownAddresses.Any(a => string.Equals(a, from, StringComparison.OrdinalIgnoreCase)))
            return "Sent from our own address.";
        var autoSubmitted = message.Headers[HeaderId.AutoSubmitted];
        if (!string.IsNullOrWhiteSpace(autoSubmitted) && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
            return $"Auto-Submitted: {Mail.MailHeaders.OneLine(autoSubmitted)}.";
        var precedence = message.Headers[HeaderId.Precedence]?.Trim().ToLowerInvariant();
        if (precedence is "bulk" or "junk" or "list" or "auto_reply")
            return $"Precedence: {precedence}.";
        foreach (var header in new[] { "X-Autoreply", "X-Autorespond", "X-Auto-Reply" })
            if (message.Headers.Contains(header)) return $"{header} header.";
        if (message.Body is MultipartReport || message.Body?.ContentType.IsMimeType("multipart", "report") == true)
            return "Delivery or read report.";
        var local = from.Split('@')[0].ToLowerInvariant();
        if (local is "mailer-daemon" or "postmaster" || local.StartsWith("noreply", StringComparison.Ordinal) || local.StartsWith("no-reply", StringComparison.Ordinal))
            return $"Sent by {local}.";
        var subject = (message.Subject ?? "").Trim().ToLowerInvariant();
        if (OutOfOfficeSubjects.Any(s => subject.StartsWith(s, StringComparison.Ordinal) || subject.Contains(": " + s, StringComparison.Ordinal)))
            return "Out-of-office subject.";
        return null;
    }
}
