using System.Net;
using System.Net.Http.Json;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Security;

/// <summary>
/// Glas behind a reverse proxy at 10.0.0.1. A test header stands in for the client's address,
/// which the in-memory server does not have.
/// </summary>
public sealed class ProxiedFactory : GlasFactory
{
    public const string RemoteHeader = "X-Test-Remote-Address";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Glas:KnownProxies:0"] = "10.0.0.1",
        ["Glas:PublicBaseUrl"] = "https://glas.example.bg",
        ["Glas:Hosts:0"] = "glas.example.bg",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, RemoteAddressFilter>());
    }

    private sealed class RemoteAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, inner) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[RemoteHeader].FirstOrDefault() ?? "198.51.100.7");
                return inner(context);
            });
            next(app);
        };
    }
}

[Trait("Category", "Integration")]
public class HostAndOriginTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private static HttpRequestMessage Get(string url, string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Host = host;
        return request;
    }

    [Theory]
    [InlineData("/account/forgot-password")]
    [InlineData("/")]
    [InlineData("/t/levski/consultations")]
    [InlineData("/api/v1/tenant")]
    public async Task A_host_that_no_administration_claims_gets_400(string path)
    {
        var response = await app.Client().SendAsync(Get(path, "evil.example:5080"));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("не принадлежи на нито една администрация");
    }

    [Fact]
    public async Task A_forged_host_cannot_send_a_reset_link_elsewhere()
    {
        var client = app.Client(followRedirects: false);
        var page = await client.GetPageAsync("/account/forgot-password");
        var forged = new HttpRequestMessage(HttpMethod.Post, "/account/forgot-password")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Forms.Token(page),
                ["Input.Email"] = "official.yugoiztochen@example.org",
            }),
        };
        forged.Headers.Host = "evil.example:5080";
        (await client.SendAsync(forged)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // Through a header no proxy vouches for, the link still names the installation's own address.
        var viaHeader = new HttpRequestMessage(HttpMethod.Post, "/t/yugoiztochen/account/forgot-password")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Forms.Token(await client.GetPageAsync("/t/yugoiztochen/account/forgot-password")),
                ["Input.Email"] = "official.yugoiztochen@example.org",
            }),
        };
        viaHeader.Headers.Add("X-Forwarded-Host", "evil.example");
        viaHeader.Headers.Add("X-Forwarded-Proto", "http");
        (await client.SendAsync(viaHeader)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var mail = await app.WaitForMailAsync("official.yugoiztochen@example.org");
        mail.ShouldNotContain("evil.example");
        Mail.Link(mail, "/account/reset-password").ShouldStartWith("http://localhost:5080/t/yugoiztochen/account/reset-password?userId=");
    }

    [Fact]
    public async Task Only_an_installation_administrator_changes_host_names_and_never_to_reserved_or_taken_ones()
    {
        // A tenant's own administrator sees the names but cannot change them, even by posting the field.
        var admin = app.Client(followRedirects: false);
        await admin.SignInAsync("admin.levski@example.org", prefix: "/t/levski");
        var settings = await admin.GetPageAsync("/t/levski/admin");
        settings.QuerySelector("textarea[name='Input.Hosts']").ShouldBeNull();
        settings.Body!.TextContent.ShouldContain("levski.localhost");
        (await admin.SubmitAsync("/t/levski/admin", new Dictionary<string, string>
        {
            ["Input.NameBg"] = "Община Левски",
            ["Input.NameEn"] = "Levski Municipality",
            ["Input.Hosts"] = "localhost",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.TenantHosts.Where(h => h.Name == "localhost").CountAsync())).ShouldBe(0);
        (await (await admin.SendAsync(Get("/api/v1/tenant", "localhost"))).Content.ReadFromJsonAsync<TenantDto>())!.Slug.ShouldBe("sliven");

        var operatorClient = app.Client(followRedirects: false);
        await operatorClient.SignInAsync("operator@example.org", prefix: "/t/levski");
        async Task<string> Refused(string hosts) => (await (await operatorClient.SubmitAsync("/t/levski/admin", new Dictionary<string, string>
        {
            ["Input.NameBg"] = "Община Левски",
            ["Input.NameEn"] = "Levski Municipality",
            ["Input.Hosts"] = hosts,
        })).ParseAsync()).FieldError("Input.Hosts");

        // The installation's names and the default administration's are reserved, in any spelling.
        (await Refused("LOCALHOST.")).ShouldContain("localhost");
        (await Refused("levski.localhost\nSliven.Localhost:5080")).ShouldContain("sliven.localhost");
        (await Refused("haskovo.localhost")).ShouldContain("haskovo.localhost");
        (await Refused("/\\evil.example/x.png")).ShouldNotBeEmpty();

        (await operatorClient.SubmitAsync("/t/levski/admin", new Dictionary<string, string>
        {
            ["Input.NameBg"] = "Община Левски",
            ["Input.NameEn"] = "Levski Municipality",
            ["Input.Hosts"] = "levski.localhost\nGlas.Levski.Example.ORG",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.TenantHosts.Where(h => h.Name == "glas.levski.example.org").Select(h => h.TenantId).SingleAsync()))
            .ShouldBe(await app.WithDbAsync(db => db.Tenants.Where(t => t.Slug == "levski").Select(t => t.Id).SingleAsync()));
        (await (await admin.SendAsync(Get("/api/v1/tenant", "glas.levski.example.org"))).Content.ReadFromJsonAsync<TenantDto>())!.Slug.ShouldBe("levski");

        // The database itself refuses one name for two tenants.
        var haskovo = await app.WithDbAsync(db => db.Tenants.Where(t => t.Slug == "haskovo").Select(t => t.Id).SingleAsync());
        await Should.ThrowAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.TenantHosts.Add(new TenantHost { Name = "glas.levski.example.org", TenantId = haskovo });
            return await db.SaveChangesAsync();
        }));
        await Should.ThrowAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.TenantHosts.Add(new TenantHost { Name = "Glas.Haskovo.BG", TenantId = haskovo });
            return await db.SaveChangesAsync();
        }));

        // With a public name of its own, Levski's e-mails link there.
        app.Services.GetRequiredService<TenantDirectory>().Invalidate();
        await app.Client().SubmitAsync("/t/levski/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "moderator.levski@example.org" });
        Mail.Link(await app.WaitForMailAsync("moderator.levski@example.org"), "/account/reset-password")
            .ShouldStartWith("https://glas.levski.example.org/account/reset-password?userId=");
    }

    [Fact]
    public async Task A_cookie_authenticated_api_write_from_another_site_is_refused()
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("admin.ruse-oblast@example.org", prefix: "/t/ruse-oblast");
        var official = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "official.ruse-oblast@example.org").Select(u => u.Id).SingleAsync());

        async Task<HttpStatusCode> Put(string role, string header, string value)
        {
            var request = new HttpRequestMessage(HttpMethod.Put, $"/t/ruse-oblast/api/v1/admin/members/{official}/role") { Content = JsonContent.Create(new { role }) };
            request.Headers.Add(header, value);
            return (await client.SendAsync(request)).StatusCode;
        }

        (await Put("Moderator", "Origin", "http://evil.example")).ShouldBe(HttpStatusCode.Forbidden);
        (await Put("Moderator", "Origin", "null")).ShouldBe(HttpStatusCode.Forbidden);
        (await Put("Moderator", "Referer", "https://localhost.evil.example/page")).ShouldBe(HttpStatusCode.Forbidden);
        (await app.WithDbAsync(db => db.Memberships.Where(m => m.UserId == official).Select(m => m.Role).SingleAsync(), "ruse-oblast"))
            .ShouldBe(Glas.Web.Platform.Identity.TenantRole.Official);

        (await Put("Moderator", "Origin", "http://localhost:5080")).ShouldBe(HttpStatusCode.NoContent);
        (await Put("Official", "Referer", "http://ruse-oblast.localhost:5080/admin/users")).ShouldBe(HttpStatusCode.NoContent);
    }

    [Theory]
    [InlineData("/consultations?q=%00")]
    [InlineData("/api/v1/consultations?q=%00")]
    [InlineData("/projects?programme=%00")]
    [InlineData("/api/v1/projects?programme=%00")]
    [InlineData("/admin/users?q=%00")]
    [InlineData("/api/v1/admin/members?q=%00")]
    [InlineData("/t/levski/consultations?q=a%01b")]
    public async Task A_control_character_in_any_search_or_filter_is_a_400_with_a_message(string url)
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("admin.sliven@example.org");
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await response.Content.ReadAsStringAsync();
        if (url.Contains("/api/", StringComparison.Ordinal))
        {
            text.ShouldContain("управляващ знак");
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        else
        {
            (await response.ParseAsync()).QuerySelector("h1")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public async Task A_form_with_a_nul_byte_is_refused_before_it_reaches_the_database()
    {
        var client = app.Client(followRedirects: false);
        var response = await client.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = "a\0@example.org" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_not_found_page_under_a_tenant_carries_that_tenants_name()
    {
        var page = await app.Client().GetPageAsync("/t/levski/no-such-page", HttpStatusCode.NotFound);
        page.Title!.ShouldContain("Община Левски");
        page.Title!.ShouldNotContain("Сливен");
    }

    [Fact]
    public async Task Atom_categories_carry_a_bulgarian_label()
    {
        var feed = await app.Client().GetStringAsync("/t/levski/consultations/feed.atom");
        feed.ShouldContain("label=\"Публикувана справка\"");
    }
}

[Trait("Category", "Integration")]
public class TrustedProxyTests(ProxiedFactory app) : IClassFixture<ProxiedFactory>
{
    private async Task<HttpResponseMessage> Send(string remote, string forwardedHost, string path = "/api/v1/tenant")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(ProxiedFactory.RemoteHeader, remote);
        request.Headers.Add("X-Forwarded-Host", forwardedHost);
        return await app.Client().SendAsync(request);
    }

    [Fact]
    public async Task Forwarded_headers_count_only_from_the_configured_proxy()
    {
        (await (await Send("10.0.0.1", "levski.localhost")).Content.ReadFromJsonAsync<TenantDto>())!.Slug.ShouldBe("levski");
        (await (await Send("198.51.100.7", "levski.localhost")).Content.ReadFromJsonAsync<TenantDto>())!.Slug.ShouldBe("sliven");
        (await (await Send("127.0.0.1", "levski.localhost")).Content.ReadFromJsonAsync<TenantDto>())!.Slug.ShouldBe("sliven");
        (await Send("10.0.0.1", "evil.example")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Links_in_mail_use_the_configured_public_address()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/t/haskovo/consultations/feed.atom");
        request.Headers.Host = "glas.example.bg";
        var feed = await (await app.Client().SendAsync(request)).Content.ReadAsStringAsync();
        feed.ShouldContain("href=\"https://glas.example.bg/t/haskovo/consultations/feed.atom\"");
    }
}

/// <summary>Where HTTPS is required, every cookie Glas sets is Secure.</summary>
public sealed class HttpsFactory : GlasFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Glas:Web:RequireHttps"] = "true" };

    protected override Uri ClientBase => new("https://localhost");
}

[Trait("Category", "Integration")]
public class SecureCookieTests(HttpsFactory app) : IClassFixture<HttpsFactory>
{
    [Fact]
    public async Task Every_cookie_is_secure_when_https_is_required()
    {
        var client = app.Client(followRedirects: false);
        var form = await client.GetAsync("/account/login");
        form.Headers.GetValues("Set-Cookie").ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        var culture = await client.SubmitAsync("/account/login", new Dictionary<string, string> { ["culture"] = "en" }, "culture");
        var cookies = culture.Headers.TryGetValues("Set-Cookie", out var set) ? set.ToList() : [];
        cookies.ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        var signIn = await client.SubmitAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = "citizen@example.org",
            ["Input.Password"] = Glas.Web.DemoData.DemoSeeder.Password,
        }, "login");
        var auth = signIn.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("glas.auth", StringComparison.Ordinal)).ToList();
        auth.ShouldNotBeEmpty();
        auth.ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}

[Trait("Category", "Integration")]
public class SecurityTxtTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    [Fact]
    public async Task Security_txt_names_a_contact_and_an_expiry()
    {
        var response = await app.Client().GetAsync("/.well-known/security.txt");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldContain("Contact: mailto:no-reply@glas.localhost");
        text.ShouldMatch(@"Expires: \d{4}-\d{2}-\d{2}T00:00:00Z");
        text.ShouldContain("Canonical: http://localhost:5080/.well-known/security.txt");
    }
}
