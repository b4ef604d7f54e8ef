namespace Helpdesk.Core.Knowledge;

/// <summary>An article as it was after one change: who changed it, when, which fields. Restorable.</summary>
public sealed class ArticleVersion
{
    private ArticleVersion() { }

    internal ArticleVersion(Article article, int? editorId, DateTime at, string changes)
    {
        ArticleId = article.Id;
        Number = article.Version;
        Title = article.Title;
        Body = article.Body;
        CategoryId = article.CategoryId;
        Tags = article.Tags;
        Visibility = article.Visibility;
        State = article.State;
        EditorId = editorId;
        At = at;
        Changes = changes;
    }

    public long Id { get; private set; }
    public int ArticleId { get; private set; }
    /// <summary>1 for the first version, then one more per change.</summary>
    public int Number { get; private set; }
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public int? CategoryId { get; private set; }
    public string Tags { get; private set; } = "";
    public ArticleVisibility Visibility { get; private set; }
    public ArticleState State { get; private set; }
    /// <summary>Null when the system made the change.</summary>
    public int? EditorId { get; private set; }
    public DateTime At { get; private set; }
    /// <summary>What changed, as field names ("Created", "Title, Body", "State"); "Restored:3" for a restore.</summary>
    public string Changes { get; private set; } = "";
}
