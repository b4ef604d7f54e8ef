using Helpdesk.Core.Application;

namespace Helpdesk.Core.Knowledge.Commands;

/// <summary>A new article by an agent: a draft, or published at once.</summary>
public sealed record CreateArticle(ArticleInput Input, bool Publish = false);

public sealed class CreateArticleHandler(KnowledgeWriter writer) : IKnowledgeHandler<CreateArticle, ArticleSaved>
{
    public Task<Result<ArticleSaved>> HandleAsync(Caller caller, CreateArticle command, CancellationToken ct = default) =>
        writer.SaveArticleAsync(nameof(CreateArticle), caller, async w =>
        {
            if (await command.Input.ValidateAsync(w, ct) is { } invalid) return invalid;
            var input = command.Input;
            var article = Article.Create(input.Title, input.Body, input.CategoryId, input.Tags ?? "", input.Visibility, caller.UserId, w.Now);
            if (command.Publish) article.MoveTo(ArticleState.Published, w.Now);
            w.Db.Articles.Add(article);
            return article;
        }, ct);
}
