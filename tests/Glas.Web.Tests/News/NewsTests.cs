using System.Net;
using System.Text.Json;
using Glas.Web.News;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.News;

/// <summary>News over HTTP: who may write, what the public sees and when, the API and the feeds.</summary>
[Trait("Category", "Integration")]
public class NewsTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private async Task<HttpClient> As(string? email, string prefix = "")
    {
        var client = app.Client(followRedirects: false);
        if (email is not null)
        {
            await client.SignInAsync(email, prefix: prefix);
        }
        return client;
    }

    /// <summary>Posts the news form with its antiforgery token (repeated fields allowed).</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, IEnumerable<(string Key, string Value)> fields, string? action = null)
    {
        var token = Forms.Token(await client.GetPageAsync(page));
        var values = fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(values));
    }

    private static (string, string)[] Fields(string title, string body = "Текст на новината.", string publishAt = "", bool draft = false, params string[] topics) =>
    [
        ("Input.Title", title), ("Input.Summary", "Кратко резюме."), ("Input.Body", body), ("Input.PublishAt", publishAt),
        ("Input.Draft", draft ? "true" : "false"), .. topics.Select(t => ("Input.Topics", t)),
    ];

    /// <summary>Whether the page sends the signed-in person to "access denied".</summary>
    private static async Task<bool> Denied(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/access-denied", StringComparison.Ordinal);
    }

    private Task<NewsPost?> PostAsync(string title) =>
        app.WithDbAsync(db => db.NewsPosts.IgnoreQueryFilters().Include(p => p.Links).FirstOrDefaultAsync(p => p.Title == title));

    [Fact]
    public async Task Only_the_administrations_officials_write_news()
    {
        var title = "Нова новина " + Guid.NewGuid().ToString("N")[..6];
        (await (await As(null)).GetAsync("/news/new")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Denied(await As("citizen@example.org"), "/news/new")).ShouldBeTrue();
        (await Denied(await As("official.levski@example.org"), "/news/new")).ShouldBeTrue(); // an official of Левски, in Сливен
        (await Denied(await As("citizen@example.org"), "/news/manage")).ShouldBeTrue();

        var official = await As("official.sliven@example.org");
        // No antiforgery token: refused.
        (await official.PostAsync("/news/new", new FormUrlEncodedContent(Fields(title).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)))))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var saved = await PostFormAsync(official, "/news/new", Fields(title, topics: ["budget", "urban"]));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var post = (await PostAsync(title)).ShouldNotBeNull();
        post.Topics.ShouldBe(["budget", "urban"]);
        saved.Headers.Location!.ToString().ShouldBe($"/news/{post.Id}");
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().AnyAsync(a => a.Action == "news.create" && a.Subject == $"news:{post.Id}"))).ShouldBeTrue();

        // Another administration's official can neither see the form of this post nor change or delete it.
        var levski = await As("official.levski@example.org", "/t/levski");
        (await levski.GetAsync($"/t/levski/news/{post.Id}/edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostFormAsync(levski, "/t/levski/news/new", Fields("Чужда промяна"), $"/t/levski/news/{post.Id}/edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostFormAsync(levski, "/t/levski/news/new", [], $"/t/levski/news/{post.Id}/edit?handler=delete")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostAsync(title)).ShouldNotBeNull().Title.ShouldBe(title);

        // And the post is not found under another administration at all.
        (await (await As(null)).GetAsync($"/t/levski/news/{post.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await As(null)).GetAsync($"/t/levski/api/v1/news/{post.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Edit, then delete.
        (await PostFormAsync(official, $"/news/{post.Id}/edit", Fields(title + " (поправена)"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(title + " (поправена)")).ShouldNotBeNull();
        (await PostFormAsync(official, $"/news/{post.Id}/edit", [], $"/news/{post.Id}/edit?handler=delete")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(title + " (поправена)")).ShouldBeNull();
    }

    [Fact]
    public async Task Hostile_input_gets_messages_beside_its_fields_and_saves_nothing()
    {
        var official = await As("official.sliven@example.org");
        var title = "Злонамерена " + Guid.NewGuid().ToString("N")[..6];
        var response = await PostFormAsync(official, "/news/new",
        [
            ("Input.Title", title + "\u202Eтxt.exe"), ("Input.Summary", ""), ("Input.Body", new string('я', 50001)), ("Input.PublishAt", "'; DROP TABLE \"NewsPosts\";--"),
            ("Input.Topics", "<script>"), ("Input.Links", $"consultations:{Guid.NewGuid()}"), ("Input.Draft", "false"),
        ]);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.FieldError("Input.Title").ShouldContain("непозволени знаци");
        page.FieldError("Input.Summary").ShouldBe("Въведете кратко резюме.");
        page.FieldError("Input.Body").ShouldBe("Текстът е до 50 000 знака.");
        page.FieldError("Input.PublishAt").ShouldStartWith("Въведете дата и час");
        page.GetElementById("Input_Topics-error")!.TextContent.ShouldBe("Изберете от изброените теми.");
        page.GetElementById("Input_Links-error")!.TextContent.ShouldBe("Изберете от изброените елементи на администрацията.");
        (await app.WithDbAsync(db => db.NewsPosts.IgnoreQueryFilters().AnyAsync(p => p.Title.StartsWith(title)))).ShouldBeFalse();

        // A link to another administration's consultation is not among the choices either.
        var levskiConsultation = await app.WithDbAsync(db => db.Consultations.Select(c => c.Id).FirstAsync(), "levski");
        var other = await PostFormAsync(official, "/news/new", [.. Fields(title), ("Input.Links", $"consultations:{levskiConsultation}")]);
        (await other.ParseAsync()).GetElementById("Input_Links-error").ShouldNotBeNull();
    }

    [Fact]
    public async Task Markdown_with_scripts_renders_inert_and_emoji_and_cyrillic_survive()
    {
        var official = await As("official.sliven@example.org");
        var title = "Безопасен текст 🎉 " + Guid.NewGuid().ToString("N")[..6];
        var body = "**Важно** <script>alert('x')</script> [клик](javascript:alert(1)) <iframe src=https://evil.example></iframe> <img src=x onerror=alert(1)> ![s](data:image/svg+xml,<svg onload=alert(1)>)";
        (await PostFormAsync(official, "/news/new", Fields(title, body))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var post = (await PostAsync(title)).ShouldNotBeNull();
        var page = await (await As(null)).GetPageAsync($"/news/{post.Id}");
        page.QuerySelector("h1")!.TextContent.ShouldBe(title);
        var shown = page.GetElementById("post-body")!;
        shown.QuerySelector("strong")!.TextContent.ShouldBe("Важно");
        shown.QuerySelectorAll("script, iframe, img, svg").Length.ShouldBe(0);
        foreach (var element in shown.QuerySelectorAll("*"))
        {
            element.Attributes.Select(a => a.Name).ShouldNotContain(n => n.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            (element.GetAttribute("href") ?? "").ShouldNotContain("javascript:", Case.Insensitive);
        }
        // The API gives the Markdown as written and the same safe HTML.
        var json = JsonDocument.Parse(await (await As(null)).GetStringAsync($"/api/v1/news/{post.Id}")).RootElement;
        json.GetProperty("body").GetString().ShouldBe(body);
        json.GetProperty("bodyHtml").GetString()!.ShouldNotContain("<script", Case.Insensitive);
    }

    [Fact]
    public async Task Drafts_and_scheduled_posts_stay_private_until_due()
    {
        var official = await As("official.sliven@example.org");
        var draft = "Чернова " + Guid.NewGuid().ToString("N")[..6];
        var later = "Насрочена " + Guid.NewGuid().ToString("N")[..6];
        var due = app.Clock.GetUtcNow().AddHours(3);
        var local = Glas.Web.Platform.Localization.Formats.ToSofia(due).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        (await PostFormAsync(official, "/news/new", Fields(draft, draft: true))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostFormAsync(official, "/news/new", Fields(later, publishAt: local))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var draftPost = (await PostAsync(draft)).ShouldNotBeNull();
        var laterPost = (await PostAsync(later)).ShouldNotBeNull();

        var anonymous = await As(null);
        (await anonymous.GetAsync($"/news/{draftPost.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/news/{laterPost.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetStringAsync("/news")).ShouldNotContain(later);
        (await anonymous.GetStringAsync("/api/v1/news?pageSize=100")).ShouldNotContain(later);
        (await anonymous.GetStringAsync("/news/feed.atom")).ShouldNotContain(later);
        // The officials see them, marked.
        (await official.GetPageAsync($"/news/{laterPost.Id}")).GetElementById("post-status")!.TextContent.ShouldStartWith("Насрочена за публикуване на");
        (await official.GetStringAsync("/news/manage")).ShouldContain(draft);

        app.Clock.Advance(TimeSpan.FromHours(4));
        (await anonymous.GetAsync($"/news/{laterPost.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetStringAsync("/news")).ShouldContain(later);
        (await anonymous.GetAsync($"/news/{draftPost.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_api_pages_filters_and_answers_bad_requests_with_problem_details()
    {
        var official = await As("official.sliven@example.org");
        var stamp = Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 3; i++)
        {
            (await PostFormAsync(official, "/news/new", Fields($"Култура {stamp} {i}", topics: ["culture"]))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var client = await As(null);
        var page1 = JsonDocument.Parse(await client.GetStringAsync("/api/v1/news?topic=culture&pageSize=2")).RootElement;
        page1.GetProperty("page").GetInt32().ShouldBe(1);
        page1.GetProperty("pageSize").GetInt32().ShouldBe(2);
        var total = page1.GetProperty("total").GetInt32();
        total.ShouldBeGreaterThanOrEqualTo(3);
        var items = page1.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(2);
        items.ShouldAllBe(i => i.GetProperty("topics").EnumerateArray().Any(t => t.GetString() == "culture"));
        items[0].GetProperty("url").GetString()!.ShouldStartWith("http://localhost:5080/news/");
        var page2 = JsonDocument.Parse(await client.GetStringAsync("/api/v1/news?topic=culture&pageSize=2&page=2")).RootElement;
        page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString())
            .ShouldNotContain(items[0].GetProperty("id").GetString());

        // Another administration's news are not listed.
        (await client.GetStringAsync("/t/levski/api/v1/news?pageSize=100")).ShouldNotContain(stamp);

        foreach (var (query, field) in new[] { ("page=0", "page"), ("pageSize=1000", "pageSize"), ("pageSize=0", "pageSize"), ("topic=%3Cscript%3E", "topic"), ("topic=x'%20OR%201=1", "topic") })
        {
            var response = await client.GetAsync("/api/v1/news?" + query);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", query);
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(query);
        }
        var wrongType = await client.GetAsync("/api/v1/news?page=abc");
        wrongType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        wrongType.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var missing = await client.GetAsync($"/api/v1/news/{Guid.NewGuid()}");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Demo_news_and_the_topic_feeds()
    {
        var client = await As(null);
        var haskovo = await client.GetPageAsync("/t/haskovo/news");
        haskovo.QuerySelector(".news-list h3 a")!.TextContent.ShouldBe(NewsDemoData.PrestigeTitle);
        var id = await app.WithDbAsync(db => db.NewsPosts.Where(p => p.Title == NewsDemoData.PrestigeTitle).Select(p => p.Id).SingleAsync(), "haskovo");
        var post = await client.GetPageAsync($"/t/haskovo/news/{id}");
        post.GetElementById("post-body")!.TextContent.ShouldContain("52 405.20 лева");
        post.GetElementById("post-body")!.TextContent.ShouldContain("44 544,42 лева европейско финансиране");
        post.QuerySelector(".news-links a")!.TextContent.ShouldBe("„Престиж“");

        var feed = await client.GetAsync("/t/haskovo/news/topics/participation/feed.atom");
        feed.StatusCode.ShouldBe(HttpStatusCode.OK);
        feed.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        (await feed.Content.ReadAsStringAsync()).ShouldContain(NewsDemoData.PrestigeTitle);
        (await client.GetStringAsync("/t/haskovo/news/topics/culture/feed.atom")).ShouldNotContain(NewsDemoData.PrestigeTitle);
        (await client.GetAsync("/news/topics/nope/feed.atom")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetStringAsync("/t/haskovo/news/feed.atom")).ShouldContain(NewsDemoData.PrestigeTitle);
        // An unknown topic on the page is said, not an error.
        (await client.GetPageAsync("/news?topic=%3Cb%3E")).QuerySelector(".filters .field-error").ShouldNotBeNull();
    }
}
