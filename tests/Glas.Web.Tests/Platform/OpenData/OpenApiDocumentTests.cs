using System.Text.Json;
using Glas.Web.Tests.TestSupport;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.OpenData;

/// <summary>The OpenAPI document is precise enough for client generators.</summary>
[Trait("Category", "Integration")]
public class OpenApiDocumentTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private static IEnumerable<JsonElement> Walk(JsonElement e)
    {
        yield return e;
        var children = e.ValueKind switch
        {
            JsonValueKind.Object => e.EnumerateObject().Select(p => p.Value),
            JsonValueKind.Array => e.EnumerateArray(),
            _ => [],
        };
        foreach (var child in children.SelectMany(Walk))
        {
            yield return child;
        }
    }

    [Fact]
    public async Task Numbers_are_numbers_writes_need_the_cookie_and_errors_are_declared()
    {
        using var doc = JsonDocument.Parse(await app.Client().GetStringAsync("/openapi/v1.json"));
        var root = doc.RootElement;

        // No integer or amount typed as "number or string".
        var mixed = Walk(root).Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.Array
            && t.EnumerateArray().Select(x => x.GetString()).Intersect(["integer", "number"]).Any() && t.EnumerateArray().Any(x => x.GetString() == "string")).ToList();
        mixed.ShouldBeEmpty();

        root.GetProperty("components").GetProperty("securitySchemes").GetProperty("cookie").GetProperty("in").GetString().ShouldBe("cookie");
        if (root.TryGetProperty("servers", out var servers))
        {
            servers.EnumerateArray().ShouldAllBe(s => s.GetProperty("url").GetString()!.Length == 1 || !s.GetProperty("url").GetString()!.EndsWith('/'));
        }

        var paths = root.GetProperty("paths");
        var import = paths.GetProperty("/api/v1/projects/import/csv").GetProperty("post");
        import.GetProperty("security")[0].TryGetProperty("cookie", out _).ShouldBeTrue();
        var responses = import.GetProperty("responses").EnumerateObject().Select(p => p.Name).ToList();
        responses.ShouldContain("400");
        responses.ShouldContain("401");
        responses.ShouldContain("403");
        paths.GetProperty("/api/v1/consultations/{id}/strategy-bg").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _).ShouldBeTrue();

        // Downloads are listed, each spreadsheet beside its CSV.
        paths.TryGetProperty("/api/v1/projects/export.xlsx", out _).ShouldBeTrue();
        paths.TryGetProperty("/consultations/{id}/report.csv", out _).ShouldBeTrue();
        paths.TryGetProperty("/consultations/{id}/report.xlsx", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/projects/export.csv").GetProperty("get").GetProperty("description").GetString()!.ShouldContain("`total_value`");
    }
}
