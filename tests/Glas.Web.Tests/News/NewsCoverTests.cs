using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Glas.Web.Tests.Platform.Files;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using SkiaSharp;
using Xunit;

namespace Glas.Web.Tests.News;

/// <summary>A post's cover image over HTTP: checked by content, re-encoded without metadata, shown with its text alternative, refused when hostile.</summary>
[Trait("Category", "Integration")]
public class NewsCoverTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    /// <summary>Posts the news form as multipart with its antiforgery token and, when given, a file.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, IEnumerable<(string Key, string Value)> fields, (byte[] Content, string Name, string Type)? cover = null, string prefix = "")
    {
        var token = Forms.Token(await client.GetPageAsync(prefix + page));
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (key, value) in fields)
        {
            form.Add(new StringContent(value), key);
        }
        if (cover is { } c)
        {
            var file = new ByteArrayContent(c.Content);
            file.Headers.ContentType = new MediaTypeHeaderValue(c.Type);
            form.Add(file, "Cover", c.Name);
        }
        return await client.PostAsync(prefix + page, form);
    }

    private static (string, string)[] Fields(string title, string? alt = null, bool remove = false) =>
    [
        ("Input.Title", title), ("Input.Summary", "Кратко резюме."), ("Input.Body", "Текст на новината."), ("Input.PublishAt", ""), ("Input.Draft", "false"),
        ("Input.CoverAlt", alt ?? ""), ("Input.RemoveCover", remove ? "true" : "false"),
    ];

    private async Task<HttpClient> OfficialAsync(string email = "official.sliven@example.org", string prefix = "")
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync(email, prefix: prefix);
        return client;
    }

    private Task<Glas.Web.News.NewsPost?> FindAsync(string title) =>
        app.WithDbAsync(db => db.NewsPosts.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Title == title));

    [Fact]
    public async Task A_photo_is_re_encoded_without_its_metadata_scaled_down_and_shown_with_its_alt_text_and_as_the_link_preview()
    {
        var official = await OfficialAsync();
        var title = "Ремонт на площада " + Guid.NewGuid().ToString("N")[..6];
        var alt = "Работници полагат нова настилка на площада";

        // A phone photo with a GPS position in its EXIF.
        var saved = await PostAsync(official, "/news/new", Fields(title, alt), (ImagesTests.JpegWithGps(), "площад.jpg", "image/jpeg"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var post = (await FindAsync(title)).ShouldNotBeNull();
        post.CoverSha256.ShouldNotBeNull().Length.ShouldBe(64);
        post.CoverAlt.ShouldBe(alt);
        (post.CoverWidth, post.CoverHeight).ShouldBe((64, 48));

        var anonymous = app.Client();
        var page = await anonymous.GetPageAsync($"/news/{post.Id}");
        var img = page.QuerySelector(".news-cover img").ShouldNotBeNull();
        img.GetAttribute("alt").ShouldBe(alt);
        img.GetAttribute("src").ShouldBe($"/news/covers/{post.CoverSha256}.webp");
        (img.GetAttribute("width"), img.GetAttribute("height")).ShouldBe(("64", "48"));
        page.QuerySelector("meta[property='og:image']").ShouldNotBeNull().GetAttribute("content").ShouldBe($"http://localhost:5080/news/covers/{post.CoverSha256}.webp");
        page.QuerySelector("meta[property='og:image:alt']").ShouldNotBeNull().GetAttribute("content").ShouldBe(alt);
        page.QuerySelector("meta[name='description']").ShouldNotBeNull().GetAttribute("content").ShouldBe("Кратко резюме.");

        // The list shows it too, with the same alternative.
        var list = await anonymous.GetPageAsync("/news");
        list.QuerySelector($".news-list img[src='/news/covers/{post.CoverSha256}.webp']").ShouldNotBeNull().GetAttribute("alt").ShouldBe(alt);
        var json = JsonDocument.Parse(await anonymous.GetStringAsync($"/api/v1/news/{post.Id}")).RootElement;
        json.GetProperty("coverUrl").GetString().ShouldBe($"http://localhost:5080/news/covers/{post.CoverSha256}.webp");
        json.GetProperty("coverAlt").GetString().ShouldBe(alt);

        // Served as WebP, cached for a year, without the camera or the position.
        var cover = await anonymous.GetAsync($"/news/covers/{post.CoverSha256}.webp");
        cover.StatusCode.ShouldBe(HttpStatusCode.OK);
        cover.Content.Headers.ContentType!.MediaType.ShouldBe("image/webp");
        cover.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromDays(365));
        var bytes = await cover.Content.ReadAsByteArrayAsync();
        Encoding.Latin1.GetString(bytes).ShouldNotContain("GlasCam");
        Encoding.Latin1.GetString(bytes).ShouldNotContain("Exif");
        using (var codec = SKCodec.Create(new MemoryStream(bytes)))
        {
            codec.EncodedFormat.ShouldBe(SKEncodedImageFormat.Webp);
        }

        // Not served under another administration; a made-up or malformed hash is not found.
        (await anonymous.GetAsync($"/t/levski/news/covers/{post.CoverSha256}.webp")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync($"/news/covers/{new string('a', 64)}.webp")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetAsync("/news/covers/..%2F..%2Fetc.webp")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // A large picture is scaled down into 1200 × 900.
        var edited = await PostAsync(official, $"/news/{post.Id}/edit", Fields(title, alt), (ImagesTests.Drawn(3000, 2000, SKEncodedImageFormat.Png), "голяма.png", "image/png"));
        edited.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var larger = (await FindAsync(title)).ShouldNotBeNull();
        (larger.CoverWidth, larger.CoverHeight).ShouldBe((1200, 800));
        larger.CoverSha256.ShouldNotBe(post.CoverSha256);
        (await app.WithDbAsync(db => db.NewsCovers.IgnoreQueryFilters().CountAsync(c => c.PostId == post.Id))).ShouldBe(1);
        (await anonymous.GetAsync($"/news/covers/{post.CoverSha256}.webp")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Editing without a new file keeps it; removing it drops the image and its alternative.
        (await PostAsync(official, $"/news/{post.Id}/edit", Fields(title, alt))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FindAsync(title)).ShouldNotBeNull().CoverSha256.ShouldBe(larger.CoverSha256);
        (await PostAsync(official, $"/news/{post.Id}/edit", Fields(title, alt, remove: true))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var removed = (await FindAsync(title)).ShouldNotBeNull();
        removed.CoverSha256.ShouldBeNull();
        removed.CoverAlt.ShouldBeNull();
        (await app.WithDbAsync(db => db.NewsCovers.IgnoreQueryFilters().CountAsync(c => c.PostId == post.Id))).ShouldBe(0);
        (await anonymous.GetPageAsync($"/news/{post.Id}")).QuerySelector("meta[property='og:image']").ShouldBeNull();
    }

    [Fact]
    public async Task A_cover_needs_its_text_alternative()
    {
        var official = await OfficialAsync();
        var title = "Без описание " + Guid.NewGuid().ToString("N")[..6];
        var response = await PostAsync(official, "/news/new", Fields(title, "   "), (ImagesTests.Drawn(40, 30), "снимка.png", "image/png"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.FieldError("Input.CoverAlt").ShouldBe("Опишете изображението за хората, които не го виждат.");
        page.QuerySelector(".error-summary a[href='#Input_CoverAlt']").ShouldNotBeNull();
        (await FindAsync(title)).ShouldBeNull();

        // Bidi overrides in the alternative are refused like in every text.
        var bidi = await PostAsync(official, "/news/new", Fields(title, "снимка\u202Egpj.exe"), (ImagesTests.Drawn(40, 30), "снимка.png", "image/png"));
        (await bidi.ParseAsync()).FieldError("Input.CoverAlt").ShouldContain("непозволени знаци");
        (await FindAsync(title)).ShouldBeNull();
    }

    public static TheoryData<string, byte[], string, string, string> Hostile => new()
    {
        { "svg as png", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "cover.png", "image/png", "не е изображение PNG, JPEG или WebP" },
        { "html as jpeg", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "cover.jpg", "image/jpeg", "не е изображение PNG, JPEG или WebP" },
        { "gif", Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"), "cover.gif", "image/gif", "не е изображение PNG, JPEG или WebP" },
        { "decompression bomb", ImagesTests.PngDeclaring(50_000, 50_000), "bomb.png", "image/png", "твърде голямо" },
        { "pdf as jpeg", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"), "cover.jpg", "image/jpeg", "не е изображение PNG, JPEG или WebP" },
        { "jpeg header then garbage", [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Repeat((byte)0x41, 400)], "broken.jpg", "image/jpeg", "повредено" },
        { "oversized", OverFiveMegabytes(), "huge.png", "image/png", "по-голям от 5 MB" },
    };

    /// <summary>A PNG signature followed by more than 5 MB of noise.</summary>
    private static byte[] OverFiveMegabytes()
    {
        var bytes = new byte[Glas.Web.Platform.Files.Images.MaxBytes + 10];
        for (var i = 8; i < bytes.Length; i++)
        {
            bytes[i] = (byte)(i * 31);
        }
        ImagesTests.Drawn(8, 8).AsSpan(0, 8).CopyTo(bytes);
        return bytes;
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task A_hostile_file_is_refused_beside_the_field_and_nothing_is_saved(string what, byte[] content, string name, string type, string message)
    {
        var official = await OfficialAsync();
        var title = "Враждебен файл " + Guid.NewGuid().ToString("N")[..6];
        var response = await PostAsync(official, "/news/new", Fields(title, "Описание"), (content, name, type));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, what);
        var page = await response.ParseAsync();
        page.GetElementById("Cover-error").ShouldNotBeNull(what).TextContent.ShouldContain(message, Case.Sensitive, what);
        page.QuerySelector(".error-summary a[href='#Cover']").ShouldNotBeNull(what);
        (await FindAsync(title)).ShouldBeNull(what);
    }

    [Fact]
    public async Task Only_the_administrations_officials_set_a_cover()
    {
        var post = await app.WithDbAsync(db => db.NewsPosts.Where(p => p.CoverSha256 == null).Select(p => p.Id).FirstAsync(), "sliven");
        var levski = await OfficialAsync("official.levski@example.org", "/t/levski");
        var token = Forms.Token(await levski.GetPageAsync("/t/levski/news/new"));
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("Чужда"), "Input.Title" }, { new StringContent("Описание"), "Input.CoverAlt" } };
        form.Add(new ByteArrayContent(ImagesTests.Drawn(40, 30)), "Cover", "x.png");
        (await levski.PostAsync($"/t/levski/news/{post}/edit", form)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.NewsCovers.IgnoreQueryFilters().AnyAsync(c => c.PostId == post))).ShouldBeFalse();
    }
}
