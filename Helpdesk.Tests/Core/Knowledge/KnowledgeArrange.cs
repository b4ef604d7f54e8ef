using Helpdesk.Core.Application;
using Helpdesk.Core.Knowledge;
using Helpdesk.Core.Knowledge.Commands;
using Helpdesk.Tests.Support;

namespace Helpdesk.Tests.Core.Knowledge;

/// <summary>Knowledge commands run through the real handlers, for arranging and acting in tests.</summary>
public static class KnowledgeArrange
{
    public static Task<Result<TResult>> RunAsync<TCommand, TResult>(this TestDatabase db, Caller caller, TCommand command) =>
        db.Get<IKnowledgeHandler<TCommand, TResult>>().HandleAsync(caller, command);

    public static Task<Result<ArticleSaved>> CreateAsync(this TestDatabase db, Caller caller, CreateArticle command) =>
        db.RunAsync<CreateArticle, ArticleSaved>(caller, command);

    public static Task<Result<ArticleSaved>> EditAsync(this TestDatabase db, Caller caller, EditArticle command) =>
        db.RunAsync<EditArticle, ArticleSaved>(caller, command);

    /// <summary>An article written by <paramref name="author"/>, published unless said otherwise; insists it was saved.</summary>
    public static async Task<ArticleSaved> AnArticleAsync(this TestDatabase db, Caller author, string title, string body, string tags = "",
        ArticleVisibility visibility = ArticleVisibility.Public, bool publish = true, int? category = null)
    {
        var result = await db.CreateAsync(author, new CreateArticle(new ArticleInput(title, body, category, tags, visibility), publish));
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!;
    }

    public static T Expect<T>(this Result<T> result)
    {
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value!;
    }
}
