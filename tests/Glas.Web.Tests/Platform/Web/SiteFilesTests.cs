using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Web;

/// <summary>What feed readers, crawlers and browsers ask of every site: feeds with conditional GET, autodiscovery, robots, sitemaps, icons, metadata.</summary>
[Trait("Category", "Integration")]
public partial class SiteFilesTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Theory]
    [InlineData("/t/levski/feed.atom")]
    [InlineData("/t/levski/consultations/feed.atom")]
    [InlineData("/t/levski/projects/feed.atom")]
    [InlineData("/t/levski/sitemap.xml")]
    public async Task Feeds_and_sitemaps_answer_HEAD_and_conditional_GET(string path)
    {
        var client = app.Client();
        var get = await client.GetAsync(path);
        get.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = get.Headers.ETag.ShouldNotBeNull();
        var modified = get.Content.Headers.LastModified.ShouldNotBeNull();

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
        head.StatusCode.ShouldBe(HttpStatusCode.OK);
        head.Headers.ETag.ShouldBe(etag);
        (await head.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();

        var byTag = new HttpRequestMessage(HttpMethod.Get, path);
        byTag.Headers.IfNoneMatch.Add(etag);
        (await client.SendAsync(byTag)).StatusCode.ShouldBe(HttpStatusCode.NotModified);

        var byDate = new HttpRequestMessage(HttpMethod.Get, path);
        byDate.Headers.IfModifiedSince = modified;
        (await client.SendAsync(byDate)).StatusCode.ShouldBe(HttpStatusCode.NotModified);

        var stale = new HttpRequestMessage(HttpMethod.Get, path);
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"other\""));
        (await client.SendAsync(stale)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_feed_keeps_its_id_under_every_host_name_and_says_its_language_and_page()
    {
        async Task<XElement> Feed(string path, string host)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = host;
            return XDocument.Parse(await (await app.Client().SendAsync(request)).Content.ReadAsStringAsync()).Root!;
        }
        var underPath = await Feed("/t/levski/consultations/feed.atom", "localhost");
        var underHost = await Feed("/consultations/feed.atom", "levski.localhost");
        underPath.Element(Atom + "id")!.Value.ShouldStartWith("urn:uuid:");
        underHost.Element(Atom + "id")!.Value.ShouldBe(underPath.Element(Atom + "id")!.Value);
        underPath.Attribute(XNamespace.Xml + "lang")!.Value.ShouldBe("bg");
        underPath.Elements(Atom + "link").Single(l => l.Attribute("rel")?.Value == "alternate").Attribute("href")!.Value
            .ShouldBe("http://localhost:5080/t/levski/consultations");
        (await Feed("/t/levski/projects/feed.atom", "localhost")).Element(Atom + "id")!.Value.ShouldNotBe(underPath.Element(Atom + "id")!.Value);
    }

    [Fact]
    public async Task A_consultation_is_published_in_the_feed_when_it_opened()
    {
        var feed = XDocument.Parse(await app.Client().GetStringAsync("/t/levski/consultations/feed.atom")).Root!;
        var entry = feed.Elements(Atom + "entry").First();
        var id = Guid.Parse(entry.Element(Atom + "id")!.Value["urn:uuid:".Length..]);
        var opened = await app.WithDbAsync(db => db.Consultations.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => c.OpensAt).SingleAsync());
        DateTimeOffset.Parse(entry.Element(Atom + "published")!.Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(opened, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Pages_name_their_feeds_permanent_address_languages_and_description()
    {
        var page = await app.Client().GetPageAsync("/t/levski/consultations?status=Open&culture=en");
        var feeds = page.QuerySelectorAll("link[rel=alternate][type='application/atom+xml']").Select(l => l.GetAttribute("href")).ToList();
        feeds.ShouldBe(["/t/levski/feed.atom", "/t/levski/consultations/feed.atom"]);
        page.QuerySelector("link[rel=canonical]")!.GetAttribute("href").ShouldBe("http://localhost:5080/t/levski/consultations?status=Open");
        page.QuerySelector("link[hreflang=bg]")!.GetAttribute("href").ShouldBe("http://localhost:5080/t/levski/consultations?status=Open&culture=bg-BG");
        page.QuerySelector("link[hreflang=en]")!.GetAttribute("href").ShouldBe("http://localhost:5080/t/levski/consultations?status=Open&culture=en");
        page.QuerySelector("meta[name=description]")!.GetAttribute("content")!.ShouldContain("Levski");
        page.QuerySelector("meta[property='og:url']")!.GetAttribute("content").ShouldBe("http://localhost:5080/t/levski/consultations?status=Open");
        page.QuerySelector("link[rel=icon]")!.GetAttribute("href").ShouldBe("/t/levski/favicon.svg");
        page.QuerySelector("script[type='application/ld+json']").ShouldBeNull();

        var home = await app.Client().GetPageAsync("/t/levski/");
        var data = JsonDocument.Parse(home.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        data.GetProperty("@type").GetString().ShouldBe("GovernmentOrganization");
        data.GetProperty("name").GetString().ShouldBe("Община Левски");
        data.GetProperty("url").GetString().ShouldBe("http://localhost:5080/t/levski");
    }

    [Fact]
    public async Task Every_time_element_carries_a_valid_machine_readable_moment()
    {
        var id = await app.WithDbAsync(db => db.Consultations.Select(c => c.Id).FirstAsync(), "sliven");
        var page = await app.Client().GetPageAsync($"/consultations/{id}");
        var moments = page.QuerySelectorAll("time[datetime]").Select(t => t.GetAttribute("datetime")!).ToList();
        moments.ShouldNotBeEmpty();
        moments.ShouldAllBe(m => Moment().IsMatch(m));
    }

    [Fact]
    public async Task Robots_keep_crawlers_out_of_personal_pages_and_point_to_every_sitemap()
    {
        var robots = await app.Client().GetStringAsync("/robots.txt");
        robots.ShouldContain("Disallow: /account/");
        robots.ShouldContain("Disallow: /t/*/admin");
        foreach (var sitemap in new[] { "http://localhost:5080/sitemap.xml", "http://localhost:5080/t/levski/sitemap.xml", "http://localhost:5080/t/yugoiztochen/sitemap.xml" })
        {
            robots.ShouldContain("Sitemap: " + sitemap + "\n");
        }

        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urls = XDocument.Parse(await app.Client().GetStringAsync("/t/levski/sitemap.xml")).Root!.Elements(sm + "url").Select(u => u.Element(sm + "loc")!.Value).ToList();
        urls.ShouldAllBe(u => u.StartsWith("http://localhost:5080/t/levski/", StringComparison.Ordinal));
        urls.ShouldContain("http://localhost:5080/t/levski/consultations");
        urls.ShouldContain(u => u.StartsWith("http://localhost:5080/t/levski/projects/", StringComparison.Ordinal));
        urls.ShouldNotContain(u => u.Contains("/account", StringComparison.Ordinal) || u.Contains("/admin", StringComparison.Ordinal));
        urls.Distinct().Count().ShouldBe(urls.Count);
    }

    [Fact]
    public async Task The_icon_is_served_where_browsers_look_for_it()
    {
        var ico = await app.Client(followRedirects: false).GetAsync("/favicon.ico");
        ico.StatusCode.ShouldBe(HttpStatusCode.MovedPermanently);
        ico.Headers.Location!.OriginalString.ShouldBe("/favicon.svg");
        var svg = await app.Client().GetAsync("/favicon.svg");
        svg.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex Moment();
}
