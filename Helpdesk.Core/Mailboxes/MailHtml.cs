using Helpdesk.Core.Knowledge.Rendering;

namespace Helpdesk.Core.Mailboxes;

/// <summary>E-mail HTML is untrusted: sanitized on the way in, remote (tracking) images dropped.</summary>
public static class MailHtml
{
    private static readonly Ganss.Xss.HtmlSanitizer Sanitizer = HtmlPolicy.Create(allowImages: false);

    public static string Sanitize(string html) => Sanitizer.Sanitize(html);

    /// <summary>The mail's HTML as plain text, for mail without a text part.</summary>
    public static string ToText(string html) => HtmlPolicy.ToText(Sanitizer.Sanitize(html));

    /// <summary>Stored sanitized HTML as something a page may render.</summary>
    public static SanitizedHtml Stored(string? safeHtml) =>
        string.IsNullOrEmpty(safeHtml) ? SanitizedHtml.Empty : new SanitizedHtml(Sanitizer.Sanitize(safeHtml));
}
