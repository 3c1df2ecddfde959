using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Glas.Web.Tests.Platform.Files;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Admin;

[Trait("Category", "Integration")]
public class TenantLogoTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName, string contentType, string prefix = "")
    {
        var page = await client.GetPageAsync(prefix + "/admin");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Forms.Token(page)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "logo", fileName);
        return await client.PostAsync(prefix + "/admin?handler=Logo", form);
    }

    [Fact]
    public async Task An_administrator_uploads_a_logo_that_is_re_encoded_audited_and_served_under_its_hash_for_that_administration_only()
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("admin.haskovo@example.org", prefix: "/t/haskovo");
        var response = await UploadAsync(client, ImagesTests.JpegWithGps(), "герб.jpg", "image/jpeg", "/t/haskovo");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());

        var sha = await app.WithDbAsync(db => db.Tenants.Where(t => t.Slug == "haskovo").Select(t => t.LogoSha256).SingleAsync());
        sha.ShouldNotBeNull().Length.ShouldBe(64);
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.Action == "tenant.logo" && a.Subject == "tenant:haskovo"))).ShouldBe(1);

        var home = await app.Client().GetPageAsync("/t/haskovo/");
        var img = home.QuerySelector("header img.brand-logo").ShouldNotBeNull();
        img.GetAttribute("src").ShouldBe($"/t/haskovo/logo/{sha}.png");
        img.GetAttribute("alt").ShouldBe("Герб на Община Хасково");

        var logo = await app.Client().GetAsync($"/t/haskovo/logo/{sha}.png");
        logo.StatusCode.ShouldBe(HttpStatusCode.OK);
        logo.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        logo.Headers.CacheControl!.ToString().ShouldContain("immutable");
        logo.Headers.CacheControl!.MaxAge.ShouldBe(TimeSpan.FromDays(365));
        var bytes = await logo.Content.ReadAsByteArrayAsync();
        Encoding.Latin1.GetString(bytes).ShouldNotContain("GlasCam");

        // Another administration does not serve it, and a made-up hash is not found.
        (await app.Client().GetAsync($"/t/levski/logo/{sha}.png")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().GetAsync($"/t/haskovo/logo/{new string('a', 64)}.png")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().GetAsync("/t/haskovo/logo/..%2F..%2Fetc.png")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Removing it is audited too, and the header falls back to the name alone.
        var removed = await client.SubmitAsync("/t/haskovo/admin", new Dictionary<string, string>(), "RemoveLogo");
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Tenants.Where(t => t.Slug == "haskovo").Select(t => t.LogoSha256).SingleAsync())).ShouldBeNull();
        (await app.Client().GetAsync($"/t/haskovo/logo/{sha}.png")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.Action == "tenant.logo" && a.Subject == "tenant:haskovo"))).ShouldBe(2);
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "logo.png", "image/png", "не е изображение")]
    [InlineData("<html><script>alert(1)</script></html>", "logo.png", "image/png", "не е изображение")]
    [InlineData("", "logo.png", "image/png", "Изберете файл")]
    public async Task Anything_but_a_raster_image_is_refused_beside_the_field(string content, string name, string type, string message)
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("admin.sliven@example.org");
        var response = await UploadAsync(client, Encoding.UTF8.GetBytes(content), name, type);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.GetElementById("logo-error").ShouldNotBeNull().TextContent.ShouldContain(message);
        page.QuerySelector(".error-summary a[href='#logo']").ShouldNotBeNull();
        (await app.WithDbAsync(db => db.Tenants.Where(t => t.Slug == "sliven").Select(t => t.LogoSha256).SingleAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused()
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("admin.sliven@example.org");
        var response = await UploadAsync(client, ImagesTests.PngDeclaring(50_000, 50_000), "logo.png", "image/png");
        (await response.ParseAsync()).GetElementById("logo-error").ShouldNotBeNull().TextContent.ShouldContain("твърде голямо");
    }

    [Theory]
    [InlineData("citizen@example.org")]
    [InlineData("official.sliven@example.org")]
    [InlineData("admin.levski@example.org")]
    public async Task Only_the_administrations_own_administrators_change_its_logo(string email)
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync(email);
        var page = await client.GetAsync("/admin");
        page.StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);
        if (page.StatusCode == HttpStatusCode.Redirect)
        {
            page.Headers.Location!.ToString().ShouldContain("access-denied");
        }
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(ImagesTests.Drawn(10, 10)), "logo", "logo.png");
        var response = await client.PostAsync("/admin?handler=Logo", form);
        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            response.Headers.Location!.ToString().ShouldContain("access-denied");
        }
        (await app.WithDbAsync(db => db.Tenants.Where(t => t.Slug == "sliven").Select(t => t.LogoSha256).SingleAsync())).ShouldBeNull();
    }
}
