using Bunit;
using Helpdesk.Core.Knowledge;
using Helpdesk.Core.Knowledge.Commands;
using Helpdesk.Core.Tickets;
using Helpdesk.Tests.Core.Knowledge;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;
using Helpdesk.Web.Features.Knowledge;
using Helpdesk.Web.Features.Tickets;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace Helpdesk.Tests.Web.Knowledge;

/// <summary>The reply box with canned replies on: "/" or Ctrl+/ offers them, filled in for the ticket; articles go in as links or text.</summary>
public sealed class ComposerCannedReplyTests : BunitContext, IAsyncLifetime
{
    private TestDatabase _db = null!;
    private Desk _desk = null!;
    private readonly List<(string Text, bool Internal)> _sent = [];
    private readonly List<(TicketStatus Status, string Text)> _statuses = [];

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _desk = await Desk.CreateAsync(_db);
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddFallbackServiceProvider(_db.Services);
        Render<MudPopoverProvider>();
        (await _db.RunAsync<SaveCannedReply, int>(_desk.Dana, new SaveCannedReply(null, "Need more information",
            "Hello {requester.first_name}, about {ticket.number}: since when does it happen? {agent.first_name}", CannedReplyScope.Personal, SetsStatus: TicketStatus.Pending))).Expect();
        (await _db.RunAsync<SaveCannedReply, int>(_desk.Dana, new SaveCannedReply(null, "Closing", "Closing {ticket.number}.", CannedReplyScope.Personal))).Expect();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _db.DisposeAsync();
    }

    private IRenderedComponent<Composer> RenderComposer() => Render<Composer>(p => p
        .Add(c => c.AllowNote, true)
        .Add(c => c.Send, (text, isInternal) => { _sent.Add((text, isInternal)); return Task.FromResult<string?>(null); })
        .Add(c => c.SetStatus, (status, text) => { _statuses.Add((status, text)); return Task.FromResult<string?>(null); })
        .Add(c => c.Canned, new CannedReplyContext(_desk.Dana,
            new PlaceholderValues("Alice Martin", "alice@example.test", "HD-1042", "Printer jams", "Dana Agent", "Service desk", "General"))));

    private static string Value(IRenderedComponent<Composer> view) => view.Find("textarea").GetAttribute("value") ?? view.Find("textarea").TextContent;

    [Fact]
    public void TypingSlashOffersTheRepliesAndChoosingOneFillsItInAndSetsTheStatusOnSend()
    {
        var view = RenderComposer();

        view.Find("textarea").Input("Thanks! /more");

        view.WaitForAssertion(() => Assert.Equal(["Need more information"], view.FindAll("[data-canned] .hd-canned-title").Select(t => t.TextContent)));
        view.Find("[data-canned]").Click();
        view.WaitForAssertion(() => Assert.Equal("Thanks! Hello Alice, about HD-1042: since when does it happen? Dana", Value(view)));
        Assert.Empty(view.FindAll("[data-testid=canned-replies]"));
        Assert.Contains("Pending", view.Find("[data-testid=pending-status]").TextContent);

        view.FindAll("button").Single(b => b.TextContent.Contains("Send reply")).Click();

        view.WaitForAssertion(() => Assert.Equal([(TicketStatus.Pending, "Thanks! Hello Alice, about HD-1042: since when does it happen? Dana")], _statuses));
        Assert.Equal([("Thanks! Hello Alice, about HD-1042: since when does it happen? Dana", false)], _sent);
    }

    [Fact]
    public void CtrlSlashOpensTheRepliesWhereverTheCaretIsAndEscapeClosesThem()
    {
        var view = RenderComposer();
        view.Find("textarea").Input("Hello");

        view.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "/", Code = "Slash", CtrlKey = true });

        view.WaitForAssertion(() => Assert.Equal(2, view.FindAll("[data-canned]").Count));
        Assert.Equal("Hello /", Value(view));
        view.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "Escape" });
        view.WaitForAssertion(() => Assert.Empty(view.FindAll("[data-testid=canned-replies]")));
    }

    [Fact]
    public void ASlashInsideAWordOrAPathIsNotASearch()
    {
        var view = RenderComposer();

        view.Find("textarea").Input("Try \\\\files\\finance and/or https://intranet/vpn");

        Assert.Empty(view.FindAll("[data-testid=canned-replies]"));
    }

    [Fact]
    public async Task AnInternalArticleTurnsThePublicReplyIntoANoteAndCannotGoOutPublicly()
    {
        var view = RenderComposer();

        await view.InvokeAsync(() => view.Instance.InsertAsync("Unlock it in the directory.", internalOnly: true));

        view.WaitForAssertion(() => Assert.Contains("internal note", view.Find("[data-testid=composer-notice]").TextContent));
        Assert.Contains("Add note", view.Markup);
        // Back to a public reply by hand: sending is refused while the article's text is in it.
        view.FindAll(".mud-toggle-item").Single(b => b.TextContent.Contains("Public reply")).Click();
        view.FindAll("button").Single(b => b.TextContent.Contains("Send reply")).Click();
        view.WaitForAssertion(() => Assert.Contains("internal article", view.Markup));
        Assert.Empty(_sent);

        view.FindAll(".mud-toggle-item").Single(b => b.TextContent.Contains("Internal note")).Click();
        view.FindAll("button").Single(b => b.TextContent.Contains("Add note")).Click();
        view.WaitForAssertion(() => Assert.Equal([("Unlock it in the directory.", true)], _sent));
    }

    [Fact]
    public async Task APublicArticleGoesIntoTheReplyAfterWhatIsAlreadyWritten()
    {
        var view = RenderComposer();
        view.Find("textarea").Input("Hello Alice,");

        await view.InvokeAsync(() => view.Instance.InsertAsync("Reset your password: https://desk.example/kb/1", internalOnly: false));

        view.WaitForAssertion(() => Assert.Equal("Hello Alice,\n\nReset your password: https://desk.example/kb/1", Value(view)));
        Assert.Contains("Send reply", view.Markup);
    }
}
