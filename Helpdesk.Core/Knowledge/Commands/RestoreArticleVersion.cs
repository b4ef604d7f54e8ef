using Helpdesk.Core.Application;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Core.Knowledge.Commands;

/// <summary>
/// Brings back an earlier version's title, body, category, tags and visibility as a new version
/// (history is never rewritten). Whether the article is published does not change.
/// </summary>
public sealed record RestoreArticleVersion(int Id, int Number, int? ExpectedVersion = null);

public sealed class RestoreArticleVersionHandler(KnowledgeWriter writer) : IKnowledgeHandler<RestoreArticleVersion, ArticleSaved>
{
    public Task<Result<ArticleSaved>> HandleAsync(Caller caller, RestoreArticleVersion command, CancellationToken ct = default) =>
        writer.UpdateArticleAsync(nameof(RestoreArticleVersion), caller, command.Id, command.ExpectedVersion, async (w, article) =>
        {
            var version = await w.Db.ArticleVersions.AsNoTracking().SingleOrDefaultAsync(v => v.ArticleId == article.Id && v.Number == command.Number, ct);
            if (version is null) return w.Invalid(nameof(command.Number), w.T("Version {0} of this article does not exist.", command.Number));
            article.RestoreFrom(version);
            w.RestoredFrom = version.Number;
            return null;
        }, ct);
}
