using Helpdesk.Core.Knowledge;
using Helpdesk.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Helpdesk.Web.Features.Knowledge;

/// <summary>Knowledge words in the reader's language (literal keys, so scripts/i18n.py finds them).</summary>
public static class KnowledgeLabels
{
    public static string State(IStringLocalizer<SharedResource> L, ArticleState state) => state switch
    {
        ArticleState.Draft => L["Draft"],
        ArticleState.Archived => L["Archived"],
        _ => L["Published"],
    };

    public static string Visibility(IStringLocalizer<SharedResource> L, ArticleVisibility visibility) =>
        visibility == ArticleVisibility.Internal ? L["Internal (agents only)"] : L["Public (requesters and agents)"];

    public static string Scope(IStringLocalizer<SharedResource> L, CannedReplyScope scope, string? team) => scope switch
    {
        CannedReplyScope.Personal => L["Only me"],
        CannedReplyScope.Team => L["Team {0}", team ?? ""],
        _ => L["Every agent"],
    };

    /// <summary>"Title, Body" → "Title, Text"; "Restored:3" → "Restored version 3".</summary>
    public static string Changes(IStringLocalizer<SharedResource> L, string changes)
    {
        if (changes == "Created") return L["Created"];
        if (changes.StartsWith("Restored:", StringComparison.Ordinal)) return L["Restored version {0}", changes["Restored:".Length..]];
        return string.Join(", ", changes.Split(", ").Select(field => field switch
        {
            nameof(Article.Title) => L["Title"].Value,
            nameof(Article.Body) => L["Text"].Value,
            nameof(Article.CategoryId) => L["Category"].Value,
            nameof(Article.Tags) => L["Tags"].Value,
            nameof(Article.Visibility) => L["Visibility"].Value,
            nameof(Article.State) => L["State"].Value,
            _ => field,
        }));
    }

    public static string Kind(IStringLocalizer<SharedResource> L, ArticleTicketKind kind) =>
        kind == ArticleTicketKind.Source ? L["written from it"] : L["sent in a reply"];

    /// <summary>The URL of an article page, absolute, for a reply that leaves the app.</summary>
    public static string Link(string baseUri, int id) => $"{baseUri.TrimEnd('/')}/kb/{id}";
}
