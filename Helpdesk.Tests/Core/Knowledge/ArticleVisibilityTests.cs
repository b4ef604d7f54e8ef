using Helpdesk.Core.Application;
using Helpdesk.Core.Knowledge;
using Helpdesk.Core.Knowledge.Commands;
using Helpdesk.Core.Knowledge.Queries;

namespace Helpdesk.Tests.Core.Knowledge;

/// <summary>Internal articles and drafts never reach a requester: not on a page, in a search or in a suggestion.</summary>
public sealed class ArticleVisibilityTests(DeskFixture fixture) : DeskTest(fixture)
{
    private ArticleQueries Queries => Db.Get<ArticleQueries>();

    private async Task<(ArticleSaved Public, ArticleSaved Internal, ArticleSaved Draft, ArticleSaved Archived)> ArrangeAsync(string word)
    {
        var pub = await Db.AnArticleAsync(Desk.Dana, $"{word} for everyone", $"How to fix {word} yourself.", category: Desk.General);
        var @internal = await Db.AnArticleAsync(Desk.Dana, $"{word} escalation runbook", $"Internal {word} steps.", visibility: ArticleVisibility.Internal, category: Desk.General);
        var draft = await Db.AnArticleAsync(Desk.Dana, $"{word} draft", $"Unfinished {word} notes.", publish: false, category: Desk.General);
        var archived = await Db.AnArticleAsync(Desk.Dana, $"{word} old way", $"Outdated {word} notes.", category: Desk.General);
        (await Db.RunAsync<ChangeArticleState, ArticleSaved>(Desk.Dana, new ChangeArticleState(archived.Id, ArticleState.Archived))).Expect();
        return (pub, @internal, draft, archived);
    }

    [Fact]
    public async Task ARequesterOpeningAnInternalDraftOrArchivedArticleFindsNothing()
    {
        var a = await ArrangeAsync("zephyr");

        Assert.NotNull(await Queries.GetAsync(Desk.Alice, a.Public.Id));
        Assert.Null(await Queries.GetAsync(Desk.Alice, a.Internal.Id));
        Assert.Null(await Queries.GetAsync(Desk.Alice, a.Draft.Id));
        Assert.Null(await Queries.GetAsync(Desk.Alice, a.Archived.Id));
        Assert.NotNull(await Queries.GetAsync(Desk.Dana, a.Internal.Id));
    }

    [Fact]
    public async Task ARequestersSearchAndBrowsingReturnOnlyPublishedPublicArticles()
    {
        var a = await ArrangeAsync("quokka");

        Assert.Equal([a.Public.Id], (await Queries.BrowseAsync(Desk.Alice, new ArticleBrowse("quokka"))).Select(x => x.Id));
        Assert.Equal([a.Public.Id], (await Queries.BrowseAsync(Desk.Alice, new ArticleBrowse("quokka", State: ArticleState.Draft))).Select(x => x.Id));
        Assert.DoesNotContain(a.Internal.Id, (await Queries.BrowseAsync(Desk.Alice, new ArticleBrowse())).Select(x => x.Id));
        Assert.Equal([a.Public.Id, a.Internal.Id], (await Queries.BrowseAsync(Desk.Dana, new ArticleBrowse("quokka"))).Select(x => x.Id).Order());
    }

    [Fact]
    public async Task SuggestionsForARequesterNeverIncludeInternalOrDraftArticles()
    {
        var a = await ArrangeAsync("wombat");

        var suggested = await Queries.SuggestAsync(Desk.Alice, "my wombat is broken", Desk.General, limit: 10);

        Assert.Equal([a.Public.Id], suggested.Select(s => s.Id));
        Assert.Equal([a.Public.Id, a.Internal.Id], (await Queries.SuggestAsync(Desk.Dana, "my wombat is broken", Desk.General, limit: 10)).Select(s => s.Id).Order());
    }

    [Fact]
    public async Task ARequesterCannotChangeAnArticleAndAnInternalOneLooksMissing()
    {
        var a = await ArrangeAsync("narwhal");
        var input = new ArticleInput("Hacked", "Hacked", null, "", ArticleVisibility.Public);

        var onPublic = await Db.EditAsync(Desk.Alice, new EditArticle(a.Public.Id, input, a.Public.Version));
        var onInternal = await Db.EditAsync(Desk.Alice, new EditArticle(a.Internal.Id, input, a.Internal.Version));
        var restore = await Db.RunAsync<RestoreArticleVersion, ArticleSaved>(Desk.Alice, new RestoreArticleVersion(a.Internal.Id, 1));

        Assert.Equal(ErrorKind.Forbidden, onPublic.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, onInternal.Error!.Kind);
        Assert.Equal(ErrorKind.NotFound, restore.Error!.Kind);
        Assert.Empty(await Queries.HistoryAsync(Desk.Alice, a.Public.Id));
        Assert.Null(await Queries.ImpactAsync(Desk.Alice, a.Public.Id));
    }

    [Fact]
    public async Task ARequesterCannotBeDeflectedByAnArticleTheyMayNotRead()
    {
        var a = await ArrangeAsync("axolotl");

        var result = await Db.RunAsync<RecordDeflection, int>(Desk.Alice, new RecordDeflection(a.Internal.Id, "axolotl"));

        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
    }
}
