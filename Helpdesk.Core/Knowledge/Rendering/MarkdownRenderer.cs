using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Ganss.Xss;
using Markdig;

namespace Helpdesk.Core.Knowledge.Rendering;

/// <summary>
/// Article bodies are Markdown (and pasted HTML) from people we must not trust with the page: Markdig
/// renders, then HtmlSanitizer keeps a short list of text elements and plain links. No script, event
/// handler, style, class, id, form, frame or non-http(s)/mailto URL survives.
/// </summary>
public sealed partial class MarkdownRenderer
{
    // Only extensions that produce plain elements: generic attributes ({onclick=...}) and the like stay off.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>The body as safe HTML for an article page or preview.</summary>
    public SanitizedHtml ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return SanitizedHtml.Empty;
        var html = Markdown.ToHtml(markdown, Pipeline);
        return new SanitizedHtml(Sanitizer.Sanitize(html));
    }

    /// <summary>The body as plain text (no markup, one line per block): what search indexes and snippets show.</summary>
    public string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        // Through the sanitizer too, so text hidden in a script or style element is not indexed.
        var html = Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
        var text = Tags().Replace(BlockEnds().Replace(html, "\n"), "");
        text = System.Net.WebUtility.HtmlDecode(text);
        return Highlighted.StripMarkers(BlankLines().Replace(text, "\n").Trim());
    }

    private static readonly HashSet<string> DropWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet",
        "svg", "math", "textarea", "select", "option", "title", "head", "xmp", "noembed", "noframes", "plaintext",
    };

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "del", "ins", "mark",
                "sub", "sup", "small", "blockquote", "pre", "code", "kbd", "samp", "ul", "ol", "li", "dl", "dt", "dd",
                "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a", "img", "span", "div", "abbr",
            },
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
            // Links leave the desk in a new tab and never hand it a window.opener or a referrer.
            if (e.Node is IElement { LocalName: "a" } a && a.HasAttribute("href"))
            {
                a.SetAttribute("target", "_blank");
                a.SetAttribute("rel", "noopener noreferrer nofollow");
            }
        };
        return sanitizer;
    }

    [GeneratedRegex(@"</(p|h[1-6]|li|tr|blockquote|pre|div|dt|dd|table)>|<br\s*/?>|<hr\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEnds();
    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
    [GeneratedRegex(@"\n\s*\n(\s*\n)*")]
    private static partial Regex BlankLines();
}
