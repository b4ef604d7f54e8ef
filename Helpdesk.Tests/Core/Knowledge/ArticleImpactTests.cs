using Helpdesk.Core.Application;
using Helpdesk.Core.Knowledge;
using Helpdesk.Core.Knowledge.Commands;
using Helpdesk.Core.Knowledge.Queries;
using Helpdesk.Core.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Helpdesk.Tests.Core.Knowledge;

/// <summary>What articles achieve: requests deflected before they became tickets, tickets solved, resolutions kept.</summary>
public sealed class ArticleImpactTests(DeskFixture fixture) : DeskTest(fixture)
{
    private ArticleQueries Queries => Db.Get<ArticleQueries>();

    [Fact]
    public async Task ThisSolvedMyProblemIsCountedAndFilesNoTicket()
    {
        var article = await Db.AnArticleAsync(Desk.Dana, "Clear the Teams cache", "Quit Teams, delete the cache folder, start it again.");
        var before = await FootprintAsync();
        var figures = (await Queries.FiguresAsync(Desk.Admin))!;

        var count = (await Db.RunAsync<RecordDeflection, int>(Desk.Alice, new RecordDeflection(article.Id, "Teams shows an old status"))).Expect();

        Assert.Equal(1, count);
        Assert.Equal(before, await FootprintAsync());
        var after = (await Queries.FiguresAsync(Desk.Admin))!;
        Assert.Equal((figures.Deflections + 1, figures.DeflectionsLast30Days + 1), (after.Deflections, after.DeflectionsLast30Days));
        Assert.Equal(("Teams shows an old status", article.Id), (after.RecentDeflections[0].Subject, after.RecentDeflections[0].ArticleId));
        Assert.Equal(1, (await Queries.ImpactAsync(Desk.Dana, article.Id))!.Deflections);
        await using var db = Db.CreateDbContext();
        Assert.Equal(Desk.Alice.UserId, (await db.Deflections.SingleAsync(d => d.ArticleId == article.Id)).UserId);
    }

    [Fact]
    public async Task ADraftCannotDeflect()
    {
        var draft = await Db.AnArticleAsync(Desk.Dana, "Unfinished", "Not yet.", publish: false);

        var result = await Db.RunAsync<RecordDeflection, int>(Desk.Dana, new RecordDeflection(draft.Id, "x"));

        Assert.Equal(ErrorKind.NotFound, result.Error!.Kind);
    }

    [Fact]
    public async Task SavingAResolutionMakesAnInternalDraftLinkedToItsTicket()
    {
        var ticket = await Desk.ATicket().About("Scanner sends empty PDFs", "Every scan arrives as a blank page.").InStatus(TicketStatus.Resolved);

        var saved = (await Db.RunAsync<SaveResolutionAsArticle, ArticleSaved>(Desk.Dana, new SaveResolutionAsArticle(ticket.Number))).Expect();

        var article = (await Queries.GetAsync(Desk.Dana, saved.Id))!;
        Assert.Equal(("Scanner sends empty PDFs", ArticleState.Draft, ArticleVisibility.Internal, Desk.General, "Dana Agent"),
            (article.Title, article.State, article.Visibility, article.CategoryId, article.AuthorName));
        Assert.Contains("Every scan arrives as a blank page.", article.Body);
        Assert.Contains("Replaced the fuser unit.", article.Body);
        var impact = (await Queries.ImpactAsync(Desk.Dana, saved.Id))!;
        Assert.Equal(1, impact.TicketCount);
        Assert.Equal((ticket.Number, ArticleTicketKind.Source), (impact.Tickets[0].Number, impact.Tickets[0].Kind));

        // Asking again (a double click) answers with the same draft.
        var again = (await Db.RunAsync<SaveResolutionAsArticle, ArticleSaved>(Desk.Sam, new SaveResolutionAsArticle(ticket.Number))).Expect();
        Assert.Equal(saved.Id, again.Id);
    }

    [Fact]
    public async Task ATicketWithoutAResolutionHasNothingToSave()
    {
        var ticket = await Desk.ATicket().InStatus(TicketStatus.InProgress);

        var result = await Db.RunAsync<SaveResolutionAsArticle, ArticleSaved>(Desk.Dana, new SaveResolutionAsArticle(ticket.Number));

        Assert.Equal(ErrorKind.Validation, result.Error!.Kind);
    }

    [Fact]
    public async Task ArticlesSentOnTicketsCountAsHavingSolvedThemOncePerTicket()
    {
        var article = await Db.AnArticleAsync(Desk.Dana, "Fix a stuck print queue", "Restart the spooler.");
        var first = await Desk.ATicket().About("Print queue stuck");
        var second = await Desk.ATicket().About("Nothing prints");

        Assert.Equal(1, (await Db.RunAsync<RecordArticleUse, int>(Desk.Dana, new RecordArticleUse(first.Number, [article.Id]))).Expect());
        Assert.Equal(0, (await Db.RunAsync<RecordArticleUse, int>(Desk.Sam, new RecordArticleUse(first.Number, [article.Id]))).Expect());
        (await Db.RunAsync<RecordArticleUse, int>(Desk.Dana, new RecordArticleUse(second.Number, [article.Id, 424242]))).Expect();

        var impact = (await Queries.ImpactAsync(Desk.Dana, article.Id))!;
        Assert.Equal(2, impact.TicketCount);
        Assert.Equal([first.Number, second.Number], impact.Tickets.Select(t => t.Number).Order());
    }

    [Fact]
    public async Task TicketsTheCallerMayNotSeeAreCountedButNotListed()
    {
        var article = await Db.AnArticleAsync(Desk.Dana, "Reset a locked account", "Unlock it in the directory.");
        var ticket = await Desk.ATicket().About("Locked out");
        (await Db.RunAsync<RecordArticleUse, int>(Desk.Dana, new RecordArticleUse(ticket.Number, [article.Id]))).Expect();

        // Ines works in Infrastructure; the ticket is the Service desk's.
        var impact = (await Queries.ImpactAsync(Desk.Ines, article.Id))!;

        Assert.Equal(1, impact.TicketCount);
        Assert.Empty(impact.Tickets);
    }

    [Fact]
    public async Task ATicketsSuggestionsComeFromItsSubjectAndCategory()
    {
        var vpn = await Db.AnArticleAsync(Desk.Dana, "Tunnel drops every ten minutes", "Switch the client to TCP.", category: Desk.Network);
        var other = await Db.AnArticleAsync(Desk.Dana, "Tunnel vision in meetings", "Keep meetings short.", category: Desk.General);
        var popular = await Db.AnArticleAsync(Desk.Dana, "Check the firewall status page", "See status.example.", category: Desk.Network);
        var ticket = await Desk.ATicket().InCategory(Desk.Network).About("Tunnel drops at home");

        var suggested = await Queries.ForTicketAsync(Desk.Admin, ticket.Number);

        Assert.Equal(vpn.Id, suggested[0].Id);
        Assert.Contains(other.Id, suggested.Select(s => s.Id));
        // The category's articles fill in what the subject did not find.
        Assert.Contains(popular.Id, suggested.Select(s => s.Id));
        Assert.Empty(await Queries.ForTicketAsync(Desk.Alice, ticket.Number));
    }
}
