using System.Net;
using System.Net.Http.Json;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Admin;

/// <summary>Every endpoint of the foundation, for every role of the default tenant.</summary>
[Trait("Category", "Integration")]
public class AuthorizationMatrixTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    public static TheoryData<string, string, string> Matrix()
    {
        // who, what, expected: "ok", "login" (sent to sign in / 401), "denied" (403).
        var data = new TheoryData<string, string, string>();
        string[] who = ["anonymous", "citizen", "moderator", "official", "admin"];
        foreach (var w in who)
        {
            var signedIn = w != "anonymous";
            var admin = w == "admin";
            foreach (var page in new[] { "GET /", "GET /rules", "GET /accessibility", "GET /privacy", "GET /administrations", "GET /api/v1/tenants", "GET /api/v1/tenant", "GET /healthz", "GET /readyz", "GET /openapi/v1.json" })
            {
                data.Add(w, page, "ok");
            }
            foreach (var page in new[] { "GET /account", "GET /account/password", "GET /account/personal-data", "GET /api/v1/me" })
            {
                data.Add(w, page, signedIn ? "ok" : "login");
            }
            foreach (var page in new[] { "GET /admin", "GET /admin/users", "GET /admin/audit", "GET /api/v1/admin/members", "PUT /api/v1/admin/members/{citizen}/role", "POST /admin/users" })
            {
                data.Add(w, page, admin ? "ok" : signedIn ? "denied" : "login");
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_answers_each_role_as_expected(string who, string endpoint, string expected)
    {
        var client = app.Client(followRedirects: false);
        if (who != "anonymous")
        {
            await client.SignInAsync(who == "citizen" ? "citizen@example.org" : $"{who}.sliven@example.org");
        }
        var citizenId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "citizen@example.org").Select(u => u.Id).SingleAsync());
        var parts = endpoint.Split(' ');
        var url = parts[1].Replace("{citizen}", citizenId.ToString(), StringComparison.Ordinal);

        var response = parts[0] switch
        {
            "GET" => await client.GetAsync(url),
            "PUT" => await client.PutAsJsonAsync(url, new { role = "Participant" }),
            // A form post carries a valid antiforgery token of the caller's own session.
            _ => await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = await client.TokenAsync("/rules"),
                ["userId"] = citizenId.ToString(),
                ["role"] = "Participant",
            })),
        };

        var isApi = url.StartsWith("/api", StringComparison.Ordinal);
        var location = response.Headers.Location?.ToString() ?? "";
        switch (expected)
        {
            case "ok":
                ((int)response.StatusCode).ShouldBeOneOf([200, 204, 302], $"{who} {endpoint}");
                location.ShouldNotContain("/account/login");
                location.ShouldNotContain("access-denied");
                break;
            case "login" when isApi:
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
                break;
            case "login":
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                location.ShouldContain("/account/login");
                break;
            case "denied" when isApi:
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
                break;
            default:
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
                location.ShouldContain("/account/access-denied");
                break;
        }
    }
}
