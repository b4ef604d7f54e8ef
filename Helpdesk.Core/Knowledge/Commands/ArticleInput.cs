using Helpdesk.Core.Application;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Knowledge.Commands;

/// <summary>What an author writes: the same fields for a new article and an edit.</summary>
/// <param name="Tags">As typed: "vpn, remote access" (normalized by <see cref="ArticleTags"/>).</param>
public sealed record ArticleInput(string Title, string Body, int? CategoryId, string? Tags, ArticleVisibility Visibility)
{
    internal async Task<CommandError?> ValidateAsync(KnowledgeWork w, CancellationToken ct)
    {
        var errors = new FieldErrors();
        errors.Required(nameof(Title), Title, w.T("Give the article a title."));
        errors.MaxLength(nameof(Title), Title, Article.TitleMax, w.T("Keep the title under {0} characters.", Article.TitleMax));
        errors.Required(nameof(Body), Body, w.T("Write the article."));
        errors.MaxLength(nameof(Body), Body, Article.BodyMax, w.T("Keep the article under {0} characters.", Article.BodyMax));
        var tags = ArticleTags.Parse(Tags);
        if (tags.Count > ArticleTags.MaxCount) errors.Add(nameof(Tags), w.T("Use at most {0} tags.", ArticleTags.MaxCount));
        if (tags.Any(t => t.Length > ArticleTags.MaxLength)) errors.Add(nameof(Tags), w.T("Keep each tag under {0} characters.", ArticleTags.MaxLength));
        if (ArticleTags.Normalize(Tags).Length > Article.TagsMax) errors.Add(nameof(Tags), w.T("Keep the tags under {0} characters in all.", Article.TagsMax));
        if (CategoryId is { } category && !await w.Db.Categories.AnyAsync(c => c.Id == category, ct))
            errors.Add(nameof(CategoryId), w.T("Choose a category from the list."));
        return errors.Any ? w.Invalid(errors) : null;
    }
}
