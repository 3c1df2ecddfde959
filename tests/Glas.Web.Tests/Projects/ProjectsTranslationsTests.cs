using System.Text.RegularExpressions;
using System.Xml.Linq;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Projects;

/// <summary>Every text of the register has both languages, and no register page shows a resource key.</summary>
[Trait("Category", "Integration")]
public partial class ProjectsTranslationsTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    [Fact]
    public void Bulgarian_and_English_resources_have_the_same_keys()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Glas.Web/Resources/Projects"));
        static HashSet<string> Keys(string file) => XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var bg = Keys(Path.Combine(root, "ProjectsText.resx"));
        var en = Keys(Path.Combine(root, "ProjectsText.en.resx"));
        bg.Count.ShouldBeGreaterThan(200);
        bg.Except(en).ShouldBeEmpty("missing in English");
        en.Except(bg).ShouldBeEmpty("missing in Bulgarian");
    }

    [Theory]
    [InlineData("bg-BG")]
    [InlineData("en")]
    public async Task Register_pages_show_text_not_resource_keys(string culture)
    {
        var projects = await app.WithDbAsync(db => db.Projects.IgnoreQueryFilters().Select(p => new { p.Id, Slug = db.Tenants.First(t => t.Id == p.TenantId).Slug }).ToListAsync());
        projects.Count.ShouldBe(5);
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("admin.ruse-oblast@example.org", prefix: "/t/ruse-oblast");
        var ruse = projects.Single(p => p.Slug == "ruse-oblast").Id;
        var urls = new List<string> { "/t/ruse-oblast/projects", "/t/ruse-oblast/projects/summary", "/t/ruse-oblast/projects/new", "/t/ruse-oblast/projects/import",
            $"/t/ruse-oblast/projects/{ruse}/edit", $"/t/ruse-oblast/projects/{ruse}/payments", $"/t/ruse-oblast/projects/{ruse}/documents" };
        urls.AddRange(projects.Select(p => $"/t/{p.Slug}/projects/{p.Id}"));
        foreach (var url in urls)
        {
            var page = await client.GetPageAsync(url + "?culture=" + culture);
            KeyPattern().Matches(page.Body!.TextContent).Select(m => m.Value).ShouldBeEmpty($"{url} ({culture})");
        }
    }

    [GeneratedRegex(@"\b(?:[A-Z][a-z]+)+\.[A-Z][A-Za-z]+(?:\.[A-Z][A-Za-z\-]+)*\b")]
    private static partial Regex KeyPattern();
}
