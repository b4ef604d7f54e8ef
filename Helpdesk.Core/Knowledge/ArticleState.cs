namespace Helpdesk.Core.Knowledge;

/// <summary>Where an article is in its life. Only published articles are found by requesters and suggested.</summary>
public enum ArticleState
{
    /// <summary>Being written or reviewed: staff only.</summary>
    Draft = 0,
    Published = 1,
    /// <summary>Out of date but kept (and restorable); staff only.</summary>
    Archived = 2,
}
