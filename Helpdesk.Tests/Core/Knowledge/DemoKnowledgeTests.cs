using Helpdesk.Core.Knowledge;
using Helpdesk.Core.Knowledge.Queries;
using Helpdesk.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Knowledge;

public sealed class DemoKnowledgeTests
{
    [Fact]
    public async Task DemoDataBringsArticlesOfEveryKindCannedRepliesAndTheirFigures()
    {
        await using var database = await TestDatabase.CreateAsync(settings: new Dictionary<string, string?> { ["DemoData:Enabled"] = "true", ["DemoData:Tickets"] = "120" });
        await using var db = database.CreateDbContext();

        var articles = await db.Articles.ToListAsync();
        Assert.Contains(articles, a => a is { State: ArticleState.Published, Visibility: ArticleVisibility.Public });
        Assert.Contains(articles, a => a is { State: ArticleState.Published, Visibility: ArticleVisibility.Internal });
        Assert.Contains(articles, a => a.State == ArticleState.Draft);
        // Written through the real command: each has its first version by its author.
        Assert.Equal(articles.Count, await db.ArticleVersions.CountAsync(v => v.Number == 1 && v.Changes == "Created"));
        Assert.Equal([CannedReplyScope.Personal, CannedReplyScope.Team, CannedReplyScope.Everyone],
            (await db.CannedReplies.ToListAsync()).Select(r => r.Scope).Distinct().Order());
        var admin = await database.Get<Helpdesk.Core.People.CallerDirectory>().ForUserAsync(await db.Users.Where(u => u.Email == "admin@helpdesk.test").Select(u => u.Id).SingleAsync());
        var figures = (await database.Get<ArticleQueries>().FiguresAsync(admin!))!;
        Assert.True(figures.Deflections > 0 && figures.TicketsSolved > 0, $"{figures.Deflections} deflections, {figures.TicketsSolved} tickets solved");
    }

    [Fact]
    public async Task WithoutDemoDataTheKnowledgeBaseStartsEmpty()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        Assert.Equal((0, 0), (await db.Articles.CountAsync(), await db.CannedReplies.CountAsync()));
    }
}
