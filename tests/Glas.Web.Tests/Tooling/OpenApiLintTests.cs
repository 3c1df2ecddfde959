using Glas.Web.Tests.TestSupport;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Tooling;

/// <summary>The OpenAPI document checked as outside consumers check it: a generated TypeScript client.</summary>
[Trait("Category", "Tooling")]
public class OpenApiLintTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private async Task<string> DocumentAsync()
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"glas-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await app.Client().GetStringAsync("/openapi/v1.json"));
        return file;
    }

    [Fact]
    public async Task Redocly_recommended_rules_find_no_error()
    {
        var file = await DocumentAsync();
        try
        {
            var (code, stdout, stderr) = await Tools.RunAsync("node", Tools.Locate("@redocly", "cli", "bin", "cli.js"), "lint", file, "--format=summary");
            code.ShouldBe(0, stdout + stderr);
            (stdout + stderr).ShouldNotContain("error ");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_generated_typescript_client_has_no_number_or_string_unions()
    {
        var file = await DocumentAsync();
        var output = System.IO.Path.ChangeExtension(file, ".d.ts");
        try
        {
            var (code, stdout, stderr) = await Tools.RunAsync("node", Tools.Locate("openapi-typescript", "bin", "cli.js"), file, "--output", output);
            code.ShouldBe(0, stdout + stderr);
            var types = await File.ReadAllTextAsync(output);
            types.ShouldContain("\"/api/v1/projects\"");
            types.ShouldNotContain("number | string");
            types.ShouldNotContain("string | number");
        }
        finally
        {
            File.Delete(file);
            File.Delete(output);
        }
    }
}
