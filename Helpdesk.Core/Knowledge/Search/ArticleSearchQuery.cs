namespace Helpdesk.Core.Knowledge.Search;

public enum SearchMatch
{
    /// <summary>Every word must occur (the search box).</summary>
    AllWords,
    /// <summary>Any word may occur; more and rarer matches rank higher (suggestions from a subject line).</summary>
    AnyWord,
}

/// <summary>What to look for. The last word is matched as a prefix, so results follow someone typing.</summary>
public sealed record ArticleSearchQuery(string Text)
{
    public SearchMatch Match { get; init; } = SearchMatch.AllWords;
    /// <summary>Narrowed further to what the caller may read (<see cref="ArticleAccess.StatesFor"/>).</summary>
    public IReadOnlyCollection<ArticleState> States { get; init; } = [ArticleState.Published];
    /// <summary>Only articles in this category.</summary>
    public int? CategoryId { get; init; }
    /// <summary>Articles in these categories rank higher (a ticket's category and its parent).</summary>
    public IReadOnlyCollection<int> PreferCategoryIds { get; init; } = [];
    public int Limit { get; init; } = 20;
}
