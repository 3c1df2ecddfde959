using System.Net;
using System.Text.Json;
using Glas.Web.Feedback;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Feedback;

[Trait("Category", "Unit")]
public class FeedbackMapUnitTests
{
    [Theory]
    [InlineData("https://tile.openstreetmap.org/{z}/{x}/{y}.png", "https://tile.openstreetmap.org")]
    [InlineData("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org")]
    [InlineData("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png", "http://127.0.0.1:8080")]
    [InlineData("javascript:alert(1)//{z}", null)]
    [InlineData("https://evil.example.org'; script-src *", null)]
    [InlineData("", null)]
    public void The_tile_servers_origin_is_what_the_page_may_load_images_from(string url, string? origin) =>
        FeedbackMap.TileOrigin(url).ShouldBe(origin);
}

/// <summary>The map is an addition: the list and the fields work without it, and its data holds nothing private.</summary>
[Trait("Category", "Integration")]
public class FeedbackMapTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    [Fact]
    public async Task The_map_points_are_public_reports_with_a_point_and_nothing_about_the_sender()
    {
        var client = app.Client(followRedirects: false);
        var json = await client.GetStringAsync("/api/v1/feedback/points");
        var points = JsonDocument.Parse(json).RootElement.EnumerateArray().ToList();
        var expected = await app.WithDbAsync(db => db.FeedbackReports.CountAsync(r => r.IsPublic && r.Latitude != null && r.Longitude != null), "sliven");
        points.Count.ShouldBe(expected);
        points.Count.ShouldBeGreaterThan(0);
        json.ShouldNotContain("example.org");
        json.ShouldNotContain("reporter", Case.Insensitive);
        var first = points[0];
        first.GetProperty("url").GetString()!.ShouldStartWith("/feedback/");
        first.GetProperty("lat").GetDouble().ShouldBeInRange(41.2, 44.25);

        var closed = JsonDocument.Parse(await client.GetStringAsync("/api/v1/feedback/points?status=Closed")).RootElement.EnumerateArray().ToList();
        closed.ShouldAllBe(p => p.GetProperty("status").GetString() == "приключен");
        (await client.GetAsync("/api/v1/feedback/points?status=1")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/v1/feedback/points?status=%3Cscript%3E")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        JsonDocument.Parse(await client.GetStringAsync("/api/v1/feedback/points?category=%27%20OR%201%3D1--")).RootElement.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Pages_with_a_map_allow_its_tiles_and_keep_the_list_and_fields_without_JavaScript()
    {
        var client = app.Client(followRedirects: false);
        var response = await client.GetAsync("/feedback?status=Closed");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("img-src 'self' data: http://127.0.0.1:9;");
        csp.ShouldContain("script-src 'self';");
        var page = await response.ParseAsync();
        var map = page.QuerySelector("[data-feedback-map]").ShouldNotBeNull();
        map.HasAttribute("hidden").ShouldBeTrue();
        map.GetAttribute("data-src").ShouldBe("/api/v1/feedback/points?status=Closed");
        page.QuerySelector("table#reports").ShouldNotBeNull();

        // Pages without a map keep the strict policy.
        var other = await client.GetAsync("/feedback/dashboard");
        (other.Headers.TryGetValues("Content-Security-Policy", out var values) ? values.Single() : "").ShouldNotContain("127.0.0.1:9");

        await client.SignInAsync("citizen@example.org");
        var form = await client.GetPageAsync("/feedback/new");
        form.QuerySelector("[data-feedback-map][data-mode=pick]").ShouldNotBeNull();
        form.QuerySelector("input#Input_Latitude").ShouldNotBeNull();
        form.QuerySelector("input#Photos[type=file][multiple]").ShouldNotBeNull();
    }
}
