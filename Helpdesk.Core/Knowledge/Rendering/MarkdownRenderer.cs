using Ganss.Xss;
using Markdig;

namespace Helpdesk.Core.Knowledge.Rendering;

/// <summary>
/// Article bodies are Markdown (and pasted HTML) from people we must not trust with the page: Markdig
/// renders, then the shared allow-list (<see cref="HtmlPolicy"/>) keeps text elements and plain links.
/// </summary>
public sealed class MarkdownRenderer
{
    // Only extensions that produce plain elements: generic attributes ({onclick=...}) and the like stay off.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .UseListExtras()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = HtmlPolicy.Create(allowImages: true);

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
        return Highlighted.StripMarkers(HtmlPolicy.ToText(html));
    }
}
