using Helpdesk.Core.Knowledge;
using Helpdesk.Core.Knowledge.Commands;
using Helpdesk.Core.Knowledge.Search;
using Helpdesk.Tests.Support;
using Helpdesk.Tests.Support.Builders;

namespace Helpdesk.Tests.Core.Knowledge;

/// <summary>A small fixed corpus, searched through the FTS5 index the migration creates.</summary>
public sealed class SearchCorpus : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;
    public Desk Desk { get; private set; } = null!;
    public Dictionary<string, int> Ids { get; } = [];

    public async Task InitializeAsync()
    {
        Db = await TestDatabase.CreateAsync();
        Desk = await Desk.CreateAsync(Db);
        async Task Add(string key, string title, string body, string tags = "", ArticleVisibility visibility = ArticleVisibility.Public, bool publish = true, int? category = null) =>
            Ids[key] = (await Db.AnArticleAsync(Desk.Dana, title, body, tags, visibility, publish, category)).Id;

        await Add("vpn-title", "Connect to the VPN from home", "Install the client, then sign in with your usual account.", "remote access", category: Desk.Network);
        await Add("vpn-body", "Working from a hotel", "Hotel networks often block the VPN. Use the phone hotspot instead.");
        await Add("printer", "Printer jams in tray 2", "Open tray 2, remove the paper and **fan** the stack before loading it again.", "hardware, paper");
        await Add("outlook", "Outlook keeps asking for a password", "Remove the saved credentials in the Windows credential manager.", "e-mail, mfa");
        await Add("html", "Why <b>bold</b> & other tags show", "The text <script>alert(1)</script> in a ticket is shown as text & never run.");
        await Add("internal-vpn", "VPN concentrator restart procedure", "Restart vpn-gw-02 from the console; page the network on-call first.", visibility: ArticleVisibility.Internal);
        // Two articles alike but for their category, for the category preference.
        await Add("badge-general", "Reset a forgotten badge PIN", "Ask reception for a new badge PIN.", category: Desk.General);
        await Add("badge-network", "Reset a forgotten badge PIN", "Ask reception for a new badge PIN.", category: Desk.Network);
        await Add("draft-vpn", "VPN client 7 rollout notes", "Draft: the new VPN client ships next month.", publish: false);
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();
}

public sealed class ArticleSearchTests(SearchCorpus corpus) : IClassFixture<SearchCorpus>
{
    private IArticleSearch Search => corpus.Db.Get<IArticleSearch>();

    private Task<IReadOnlyList<ArticleHit>> AgentSearchAsync(string text, SearchMatch match = SearchMatch.AllWords) =>
        Search.SearchAsync(corpus.Desk.Dana, new ArticleSearchQuery(text) { Match = match });

    [Fact]
    public async Task ATitleMatchOutranksABodyMatch()
    {
        var hits = (await AgentSearchAsync("vpn")).Select(h => h.Id).ToList();

        // Both articles with VPN in the title come before the one with VPN only in its body.
        Assert.Equal(3, hits.Count);
        Assert.Equal(corpus.Ids["vpn-body"], hits[^1]);
        Assert.Equal(new[] { corpus.Ids["internal-vpn"], corpus.Ids["vpn-title"] }.Order(), hits.Take(2).Order());
    }

    [Fact]
    public async Task TagsAreSearchable()
    {
        var hits = await AgentSearchAsync("mfa");

        Assert.Equal([corpus.Ids["outlook"]], hits.Select(h => h.Id));
        Assert.Equal([corpus.Ids["vpn-title"]], (await AgentSearchAsync("remote access")).Select(h => h.Id));
    }

    [Fact]
    public async Task MatchesAreMarkedInTheTitleAndTheSnippet()
    {
        var hit = Assert.Single(await AgentSearchAsync("tray"));

        Assert.Equal("Printer jams in <mark>tray</mark> 2", hit.Title.Value);
        // The snippet is the body as plain text (no Markdown asterisks), matches marked.
        Assert.Equal("Open <mark>tray</mark> 2, remove the paper and fan the stack before loading it again.", hit.Snippet.Value);
    }

    [Fact]
    public async Task TextAroundAMatchIsEncodedNotRendered()
    {
        var hit = Assert.Single(await AgentSearchAsync("tags show"));

        Assert.Equal("Why &lt;b&gt;bold&lt;/b&gt; &amp; other <mark>tags</mark> <mark>show</mark>", hit.Title.Value);
        Assert.DoesNotContain("<script", hit.Snippet.Value);
        // The Markdown renderer drops the script element, so its text is not even indexed.
        Assert.Empty(await AgentSearchAsync("alert"));
    }

    [Fact]
    public async Task TheLastWordIsMatchedAsAPrefixWhileSomeoneTypes()
    {
        Assert.Equal([corpus.Ids["outlook"]], (await AgentSearchAsync("outlook passw")).Select(h => h.Id));
    }

    [Fact]
    public async Task WordsAreStemmedSoPluralsAndVerbsFindEachOther()
    {
        Assert.Contains(corpus.Ids["printer"], (await AgentSearchAsync("jamming printers")).Select(h => h.Id));
    }

    [Fact]
    public async Task AnyWordSearchRanksArticlesMatchingMoreWordsFirst()
    {
        var hits = await AgentSearchAsync("my vpn does not connect at home", SearchMatch.AnyWord);

        Assert.Equal(corpus.Ids["vpn-title"], hits[0].Id);
    }

    [Theory]
    [InlineData("badge-general")]
    [InlineData("badge-network")]
    public async Task APreferredCategoryRanksFirst(string preferred)
    {
        var category = preferred == "badge-general" ? corpus.Desk.General : corpus.Desk.Network;

        var hits = await Search.SearchAsync(corpus.Desk.Dana, new ArticleSearchQuery("forgotten badge")
        {
            Match = SearchMatch.AnyWord, PreferCategoryIds = [category],
        });

        Assert.Equal(corpus.Ids[preferred], hits[0].Id);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"\"\"")]
    [InlineData("vpn\"")]
    [InlineData("AND OR NOT")]
    [InlineData("vpn AND")]
    [InlineData("NEAR(vpn home)")]
    [InlineData("title:vpn")]
    [InlineData("{Title}: vpn")]
    [InlineData("vpn*")]
    [InlineData("*")]
    [InlineData("^vpn")]
    [InlineData("-vpn +home")]
    [InlineData("(vpn")]
    [InlineData("vpn) OR (")]
    [InlineData("'; DROP TABLE Articles; --")]
    [InlineData("o'clock")]
    [InlineData("e-mail")]
    [InlineData("C:\\Users\\alice")]
    [InlineData("http://intranet/vpn?x=1&y=2")]
    [InlineData("HD-1042")]
    [InlineData("--- *** ???")]
    [InlineData("   ")]
    [InlineData("\u0000vpn")]
    [InlineData("\uE000vpn\uE001")]
    [InlineData("日本語 ü é")]
    public async Task PunctuationAndOperatorsNeverThrow(string typed)
    {
        foreach (var match in Enum.GetValues<SearchMatch>())
            await Search.SearchAsync(corpus.Desk.Alice, new ArticleSearchQuery(typed) { Match = match });
    }

    [Fact]
    public async Task OperatorsTypedAreSearchedAsWords()
    {
        // Unescaped, "Title:vpn" would be a column filter finding both VPN titles; quoted it is the phrase "title vpn".
        Assert.Empty(await AgentSearchAsync("Title:vpn"));
        Assert.Empty(await AgentSearchAsync("vpn NOT home"));
        Assert.Equal([corpus.Ids["outlook"]], (await AgentSearchAsync("e-mail")).Select(h => h.Id));
    }

    [Fact]
    public async Task ARequestersSearchNeverReturnsInternalOrDraftArticles()
    {
        var hits = await Search.SearchAsync(corpus.Desk.Alice, new ArticleSearchQuery("vpn")
        {
            // Even asking for drafts and archived articles gets published ones only.
            States = [ArticleState.Draft, ArticleState.Published, ArticleState.Archived],
        });

        Assert.Equal([corpus.Ids["vpn-title"], corpus.Ids["vpn-body"]], hits.Select(h => h.Id));
    }

    [Fact]
    public async Task StaffFindDraftsOnlyWhenTheyAskForThem()
    {
        Assert.DoesNotContain(corpus.Ids["draft-vpn"], (await AgentSearchAsync("vpn")).Select(h => h.Id));

        var drafts = await Search.SearchAsync(corpus.Desk.Dana, new ArticleSearchQuery("vpn") { States = [ArticleState.Draft] });
        Assert.Equal([corpus.Ids["draft-vpn"]], drafts.Select(h => h.Id));
    }
}
