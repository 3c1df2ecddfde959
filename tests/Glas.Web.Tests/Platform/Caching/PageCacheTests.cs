using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Glas.Web.Platform.Caching;
using Glas.Web.Tests.Consultations;
using Glas.Web.Tests.TestSupport;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Caching;

[Trait("Category", "Integration")]
public class PageCacheTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        headers?.Invoke(request.Headers);
        return await client.SendAsync(request);
    }

    private async Task<(HttpClient Official, Guid Id, string Url)> OpenConsultationAsync()
    {
        var official = app.Client();
        await official.SignInAsync("official.sliven@example.org");
        var id = await ConsultationSteps.OpenAsync(app, official, articles: 4);
        return (official, id, $"/consultations/{id}");
    }

    [Fact]
    public async Task An_anonymous_page_is_served_from_the_cache_until_a_comment_evicts_it()
    {
        var (_, id, url) = await OpenConsultationAsync();
        var reader = app.Client();
        var first = await GetAsync(reader, url);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.Age.ShouldBeNull();
        var second = await GetAsync(reader, url);
        second.Headers.Age.ShouldNotBeNull(); // the output cache answered
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());

        var citizen = app.Client();
        await citizen.SignInAsync("citizen@example.org");
        var text = "Кешът трябва да види това " + Guid.NewGuid().ToString("N")[..6];
        (await ConsultationSteps.CommentAsync(citizen, id, text)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The next anonymous read, at once, shows it.
        var after = await GetAsync(reader, url);
        after.Headers.Age.ShouldBeNull();
        (await after.Content.ReadAsStringAsync()).ShouldContain(text);
    }

    [Fact]
    public async Task Signed_in_requests_bypass_the_cache_and_nothing_personal_reaches_anonymous_readers()
    {
        var (_, _, url) = await OpenConsultationAsync();
        var citizen = app.Client();
        await citizen.SignInAsync("citizen@example.org");
        // Signed in, twice: never from the cache, and the page carries the person's own things.
        for (var i = 0; i < 2; i++)
        {
            var mine = await GetAsync(citizen, url);
            mine.Headers.Age.ShouldBeNull();
            var html = await mine.Content.ReadAsStringAsync();
            html.ShouldContain("__RequestVerificationToken");
            html.ShouldContain("/account/logout", Case.Insensitive);
        }
        var reader = app.Client();
        await GetAsync(reader, url);
        var cached = await GetAsync(reader, url);
        cached.Headers.Age.ShouldNotBeNull();
        var page = await cached.Content.ReadAsStringAsync();
        page.ShouldNotContain("__RequestVerificationToken");
        page.ShouldNotContain("Гражданин");
        page.ShouldNotContain("/account/logout", Case.Insensitive);
        page.ShouldNotContain("notifications", Case.Insensitive);
        cached.Headers.Contains("Set-Cookie").ShouldBeFalse();
    }

    [Fact]
    public async Task A_page_with_a_form_for_anonymous_visitors_is_never_cached()
    {
        var reader = app.Client();
        await GetAsync(reader, "/subscriptions");
        var again = await GetAsync(reader, "/subscriptions");
        again.Headers.Age.ShouldBeNull();
        (await again.Content.ReadAsStringAsync()).ShouldContain("__RequestVerificationToken");
    }

    [Fact]
    public async Task Entries_vary_by_administration_language_and_query()
    {
        var reader = app.Client();
        var sliven = await (await GetAsync(reader, "/consultations")).Content.ReadAsStringAsync();
        var levski = await (await GetAsync(reader, "/t/levski/consultations")).Content.ReadAsStringAsync();
        sliven.ShouldContain("Община Сливен");
        levski.ShouldContain("Община Левски");
        levski.ShouldNotContain("Община Сливен</span>");
        var english = await (await GetAsync(reader, "/consultations?culture=en")).Content.ReadAsStringAsync();
        english.ShouldContain("<html lang=\"en\"");
        (await (await GetAsync(reader, "/consultations")).Content.ReadAsStringAsync()).ShouldContain("<html lang=\"bg\"");
        var open = await (await GetAsync(reader, "/consultations?status=open")).Content.ReadAsStringAsync();
        open.ShouldNotBe(sliven);
    }

    [Fact]
    public async Task Answers_carry_an_entity_tag_honour_If_None_Match_and_are_compressed_once_per_encoding()
    {
        var reader = app.Client();
        var first = await GetAsync(reader, "/consultations");
        var tag = first.Headers.ETag.ShouldNotBeNull();
        first.Content.Headers.LastModified.ShouldNotBeNull();
        var notModified = await GetAsync(reader, "/consultations", h => h.IfNoneMatch.Add(tag));
        notModified.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        (await notModified.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();

        var html = await first.Content.ReadAsStringAsync();
        foreach (var encoding in new[] { "br", "gzip" })
        {
            for (var i = 0; i < 2; i++)
            {
                var compressed = await GetAsync(reader, "/consultations", h => h.AcceptEncoding.ParseAdd(encoding));
                compressed.Content.Headers.ContentEncoding.ShouldBe([encoding]);
                compressed.Headers.ETag!.Tag.ShouldNotBe(tag.Tag); // each encoding has its own tag
                var bytes = await compressed.Content.ReadAsByteArrayAsync();
                bytes.Length.ShouldBeLessThan(html.Length / 3);
                using var input = new MemoryStream(bytes);
                await using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
                using var text = new StreamReader(decoder);
                (await text.ReadToEndAsync()).ShouldBe(html);
                if (i == 1)
                {
                    compressed.Headers.Age.ShouldNotBeNull(); // the second is the stored compressed copy
                }
            }
        }
        // An encoding the client refuses is not used.
        var refused = await GetAsync(reader, "/consultations", h => h.AcceptEncoding.ParseAdd("br;q=0, gzip"));
        refused.Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
    }

    [Fact]
    public async Task An_eviction_by_another_node_reaches_this_one_within_a_second()
    {
        var reader = app.Client();
        await GetAsync(reader, "/t/levski/projects");
        (await GetAsync(reader, "/t/levski/projects")).Headers.Age.ShouldNotBeNull();

        // Another node (its own evictor, its own local store) writes and evicts: it tells the others through PostgreSQL.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Glas"] = app.ConnectionString }).Build();
        var otherNode = new CacheEvictor(new OtherNodeStore(), configuration, NullLogger<CacheEvictor>.Instance);
        var levski = await app.WithDbAsync(db => Task.FromResult(db.CurrentTenantId!.Value), "levski");
        await otherNode.EvictAsync([CacheScopes.Area(levski, "projects")]);

        var started = DateTime.UtcNow;
        while ((await GetAsync(reader, "/t/levski/projects")).Headers.Age is not null)
        {
            (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
        // Another administration keeps its entries when one area of Левски is evicted.
        await GetAsync(reader, "/projects");
        await otherNode.EvictAsync([CacheScopes.Area(levski, "consultations")]);
        await Task.Delay(300);
        (await GetAsync(reader, "/projects")).Headers.Age.ShouldNotBeNull();
    }

    [Fact]
    public async Task Health_checks_and_the_culture_switch_are_never_cached_and_the_switch_needs_our_origin()
    {
        var reader = app.Client(followRedirects: false);
        await GetAsync(reader, "/readyz");
        (await GetAsync(reader, "/readyz")).Headers.Age.ShouldBeNull();

        // The anonymous page's switch carries no token; from our own page it works, from elsewhere it is refused.
        var page = await reader.GetPageAsync("/consultations");
        var form = page.QuerySelector("form.lang-switch")!;
        form.QuerySelector("input[name=__RequestVerificationToken]").ShouldBeNull();
        async Task<HttpResponseMessage> SwitchAsync(string? origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action"))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/consultations" }),
            };
            if (origin is not null)
            {
                request.Headers.Add("Origin", origin);
            }
            return await reader.SendAsync(request);
        }
        (await SwitchAsync("https://evil.example")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await SwitchAsync(null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var switched = await SwitchAsync("http://localhost");
        switched.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        switched.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith(".Glas.Culture=", StringComparison.Ordinal));
    }

    /// <summary>The other node's own memory: what it evicts there does not concern this node.</summary>
    private sealed class OtherNodeStore : IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
