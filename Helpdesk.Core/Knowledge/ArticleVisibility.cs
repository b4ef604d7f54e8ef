namespace Helpdesk.Core.Knowledge;

/// <summary>Who may read a published article.</summary>
public enum ArticleVisibility
{
    /// <summary>Requesters and agents.</summary>
    Public = 0,
    /// <summary>Agents only: never shown, found or suggested to a requester.</summary>
    Internal = 1,
}
