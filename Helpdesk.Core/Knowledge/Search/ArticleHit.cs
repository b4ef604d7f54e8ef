using Helpdesk.Core.Knowledge.Rendering;

namespace Helpdesk.Core.Knowledge.Search;

/// <summary>One match: the title and a snippet of the body with matched words in &lt;mark&gt;.</summary>
/// <param name="Rank">Lower is better (bm25's sign), only comparable within one search.</param>
public sealed record ArticleHit(int Id, SanitizedHtml Title, SanitizedHtml Snippet, double Rank);
