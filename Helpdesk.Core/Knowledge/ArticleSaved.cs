namespace Helpdesk.Core.Knowledge;

/// <summary>An article as a command left it: where to go next and which version to edit from.</summary>
public sealed record ArticleSaved(int Id, int Version, ArticleState State, ArticleVisibility Visibility, string Title)
{
    internal static ArticleSaved From(Article a) => new(a.Id, a.Version, a.State, a.Visibility, a.Title);
}
