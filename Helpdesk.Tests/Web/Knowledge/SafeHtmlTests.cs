using System.Text.RegularExpressions;
using Bunit;
using Helpdesk.Core.Knowledge.Rendering;
using Helpdesk.Tests.Support;
using Helpdesk.Web.Features.Knowledge;

namespace Helpdesk.Tests.Web.Knowledge;

public sealed class SafeHtmlTests : BunitContext
{
    [Fact]
    public void ItWritesTheSanitizedMarkupAsHtml()
    {
        var html = new MarkdownRenderer().ToHtml("**Restart** it <img src=x onerror=alert(1)>");

        var view = Render<SafeHtml>(p => p.Add(s => s.Html, html).Add(s => s.Class, "hd-article-body"));

        Assert.Equal("Restart", view.Find(".hd-article-body strong").TextContent);
        Assert.Null(view.Find("img").GetAttribute("onerror"));
    }

    [Fact]
    public void NothingIsWrittenForEmptyHtml()
    {
        var view = Render<SafeHtml>(p => p.Add(s => s.Html, SanitizedHtml.Empty));

        Assert.Equal("", view.Markup.Trim());
    }

    [Fact]
    public void OnlySafeHtmlWritesRawMarkup()
    {
        // A MarkupString anywhere else could carry unsanitized text to the page.
        var web = Path.Combine(TestPaths.RepoRoot, "Helpdesk.Web");
        var offenders = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Path.GetFileName(f) != "SafeHtml.razor" && Regex.IsMatch(File.ReadAllText(f), @"\bMarkupString\b|AddMarkupContent"))
            .Select(f => Path.GetRelativePath(web, f));

        Assert.Empty(offenders);
    }
}
