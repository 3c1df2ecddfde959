using System.Net;
using System.Net.Http.Json;
using System.Text;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Web;

/// <summary>Malformed, oversized, wrong-type and hostile input gets a clear 4xx, never a 500.</summary>
[Trait("Category", "Integration")]
public class BadInputTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private async Task<(HttpClient Client, string Url)> AdminPut()
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("admin.sliven@example.org");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "citizen@example.org").Select(u => u.Id).SingleAsync());
        return (client, $"/api/v1/admin/members/{id}/role");
    }

    private static async Task ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Malformed_json_is_400_problem()
    {
        var (client, url) = await AdminPut();
        await ShouldBeProblem(await client.PutAsync(url, new StringContent("{\"role\": ", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await ShouldBeProblem(await client.PutAsync(url, new StringContent("{\"role\": 42}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_wrong_json_type_is_a_validation_problem_naming_the_field()
    {
        var (client, url) = await AdminPut();
        var response = await client.PutAsync(url, new StringContent("{\"role\": 42}", Encoding.UTF8, "application/json"));
        await ShouldBeProblem(response, HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>();
        problem!.Errors.Keys.ShouldBe(["role"]);
        problem.Errors["role"].ShouldHaveSingleItem().ShouldStartWith("Стойността на това поле е невалидна");
    }

    [Fact]
    public async Task Wrong_content_type_is_415_problem()
    {
        var (client, url) = await AdminPut();
        await ShouldBeProblem(await client.PutAsync(url, new StringContent("role=Official", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Oversized_body_is_413()
    {
        var (client, url) = await AdminPut();
        var huge = "{\"role\":\"" + new string('я', 1_200_000) + "\"}";
        var response = await client.PutAsync(url, new StringContent(huge, Encoding.UTF8, "application/json"));
        await ShouldBeProblem(response, HttpStatusCode.RequestEntityTooLarge);

        var form = await app.Client().PostAsync("/account/login", new StringContent("Input.Email=" + new string('a', 1_200_000), Encoding.UTF8, "application/x-www-form-urlencoded"));
        form.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await form.Content.ReadAsStringAsync()).ShouldContain("Твърде голяма заявка");
    }

    [Theory]
    [InlineData("Official' OR '1'='1")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Оfficial")] // Cyrillic О
    [InlineData("official")]
    [InlineData("🎉")]
    [InlineData("")]
    [InlineData("99")]
    public async Task Unknown_roles_are_400_validation_problems(string role)
    {
        var (client, url) = await AdminPut();
        var response = await client.PutAsJsonAsync(url, new { role });
        await ShouldBeProblem(response, HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Ролята трябва да е");
    }

    [Fact]
    public async Task Unknown_member_and_malformed_ids_are_404()
    {
        var (client, _) = await AdminPut();
        (await client.PutAsJsonAsync($"/api/v1/admin/members/{Guid.NewGuid()}/role", new { role = "Official" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PutAsJsonAsync("/api/v1/admin/members/not-a-guid/role", new { role = "Official" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Unknown_tenant_is_404_for_pages_and_problem_for_the_API()
    {
        var client = app.Client();
        await ShouldBeProblem(await client.GetAsync("/t/no-such-town/api/v1/tenant"), HttpStatusCode.NotFound);
        var page = await client.GetAsync("/t/no-such-town/");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Страницата не е намерена");
        (await client.GetAsync("/t/%D1%81%D0%BB%D0%B8%D0%B2%D0%B5%D0%BD/")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // "сливен" in Cyrillic
    }

    [Fact]
    public async Task Form_posts_without_an_antiforgery_token_are_refused_with_400()
    {
        var response = await app.Client().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "citizen@example.org", ["Input.Password"] = "x" }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("Невалидна заявка");
    }

    [Theory]
    [InlineData("' OR 1=1 --")]
    [InlineData("%_\\")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("Сливен 🌳")]
    public async Task Hostile_search_text_in_the_admin_list_is_harmless(string q)
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("admin.sliven@example.org");
        var response = await client.GetAsync("/admin/users?q=" + Uri.EscapeDataString(q));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("<img src=x");
        html.ShouldContain("Няма потребители, които отговарят на търсенето.");
    }

    [Fact]
    public async Task Pages_out_of_range_are_clamped()
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("admin.sliven@example.org");
        foreach (var p in new[] { "-5", "0", "999999", "abc" })
        {
            (await client.GetAsync("/admin/users?p=" + p)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await client.GetAsync("/api/v1/admin/members?page=" + p)).StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task Open_redirects_are_refused()
    {
        var client = app.Client(followRedirects: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/culture")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["culture"] = "en",
                ["returnUrl"] = "https://evil.example.org/",
            }),
        };
        request.Headers.Add("Origin", "http://localhost"); // an anonymous switch comes from one of our pages
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/");
    }
}
