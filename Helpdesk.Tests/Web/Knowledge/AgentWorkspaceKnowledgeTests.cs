using Bunit;
using Helpdesk.Core.Application;
using Helpdesk.Core.Knowledge;
using Helpdesk.Core.Knowledge.Commands;
using Helpdesk.Core.Tickets;
using Helpdesk.Core.Tickets.Commands;
using Helpdesk.Core.Tickets.Queries;
using Helpdesk.Tests.Core.Knowledge;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Helpdesk.Tests.Web.Tickets;
using Helpdesk.Web.Features.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Helpdesk.Tests.Web.Knowledge;

/// <summary>The knowledge base inside the agent workspace: suggested articles into the reply, a resolution saved as an article.</summary>
public sealed class AgentWorkspaceKnowledgeTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Desk _desk = null!;
    private readonly RecordingSaveResolution _saveResolution = new();

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _desk = await Desk.CreateAsync(_db);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(typeof(ITicketCommandHandler<>), typeof(RecordingHandler<>));
        Services.AddSingleton<IKnowledgeHandler<SaveResolutionAsArticle, ArticleSaved>>(_saveResolution);
        Services.AddFallbackServiceProvider(_db.Services);
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<IRenderedComponent<AgentTicketView>> RenderTicketAsync(TicketRow row)
    {
        var details = await _db.Get<TicketDetailsQuery>().GetAsync(_desk.Dana, row.Number);
        return Render<AgentTicketView>(p => p.Add(v => v.Details, details!).Add(v => v.Caller, _desk.Dana));
    }

    [Fact]
    public async Task ASuggestedArticlesLinkGoesIntoTheReplyAndTheSentReplyCountsForTheArticle()
    {
        var article = await _db.AnArticleAsync(_desk.Dana, "Clear a paper jam in tray 2", "Open tray 2 and take the paper out.", category: _desk.General);
        var ticket = await _desk.ATicket().About("Paper jam in tray 2");
        var view = await RenderTicketAsync(ticket);

        view.WaitForAssertion(() => Assert.NotNull(view.Find($"[data-suggested-article='{article.Id}']")));
        view.Find($"[data-suggested-article='{article.Id}']").QuerySelectorAll("button").Single(b => b.TextContent.Contains("Insert link")).Click();

        view.WaitForAssertion(() => Assert.Equal($"Clear a paper jam in tray 2: http://localhost/kb/{article.Id}", view.Find("textarea").GetAttribute("value")));
        view.FindAll("button").Single(b => b.TextContent.Contains("Send reply")).Click();

        var sent = (RecordingHandler<AddComment>)Services.GetRequiredService<ITicketCommandHandler<AddComment>>();
        view.WaitForAssertion(() => Assert.Equal(new AddComment(ticket.Number, $"Clear a paper jam in tray 2: http://localhost/kb/{article.Id}"), Assert.Single(sent.Received).Command));
        await using var db = _db.CreateDbContext();
        var link = await db.ArticleTickets.SingleAsync(l => l.ArticleId == article.Id);
        Assert.Equal((ArticleTicketKind.Used, _desk.Dana.UserId), (link.Kind, link.ById));
    }

    [Fact]
    public async Task ResolvingWithTheBoxTickedSavesTheResolutionAsADraftArticle()
    {
        var ticket = await _desk.ATicket().About("Scanner sends blank pages").InStatus(TicketStatus.InProgress);
        var view = await RenderTicketAsync(ticket);

        view.Find("[data-status-action=Resolved]").Click();
        // The resolution panel opens above the conversation: its box is the page's first.
        view.FindAll("textarea")[0].Change("Cleaned the scanner glass.");
        var box = view.Find("[data-testid=save-as-article]");
        (box.TagName == "INPUT" ? box : box.QuerySelector("input")!).Change(true);
        view.FindAll("button").Single(b => b.TextContent.Trim() == "Resolve").Click();

        view.WaitForAssertion(() => Assert.Equal([new SaveResolutionAsArticle(ticket.Number)], _saveResolution.Received));
    }

    [Fact]
    public async Task ResolvingWithoutTheBoxSavesNoArticle()
    {
        var ticket = await _desk.ATicket().About("Monitor flickers").InStatus(TicketStatus.InProgress);
        var view = await RenderTicketAsync(ticket);

        view.Find("[data-status-action=Resolved]").Click();
        view.FindAll("button").Single(b => b.TextContent.Trim() == "Resolve").Click();

        var status = (RecordingHandler<ChangeStatus>)Services.GetRequiredService<ITicketCommandHandler<ChangeStatus>>();
        view.WaitForAssertion(() => Assert.Single(status.Received));
        Assert.Empty(_saveResolution.Received);
    }

    private sealed class RecordingSaveResolution : IKnowledgeHandler<SaveResolutionAsArticle, ArticleSaved>
    {
        public List<SaveResolutionAsArticle> Received { get; } = [];

        public Task<Result<ArticleSaved>> HandleAsync(Caller caller, SaveResolutionAsArticle command, CancellationToken ct = default)
        {
            Received.Add(command);
            return Task.FromResult(Result<ArticleSaved>.Ok(new ArticleSaved(77, 1, ArticleState.Draft, ArticleVisibility.Internal, "Scanner sends blank pages")));
        }
    }
}
