using Helpdesk.Core.Application;

namespace Helpdesk.Core.Knowledge.Commands;

/// <summary>Saves an author's edit, refused if someone else saved since <paramref name="ExpectedVersion"/>.</summary>
/// <param name="MoveTo">"Save and publish" in one change (one version row).</param>
public sealed record EditArticle(int Id, ArticleInput Input, int ExpectedVersion, ArticleState? MoveTo = null);

public sealed class EditArticleHandler(KnowledgeWriter writer) : IKnowledgeHandler<EditArticle, ArticleSaved>
{
    public Task<Result<ArticleSaved>> HandleAsync(Caller caller, EditArticle command, CancellationToken ct = default) =>
        writer.UpdateArticleAsync(nameof(EditArticle), caller, command.Id, command.ExpectedVersion, async (w, article) =>
        {
            if (await command.Input.ValidateAsync(w, ct) is { } invalid) return invalid;
            var input = command.Input;
            article.Edit(input.Title, input.Body, input.CategoryId, input.Tags ?? "", input.Visibility);
            if (command.MoveTo is { } state) article.MoveTo(state, w.Now);
            return null;
        }, ct);
}
