namespace Helpdesk.Web.Features.Knowledge;

/// <summary>An article going into a reply, as its link or its text.</summary>
/// <param name="Internal">Agents only: it may go into an internal note, never to the requester.</param>
public sealed record ArticleInsert(int ArticleId, string Text, bool Internal);
