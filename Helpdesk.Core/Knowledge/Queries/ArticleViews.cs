using Helpdesk.Core.Knowledge.Rendering;
using Helpdesk.Core.Tickets;

namespace Helpdesk.Core.Knowledge.Queries;

/// <summary>One article on its page. <see cref="Html"/> is the sanitized body; <see cref="Body"/> the Markdown (for editing and inserting).</summary>
public sealed record ArticleView(int Id, string Title, string Body, SanitizedHtml Html, int? CategoryId, string? CategoryName,
    IReadOnlyList<string> Tags, ArticleVisibility Visibility, ArticleState State, string AuthorName,
    DateTime CreatedAt, DateTime UpdatedAt, string? UpdatedByName, int Version);

/// <summary>An article in a list: the title and an excerpt, with the searched words marked when it was found by a search.</summary>
public sealed record ArticleListItem(int Id, SanitizedHtml Title, SanitizedHtml Excerpt, string? CategoryName,
    IReadOnlyList<string> Tags, ArticleVisibility Visibility, ArticleState State, DateTime UpdatedAt);

/// <summary>What the knowledge base page asks for. Requesters always get published public articles whatever they ask.</summary>
public sealed record ArticleBrowse(string? Text = null, int? CategoryId = null, ArticleState State = ArticleState.Published, int Limit = 100);

/// <summary>A category that holds articles the caller can read, and how many.</summary>
public sealed record CategoryCount(int Id, string Name, int Count);

/// <summary>An article offered while someone types or works a ticket.</summary>
public sealed record ArticleSuggestion(int Id, string PlainTitle, SanitizedHtml Title, SanitizedHtml Snippet, string? CategoryName, ArticleVisibility Visibility);

/// <summary>What an article achieved (staff only): the tickets it solved and the requests it deflected.</summary>
public sealed record ArticleImpact(int TicketCount, int Deflections, IReadOnlyList<SolvedTicket> Tickets);

/// <summary>A ticket an article solved. Only tickets the caller may see are listed; <see cref="ArticleImpact.TicketCount"/> counts all.</summary>
public sealed record SolvedTicket(int Number, string Subject, TicketStatus Status, ArticleTicketKind Kind, DateTime At);

/// <summary>One line of an article's history.</summary>
/// <param name="Changes">Field names ("Title, Body"), "Created", or "Restored:3".</param>
public sealed record ArticleVersionLine(int Number, DateTime At, string? EditorName, string Changes, string Title, ArticleState State, ArticleVisibility Visibility);

/// <summary>An earlier version, rendered for a look before restoring it.</summary>
public sealed record ArticleVersionView(int Number, string Title, SanitizedHtml Html, IReadOnlyList<string> Tags, ArticleVisibility Visibility, DateTime At, string? EditorName);

/// <summary>The knowledge admin page's figures.</summary>
public sealed record KnowledgeFigures(int Published, int Drafts, int Archived, int Internal, int Deflections, int DeflectionsLast30Days,
    int TicketsSolved, IReadOnlyList<ArticleFigure> TopArticles, IReadOnlyList<DeflectionLine> RecentDeflections, IReadOnlyList<ArticleFigure> DraftsToReview);

public sealed record ArticleFigure(int Id, string Title, ArticleState State, int Deflections, int Tickets, DateTime UpdatedAt);

public sealed record DeflectionLine(DateTime At, string Subject, int ArticleId, string ArticleTitle);
