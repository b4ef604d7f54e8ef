namespace Helpdesk.Core.Knowledge;

/// <summary>
/// A solution written once and reused: Markdown body, category, tags, who may read it and whether it
/// is published. Every change is kept as an <see cref="ArticleVersion"/> by <see cref="KnowledgeWriter"/>.
/// </summary>
public sealed class Article
{
    public const int TitleMax = 200;
    public const int BodyMax = 50_000;
    public const int TagsMax = 500;

    private Article() { }

    public int Id { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>Markdown, untrusted: rendered only through <see cref="Rendering.MarkdownRenderer"/>.</summary>
    public string Body { get; private set; } = "";
    /// <summary>The body as plain text, for full-text search and snippets; kept in step by the writer.</summary>
    public string PlainText { get; internal set; } = "";
    public int? CategoryId { get; private set; }
    /// <summary>Normalized by <see cref="ArticleTags"/>: lower case, comma separated.</summary>
    public string Tags { get; private set; } = "";
    public ArticleVisibility Visibility { get; private set; }
    public ArticleState State { get; private set; }
    public int AuthorId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    /// <summary>Bumped on every saved change; also the number of its latest <see cref="ArticleVersion"/>.</summary>
    public int Version { get; private set; }

    public static Article Create(string title, string body, int? categoryId, string tags, ArticleVisibility visibility, int authorId, DateTime now) => new()
    {
        Title = Clean(title), Body = body.Trim(), CategoryId = categoryId, Tags = ArticleTags.Normalize(tags),
        Visibility = visibility, State = ArticleState.Draft, AuthorId = authorId, CreatedAt = now, UpdatedAt = now,
    };

    public void Edit(string title, string body, int? categoryId, string tags, ArticleVisibility visibility)
    {
        Title = Clean(title);
        Body = body.Trim();
        CategoryId = categoryId;
        Tags = ArticleTags.Normalize(tags);
        Visibility = visibility;
    }

    public void MoveTo(ArticleState state, DateTime now)
    {
        if (state == State) return;
        State = state;
        if (state == ArticleState.Published) PublishedAt ??= now;
    }

    /// <summary>Takes back an earlier version's content; whether it is published stays as it is now.</summary>
    public void RestoreFrom(ArticleVersion version) => Edit(version.Title, version.Body, version.CategoryId, version.Tags, version.Visibility);

    // Search marks matches with private-use characters: a title must not bring its own.
    private static string Clean(string title) => Rendering.Highlighted.StripMarkers(title.Trim());

    internal void Saved(DateTime now)
    {
        Version++;
        UpdatedAt = now;
    }
}
