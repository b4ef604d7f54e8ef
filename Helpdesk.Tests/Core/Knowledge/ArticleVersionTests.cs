using Helpdesk.Core.Application;
using Helpdesk.Core.Knowledge;
using Helpdesk.Core.Knowledge.Commands;
using Helpdesk.Core.Knowledge.Queries;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Knowledge;

/// <summary>Every change to an article leaves a full version row; any version can come back.</summary>
public sealed class ArticleVersionTests(DeskFixture fixture) : DeskTest(fixture)
{
    private ArticleQueries Queries => Db.Get<ArticleQueries>();

    private static ArticleInput Input(string title, string body, string tags = "", ArticleVisibility visibility = ArticleVisibility.Public) =>
        new(title, body, null, tags, visibility);

    [Fact]
    public async Task CreatingAnArticleWritesItsFirstVersion()
    {
        var saved = await Db.AnArticleAsync(Desk.Dana, "Map a network drive", "Open Explorer.", publish: false);

        var line = Assert.Single(await Queries.HistoryAsync(Desk.Dana, saved.Id));
        Assert.Equal((1, "Created", "Dana Agent", ArticleState.Draft), (line.Number, line.Changes, line.EditorName, line.State));
        Assert.Equal(1, saved.Version);
    }

    [Fact]
    public async Task EveryChangeWritesAVersionNamingWhoChangedWhichFields()
    {
        var saved = await Db.AnArticleAsync(Desk.Dana, "Map a drive", "Open Explorer.", publish: false);

        var edited = (await Db.EditAsync(Desk.Sam, new EditArticle(saved.Id, Input("Map a network drive", "Open Explorer, then This PC.", "drives"), saved.Version))).Expect();
        var published = (await Db.RunAsync<ChangeArticleState, ArticleSaved>(Desk.Dana, new ChangeArticleState(saved.Id, ArticleState.Published, edited.Version))).Expect();

        var history = await Queries.HistoryAsync(Desk.Admin, saved.Id);
        Assert.Equal([(3, "State", "Dana Agent"), (2, "Title, Body, Tags", "Sam Agent"), (1, "Created", "Dana Agent")],
            history.Select(h => (h.Number, h.Changes, h.EditorName)));
        Assert.Equal(3, published.Version);
        Assert.Equal(ArticleState.Published, published.State);
    }

    [Fact]
    public async Task SavingTheSameTextAgainWritesNoVersion()
    {
        var saved = await Db.AnArticleAsync(Desk.Dana, "Lock your screen", "Press Windows + L.", "security");

        var again = (await Db.EditAsync(Desk.Dana, new EditArticle(saved.Id, Input("Lock your screen ", "Press Windows + L.", "Security"), saved.Version))).Expect();

        Assert.Equal(1, again.Version);
        Assert.Single(await Queries.HistoryAsync(Desk.Dana, saved.Id));
    }

    [Fact]
    public async Task RestoringBringsBackAnEarlierVersionAsANewOneAndKeepsThePublicationState()
    {
        var saved = await Db.AnArticleAsync(Desk.Dana, "Reset your password", "Use the self-service portal.", "password");
        var v2 = (await Db.EditAsync(Desk.Sam, new EditArticle(saved.Id, Input("Reset a password", "Call the desk.", "phone", ArticleVisibility.Internal), saved.Version))).Expect();

        var restored = (await Db.RunAsync<RestoreArticleVersion, ArticleSaved>(Desk.Dana, new RestoreArticleVersion(saved.Id, 1, v2.Version))).Expect();

        var article = (await Queries.GetAsync(Desk.Dana, saved.Id))!;
        Assert.Equal(("Reset your password", "Use the self-service portal.", ArticleVisibility.Public, ArticleState.Published, 3),
            (article.Title, article.Body, article.Visibility, article.State, article.Version));
        Assert.Equal(["password"], article.Tags);
        Assert.Equal(3, restored.Version);
        var history = await Queries.HistoryAsync(Desk.Dana, saved.Id);
        Assert.Equal("Restored:1", history[0].Changes);
        // History is never rewritten: the version that was replaced is still there to restore.
        Assert.Equal("Reset a password", (await Queries.VersionAsync(Desk.Dana, saved.Id, 2))!.Title);
        // And search follows the restored text.
        Assert.Contains(saved.Id, (await Queries.BrowseAsync(Desk.Alice, new ArticleBrowse("self-service"))).Select(a => a.Id));
        Assert.DoesNotContain(saved.Id, (await Queries.BrowseAsync(Desk.Dana, new ArticleBrowse("call desk"))).Select(a => a.Id));
    }

    [Fact]
    public async Task RestoringAVersionThatDoesNotExistIsRefused()
    {
        var saved = await Db.AnArticleAsync(Desk.Dana, "Book a meeting room", "Use the room finder.");

        var result = await Db.RunAsync<RestoreArticleVersion, ArticleSaved>(Desk.Dana, new RestoreArticleVersion(saved.Id, 9));

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
    }

    [Fact]
    public async Task AnEditMadeOnAStaleVersionIsRefusedNamingWhoChangedIt()
    {
        var saved = await Db.AnArticleAsync(Desk.Dana, "Install a printer", "Add it from the list.");
        (await Db.EditAsync(Desk.Sam, new EditArticle(saved.Id, Input("Install a printer", "Add it from Settings."), saved.Version))).Expect();

        var stale = await Db.EditAsync(Desk.Dana, new EditArticle(saved.Id, Input("Install a printer", "Mine."), saved.Version));

        Assert.Equal(ErrorKind.Conflict, stale.Error!.Kind);
        Assert.Contains("Sam Agent", stale.Error.Message);
        Assert.Equal("Add it from Settings.", (await Queries.GetAsync(Desk.Dana, saved.Id))!.Body);
    }

    [Fact]
    public async Task AnInvalidArticleIsRefusedWithEveryProblemAtOnce()
    {
        var result = await Db.CreateAsync(Desk.Dana, new CreateArticle(new ArticleInput(" ", "", 4242, string.Join(",", Enumerable.Range(1, 20).Select(i => $"t{i}")), ArticleVisibility.Public)));

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
        Assert.Equal(["Body", "CategoryId", "Tags", "Title"], result.Error.Fields.Keys.Order());
    }

    [Fact]
    public async Task ARefusedCommandWritesNothing()
    {
        await using var db = Db.CreateDbContext();
        var before = (await db.Articles.CountAsync(), await db.ArticleVersions.CountAsync());

        await Db.CreateAsync(Desk.Alice, new CreateArticle(Input("From a requester", "Should not exist.")));
        await Db.CreateAsync(Desk.Dana, new CreateArticle(Input("", "")));

        Assert.Equal(before, (await db.Articles.CountAsync(), await db.ArticleVersions.CountAsync()));
    }
}
