using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Helpdesk.Core.Knowledge.Rendering;

/// <summary>
/// The one HTML allow-list for untrusted markup (article bodies, e-mail): a short list of text
/// elements and plain links. No script, event handler, style, class, id, form, frame or
/// non-http(s)/mailto URL survives; links open in a new tab without opener or referrer.
/// </summary>
internal static partial class HtmlPolicy
{
    private static readonly HashSet<string> DropWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
        "svg", "math", "textarea", "select", "option", "title", "head", "xmp", "noembed", "noframes", "plaintext",
    };

    /// <param name="allowImages">
    /// False for e-mail: a remote image there is a tracking pixel (it tells the sender when and where
    /// the mail was read), and inline ones cannot be shown from a page anyway.
    /// </param>
    public static HtmlSanitizer Create(bool allowImages)
    {
        var tags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "del", "ins", "mark",
            "sub", "sup", "small", "blockquote", "pre", "code", "kbd", "samp", "ul", "ol", "li", "dl", "dt", "dd",
            "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a", "span", "div", "abbr",
        };
        if (allowImages) tags.Add("img");
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = tags,
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt", "title", "colspan", "rowspan", "start" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(),
        });
        // An unknown tag (<font>, <center>) keeps its text; a tag whose content is code or chrome loses it.
        sanitizer.KeepChildNodes = true;
        sanitizer.RemovingTag += (_, e) =>
        {
            if (DropWithContent.Contains(e.Tag.LocalName)) e.Tag.TextContent = "";
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement { LocalName: "a" } a && a.HasAttribute("href"))
            {
                a.SetAttribute("target", "_blank");
                a.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }

    /// <summary>Sanitized HTML as plain text, one line per block.</summary>
    public static string ToText(string sanitizedHtml)
    {
        var text = Tags().Replace(BlockEnds().Replace(sanitizedHtml, "\n"), "");
        text = System.Net.WebUtility.HtmlDecode(text);
        return BlankLines().Replace(text, "\n").Trim();
    }

    [GeneratedRegex(@"</(p|h[1-6]|li|tr|blockquote|pre|div|dt|dd|table)>|<br\s*/?>|<hr\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnds();
    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
    [GeneratedRegex(@"\n\s*\n(\s*\n)*")]
    private static partial Regex BlankLines();
}
