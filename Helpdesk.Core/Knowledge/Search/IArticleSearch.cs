using Helpdesk.Core.Application;

namespace Helpdesk.Core.Knowledge.Search;

/// <summary>
/// Full-text search over articles (title, body, tags), ranked, with highlighted matches. Provider
/// neutral: SQLite answers with FTS5 (<see cref="SqliteArticleSearch"/>); PostgreSQL can answer with
/// its own text search. Every implementation applies <see cref="ArticleAccess"/> for the caller.
/// </summary>
public interface IArticleSearch
{
    /// <summary>Best match first. Text that holds no searchable word finds nothing (never throws).</summary>
    Task<IReadOnlyList<ArticleHit>> SearchAsync(Caller caller, ArticleSearchQuery query, CancellationToken ct = default);
}
