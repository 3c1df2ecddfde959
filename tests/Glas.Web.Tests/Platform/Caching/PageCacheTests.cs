using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using Glas.Web.Consultations;
using Glas.Web.Platform.Caching;
using Glas.Web.Tests.Consultations;
using Glas.Web.Tests.TestSupport;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Caching;

/// <summary>
/// The cache of anonymous pages. A page is shown to come from the cache when a change written
/// straight into PostgreSQL (past the app, so nothing is evicted) does not show on it.
/// </summary>
[Trait("Category", "Integration")]
public class PageCacheTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, Action<HttpRequestHeaders>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        headers?.Invoke(request.Headers);
        return await client.SendAsync(request);
    }

    private static async Task<string> HtmlAsync(HttpClient client, string url) => await (await GetAsync(client, url)).Content.ReadAsStringAsync();

    /// <summary>Changes a row as another program would: the app sees nothing, so it evicts nothing.</summary>
    private async Task BehindTheAppsBackAsync(string sql, params object[] values)
    {
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("p" + i, values[i]);
        }
        (await command.ExecuteNonQueryAsync()).ShouldBe(1);
    }

    private Task<(Guid Id, string Title)> OpenConsultationAsync() =>
        app.WithDbAsync(async db =>
        {
            var c = await db.Consultations.Where(c => c.Status == ConsultationStatus.Open).OrderBy(c => c.CreatedAt).Select(c => new { c.Id, c.Title }).FirstAsync();
            return (c.Id, c.Title);
        }, "sliven");

    [Fact]
    public async Task An_anonymous_page_is_served_from_the_cache_until_a_comment_evicts_it()
    {
        var (id, title) = await OpenConsultationAsync();
        var url = $"/consultations/{id}";
        var reader = app.Client();
        await HtmlAsync(reader, url); // now in the cache (another test may have put an older copy there)
        var renamed = title + " (нова редакция)";
        await BehindTheAppsBackAsync("""UPDATE "Consultations" SET "Title" = @p0 WHERE "Id" = @p1""", renamed, id);
        (await HtmlAsync(reader, url)).ShouldNotContain(renamed); // the stored copy

        var citizen = app.Client(followRedirects: false);
        await citizen.SignInAsync("citizen@example.org");
        var text = "Кешът трябва да види това " + Guid.NewGuid().ToString("N")[..6];
        (await ConsultationSteps.CommentAsync(citizen, id, text)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The next anonymous read, at once, is drawn anew.
        var after = await HtmlAsync(reader, url);
        after.ShouldContain(text);
        after.ShouldContain(renamed);
    }

    [Fact]
    public async Task Signed_in_requests_bypass_the_cache_and_nothing_personal_reaches_anonymous_readers()
    {
        var (id, title) = await OpenConsultationAsync();
        var url = $"/consultations/{id}";
        var reader = app.Client();
        await HtmlAsync(reader, url);
        var citizen = app.Client();
        await citizen.SignInAsync("citizen@example.org");
        var mine = await HtmlAsync(citizen, url);
        mine.ShouldContain("__RequestVerificationToken");
        mine.ShouldContain("/account/logout", Case.Insensitive);

        var renamed = title + " (след вход)";
        await BehindTheAppsBackAsync("""UPDATE "Consultations" SET "Title" = @p0 WHERE "Id" = @p1""", renamed, id);
        (await HtmlAsync(citizen, url)).ShouldContain(renamed); // signed in: never from the cache
        var cached = await GetAsync(reader, url);
        var page = await cached.Content.ReadAsStringAsync();
        page.ShouldNotContain(renamed); // anonymous: the stored copy…
        page.ShouldNotContain("__RequestVerificationToken"); // …which carries nothing of anyone
        page.ShouldNotContain("/account/logout", Case.Insensitive);
        // At most the framework's deletion of an empty TempData cookie: no cookie with a value.
        (cached.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []).ShouldAllBe(c => c.Contains("=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_page_with_a_form_for_anonymous_visitors_is_never_cached()
    {
        var reader = app.Client();
        var first = await reader.GetPageAsync("/subscriptions");
        var second = await GetAsync(reader, "/subscriptions");
        second.Headers.ETag.ShouldBeNull();
        Forms.Token(await second.ParseAsync()).ShouldNotBe(Forms.Token(first));
    }

    [Fact]
    public async Task Entries_vary_by_administration_language_and_query()
    {
        var reader = app.Client();
        var sliven = await HtmlAsync(reader, "/consultations");
        var levski = await HtmlAsync(reader, "/t/levski/consultations");
        sliven.ShouldContain("Община Сливен");
        levski.ShouldContain("Община Левски");
        (await HtmlAsync(reader, "/consultations?culture=en")).ShouldContain("<html lang=\"en\"");
        (await HtmlAsync(reader, "/consultations")).ShouldContain("<html lang=\"bg\"");
        (await HtmlAsync(reader, "/consultations?status=open")).ShouldNotBe(sliven);
    }

    [Fact]
    public async Task Answers_carry_an_entity_tag_honour_If_None_Match_and_are_compressed_per_encoding()
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
            }
        }
        (await GetAsync(reader, "/consultations", h => h.AcceptEncoding.ParseAdd("br;q=0, gzip"))).Content.Headers.ContentEncoding.ShouldBe(["gzip"]);
    }

    [Fact]
    public async Task An_eviction_by_another_node_reaches_this_one_within_a_second()
    {
        var reader = app.Client();
        var (levskiId, project, title) = await app.WithDbAsync(async db =>
        {
            var p = await db.Projects.OrderBy(p => p.Title).Select(p => new { p.TenantId, p.Id, p.Title }).FirstAsync();
            return (p.TenantId, p.Id, p.Title);
        }, "levski");
        (await HtmlAsync(reader, "/t/levski/projects")).ShouldContain(title);
        var (slivenProject, slivenTitle) = await app.WithDbAsync(async db =>
        {
            var p = await db.Projects.OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).FirstAsync();
            return (p.Id, p.Title);
        }, "sliven");
        (await HtmlAsync(reader, "/projects")).ShouldContain(slivenTitle);

        // Another node (its own evictor and its own memory) writes and evicts; it tells the others through PostgreSQL.
        await BehindTheAppsBackAsync("""UPDATE "Projects" SET "Title" = @p0 WHERE "Id" = @p1""", title + " — обновен", project);
        await BehindTheAppsBackAsync("""UPDATE "Projects" SET "Title" = @p0 WHERE "Id" = @p1""", slivenTitle + " — обновен", slivenProject);
        (await HtmlAsync(reader, "/t/levski/projects")).ShouldNotContain(title + " — обновен");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Glas"] = app.ConnectionString }).Build();
        var otherNode = new CacheEvictor(new OtherNodeStore(), configuration, NullLogger<CacheEvictor>.Instance);
        await otherNode.EvictAsync([CacheScopes.Area(levskiId, "projects")]);

        var started = DateTime.UtcNow;
        while (!(await HtmlAsync(reader, "/t/levski/projects")).Contains(title + " — обновен", StringComparison.Ordinal))
        {
            (DateTime.UtcNow - started).ShouldBeLessThan(TimeSpan.FromSeconds(1));
            await Task.Delay(20);
        }
        // Сливен's entries were not touched by Левски's eviction.
        (await HtmlAsync(reader, "/projects")).ShouldNotContain(slivenTitle + " — обновен");
    }

    [Fact]
    public async Task Health_checks_are_never_cached_and_the_culture_switch_needs_our_origin()
    {
        var reader = app.Client(followRedirects: false);
        (await GetAsync(reader, "/readyz")).Headers.ETag.ShouldBeNull();

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
