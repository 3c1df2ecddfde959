using System.Net;
using System.Net.Http.Json;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Health;

[Trait("Category", "Integration")]
public class PlatformTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    [Fact]
    public async Task Health_and_readiness_answer()
    {
        var client = app.Client();
        (await client.GetStringAsync("/healthz")).ShouldBe("ok");
        var ready = await client.GetFromJsonAsync<Glas.Web.Platform.Health.Readiness>("/readyz");
        ready.ShouldNotBeNull();
        ready.Status.ShouldBe("ready");
        ready.Database.ShouldBe("ok");
        ready.JobLagSeconds.ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Pages_carry_security_headers()
    {
        var response = await app.Client().GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("script-src 'self'");
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBe("strict-origin-when-cross-origin");
    }

    [Fact]
    public async Task Bulgarian_first_English_by_the_switch()
    {
        var client = app.Client();
        var home = await client.GetPageAsync("/");
        home.DocumentElement.GetAttribute("lang").ShouldBe("bg");
        home.QuerySelector("h1")!.TextContent.ShouldBe("Община Сливен");
        // An anonymous page's switch carries no token (the page is cached for everyone): it must come from our own page.
        home.QuerySelector("form.lang-switch input[name=__RequestVerificationToken]").ShouldBeNull();
        using var post = new HttpRequestMessage(HttpMethod.Post, "/culture")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/rules" }),
        };
        post.Headers.Add("Origin", "http://localhost");
        var switched = await client.SendAsync(post);
        var rules = await switched.ParseAsync();
        rules.DocumentElement.GetAttribute("lang").ShouldBe("en");
        rules.QuerySelector("h1")!.TextContent.ShouldBe("Platform rules and code of conduct");
        (await client.GetPageAsync("/")).QuerySelector("h1")!.TextContent.ShouldBe("Sliven Municipality");
    }

    [Fact]
    public async Task Demo_tenants_come_from_the_seeds_and_seeding_is_idempotent()
    {
        var tenants = await app.WithDbAsync(db => db.Tenants.OrderBy(t => t.Slug).ToListAsync());
        tenants.Select(t => t.NameBg).ShouldBe(["Община Хасково", "Община Левски", "Областна администрация Русе", "Община Сливен", "Сдружение на общините от Югоизточен регион"]);
        tenants.Single(t => t.Slug == "yugoiztochen").Members.ShouldBe(["Бургас", "Сливен", "Стара Загора", "Ямбол"]);
        tenants.Count(t => t.IsDefault).ShouldBe(1);

        var users = await app.WithDbAsync(db => db.Users.CountAsync());
        await Glas.Web.DemoData.DemoSeeder.SeedAsync(app.Services);
        (await app.WithDbAsync(db => db.Tenants.CountAsync())).ShouldBe(5);
        (await app.WithDbAsync(db => db.Users.CountAsync())).ShouldBe(users);
    }

    [Fact]
    public async Task Data_protection_keys_live_in_PostgreSQL()
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("citizen@example.org");
        (await app.WithDbAsync(db => db.DataProtectionKeys.CountAsync())).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task OpenAPI_document_lists_the_API()
    {
        var json = await app.Client().GetStringAsync("/openapi/v1.json");
        json.ShouldContain("/api/v1/tenants");
        json.ShouldContain("/api/v1/admin/members/{userId}/role");
    }
}

public sealed class StrictRateFactory : GlasFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Glas:RateLimits:AuthPerMinute"] = "3" };
}

[Trait("Category", "Integration")]
public class RateLimitTests(StrictRateFactory app) : IClassFixture<StrictRateFactory>
{
    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429_but_reading_the_form_does_not()
    {
        var client = app.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            var page = await client.GetPageAsync("/account/login");
            var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Forms.Token(page),
                ["Input.Email"] = $"nobody{i}@example.org",
                ["Input.Password"] = "грешна-парола",
            }));
            statuses.Add(response.StatusCode);
        }
        statuses.ShouldBe([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests]);
    }
}
