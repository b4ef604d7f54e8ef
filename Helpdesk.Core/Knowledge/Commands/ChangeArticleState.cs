using Helpdesk.Core.Application;

namespace Helpdesk.Core.Knowledge.Commands;

/// <summary>Publish, archive, or take back to draft.</summary>
public sealed record ChangeArticleState(int Id, ArticleState To, int? ExpectedVersion = null);

public sealed class ChangeArticleStateHandler(KnowledgeWriter writer) : IKnowledgeHandler<ChangeArticleState, ArticleSaved>
{
    public Task<Result<ArticleSaved>> HandleAsync(Caller caller, ChangeArticleState command, CancellationToken ct = default) =>
        writer.UpdateArticleAsync(nameof(ChangeArticleState), caller, command.Id, command.ExpectedVersion, (w, article) =>
        {
            article.MoveTo(command.To, w.Now);
            return Task.FromResult<CommandError?>(null);
        }, ct);
}
