using System.Net;
using System.Text;

namespace Helpdesk.Core.Knowledge.Rendering;

/// <summary>
/// Search engines mark matches inside plain text. The text is untrusted, so it is HTML-encoded piece
/// by piece and only the markers become &lt;mark&gt; elements. The markers are private-use characters
/// that the writer strips from what is indexed, so they can only come from the search engine.
/// </summary>
public static class Highlighted
{
    public const char Open = '\uE000';
    public const char Close = '\uE001';

    public static SanitizedHtml ToHtml(string? marked)
    {
        if (string.IsNullOrEmpty(marked)) return SanitizedHtml.Empty;
        var html = new StringBuilder(marked.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= marked.Length; i++)
        {
            if (i < marked.Length && marked[i] != Open && marked[i] != Close) continue;
            html.Append(WebUtility.HtmlEncode(marked[start..i]));
            if (i < marked.Length)
            {
                if (marked[i] == Open && !open) { html.Append("<mark>"); open = true; }
                else if (marked[i] == Close && open) { html.Append("</mark>"); open = false; }
            }
            start = i + 1;
        }
        if (open) html.Append("</mark>");
        return new SanitizedHtml(html.ToString());
    }

    /// <summary>Plain text, encoded: for excerpts and titles shown where no match is marked.</summary>
    public static SanitizedHtml Text(string? text) => string.IsNullOrEmpty(text) ? SanitizedHtml.Empty : new(WebUtility.HtmlEncode(text));

    /// <summary>Removes the marker characters from text that is about to be indexed.</summary>
    public static string StripMarkers(string text) =>
        text.Contains(Open) || text.Contains(Close) ? text.Replace(Open.ToString(), "").Replace(Close.ToString(), "") : text;
}
