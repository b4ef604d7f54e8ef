using System.Security.Cryptography;
using System.Text;
using Helpdesk.Core.Mail;
using MimeKit;

namespace Helpdesk.Core.Mailboxes;

/// <summary>
/// Reads a raw message with MimeKit. Never throws for bad input: a message it cannot use comes back
/// with a <see cref="ParsedMail.QuarantineReason"/>, one that must be left alone with an
/// <see cref="ParsedMail.IgnoreReason"/>.
/// </summary>
public static class MailReader
{
    static MailReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static ParsedMail Read(byte[] raw, MailChannelOptions options, IReadOnlyCollection<string> ownAddresses)
    {
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw, writable: false);
            message = MimeMessage.Load(stream);
        }
        catch (Exception ex) when (ex is FormatException or ParseException or InvalidOperationException)
        {
            return new ParsedMail { MessageId = HashId(raw), QuarantineReason = "Malformed MIME: " + ex.Message };
        }

        var from = message.From.Mailboxes.FirstOrDefault() ?? message.Sender;
        var parsed = new ParsedMail
        {
            MessageId = string.IsNullOrWhiteSpace(message.MessageId) ? HashId(raw) : Clip(message.MessageId.Trim('<', '>', ' '), InboundMail.MessageIdMax),
            InReplyTo = [.. new[] { message.InReplyTo }.Concat(message.References.Reverse()).Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!.Trim('<', '>', ' ')).Distinct()],
            FromAddress = from?.Address?.Trim() ?? "",
            FromName = from?.Name?.Trim() ?? "",
            Subject = MailHeaders.OneLine(message.Subject, 500),
        };
        if (from is null || !from.Address.Contains('@'))
            return parsed with { QuarantineReason = "No sender address (From header missing or malformed)." };
        if (message.Headers.Count == 0 || message.Body is null)
            return parsed with { QuarantineReason = "Malformed MIME: no headers or no body." };

        if (AutoReplies.Reason(message, ownAddresses) is { } ignore)
            return parsed with { IgnoreReason = ignore };

        var attachments = message.Attachments.ToList();
        if (attachments.Count > options.MaxAttachments)
            return parsed with { QuarantineReason = $"Too many attachments ({attachments.Count}; at most {options.MaxAttachments})." };

        foreach (var part in message.BodyParts.OfType<TextPart>())
            if (part.ContentType.Charset is { Length: > 0 } charset && !IsKnownCharset(charset))
                return parsed with { QuarantineReason = $"Unknown character set \"{MailHeaders.OneLine(charset)}\"." };

        string text;
        string? html = null;
        try
        {
            html = message.HtmlBody;
            text = message.TextBody ?? (html is null ? "" : MailHtml.ToText(html));
        }
        catch (Exception ex) when (ex is NotSupportedException or ArgumentException or FormatException)
        {
            return parsed with { QuarantineReason = "The body could not be decoded: " + ex.Message };
        }

        return parsed with
        {
            Text = text.Replace("\r\n", "\n").Trim(),
            SafeHtml = html is null ? null : MailHtml.Sanitize(html),
            Attachments = [.. attachments.Select(a => ReadFile(a, options.MaxAttachmentBytes))],
        };
    }

    private static MailFile ReadFile(MimeEntity entity, int maxBytes)
    {
        var name = MailHeaders.OneLine(entity.ContentDisposition?.FileName ?? entity.ContentType.Name, Tickets.TicketAttachment.FileNameMax);
        if (name.Length == 0) name = "attachment";
        var type = entity.ContentType.MimeType;
        using var buffer = new MemoryStream();
        if (entity is MimePart part) part.Content?.DecodeTo(buffer);
        else if (entity is MessagePart inner) inner.Message?.WriteTo(buffer);
        var bytes = buffer.ToArray();
        return new MailFile(name, type, bytes.Length, bytes.Length <= maxBytes ? bytes : null);
    }

    private static bool IsKnownCharset(string charset)
    {
        try { return Encoding.GetEncoding(charset.Trim('"', ' ')) is not null; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>A stable id for a message that has none, so retrying it is still idempotent.</summary>
    private static string HashId(byte[] raw) => "sha256-" + Convert.ToHexStringLower(SHA256.HashData(raw)) + "@helpdesk.invalid";

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
