using AngleSharp.Html.Parser;
using Glas.Web.Platform.Web;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Web;

/// <summary>Markdown written by staff renders as ordinary markup, and every XSS vector in it comes out inert.</summary>
[Trait("Category", "Unit")]
public class SafeMarkdownTests
{
    public static TheoryData<string> Attacks => new()
    {
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<img src=x onerror=alert(1)>",
        "<a href=\"#\" onclick=\"alert(1)\">клик</a>",
        "<div onmouseover=\"alert(1)\">текст</div>",
        "[клик](javascript:alert(1))",
        "[клик](JaVaScRiPt:alert(1))",
        "[клик](java&#x09;script:alert(1))",
        "[клик]( javascript:alert(1) )",
        "[клик](vbscript:msgbox(1))",
        "[клик](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![картинка](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x](https://evil.example/track.png \"title\" onerror=alert(1))",
        "<svg onload=alert(1)><circle r=1 /></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<object data=\"https://evil.example/x.swf\"></object>",
        "<embed src=\"https://evil.example/x.swf\">",
        "<form action=\"https://evil.example\"><input name=x></form>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<p style=\"background:url(javascript:alert(1))\">текст</p>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<base href=\"https://evil.example/\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[x](<javascript:alert(1)>)",
        "<javascript:alert(1)>",
        "`<script>` е код, а <b onclick=alert(1)>това</b> не е",
        "<<script>script>alert(1)<</script>/script>",
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public void An_attack_renders_inert(string markdown)
    {
        var html = SafeMarkdown.ToHtml(markdown);
        var doc = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        doc.QuerySelectorAll("script, iframe, object, embed, form, input, style, meta, base, svg, math, img").Length.ShouldBe(0, html);
        foreach (var element in doc.Body!.QuerySelectorAll("*"))
        {
            element.Attributes.Where(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || a.Name == "style").ShouldBeEmpty(html);
            if (element.GetAttribute("href") is { } href)
            {
                var scheme = href.Trim().Split(':')[0].ToLowerInvariant();
                (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                    || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || !href.Contains(':', StringComparison.Ordinal)).ShouldBeTrue($"{scheme}: {html}");
            }
        }
        // What is left of the attack is text: escaped, never markup or an address.
        doc.Body.QuerySelectorAll("[href], [src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src") ?? "")
            .ShouldAllBe(a => !a.Contains("javascript:", StringComparison.OrdinalIgnoreCase) && !a.Contains("data:", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Ordinary_markdown_keeps_its_markup_and_links_leave_safely()
    {
        var html = SafeMarkdown.ToHtml("## Резултати\n\n**Важно:** вижте [отчета](https://sliven.bg/otchet) и пишете на <obshtina@sliven.bg>.\n\n- едно\n- две\n\n| а | б |\n|---|---|\n| 1 | 2 |");
        html.ShouldContain("<h2>Резултати</h2>");
        html.ShouldContain("<strong>Важно:</strong>");
        html.ShouldContain("<a href=\"https://sliven.bg/otchet\" rel=\"noopener noreferrer nofollow\">отчета</a>");
        html.ShouldContain("href=\"mailto:obshtina@sliven.bg\"");
        html.ShouldContain("<li>едно</li>");
        html.ShouldContain("<td>2</td>");
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_markup()
    {
        var html = SafeMarkdown.ToHtml("Текст <b>удебелен</b> & <i>наклонен</i>");
        html.ShouldNotContain("<b>");
        html.ShouldContain("&lt;b&gt;удебелен&lt;/b&gt;");
    }

    [Fact]
    public void Empty_text_is_empty_and_plain_text_drops_markup()
    {
        SafeMarkdown.ToHtml(null).ShouldBe("");
        SafeMarkdown.ToHtml("   ").ShouldBe("");
        SafeMarkdown.ToPlainText("**Важно** [връзка](https://a.bg)").ShouldBe("Важно връзка");
    }
}
