using System.Text.RegularExpressions;
using System.Xml.Linq;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Localization;

/// <summary>Every text has both languages, and no page shows a resource key instead of text.</summary>
[Trait("Category", "Integration")]
public partial class TranslationsTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    [Theory]
    [InlineData("SharedResource")]
    [InlineData("Consultations/ConsultationsText")]
    [InlineData("Participation/NotificationsText")]
    [InlineData("Participation/Comments/CommentsText")]
    [InlineData("Workspace/WorkspaceText")]
    public void Bulgarian_and_English_resources_have_the_same_keys(string name)
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Glas.Web/Resources"));
        static HashSet<string> Keys(string file) => XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var bg = Keys(Path.Combine(root, name + ".resx"));
        var en = Keys(Path.Combine(root, name + ".en.resx"));
        bg.Except(en).ShouldBeEmpty("missing in English");
        en.Except(bg).ShouldBeEmpty("missing in Bulgarian");
    }

    [Theory]
    [InlineData("bg-BG")]
    [InlineData("en")]
    public async Task Pages_show_text_not_resource_keys(string culture)
    {
        var consultations = await app.WithDbAsync(db => db.Consultations.IgnoreQueryFilters().Select(c => new { c.Id, Slug = db.Tenants.First(t => t.Id == c.TenantId).Slug }).ToListAsync());
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("admin.sliven@example.org");
        var urls = new List<string> { "/", "/rules", "/accessibility", "/privacy", "/administrations", "/consultations", "/consultations/edit", "/moderation", "/admin", "/admin/users", "/admin/audit", "/account", "/account/password", "/account/personal-data", "/account/notifications", "/account/notification-settings", "/work" };
        foreach (var c in consultations)
        {
            urls.AddRange([$"/t/{c.Slug}/consultations/{c.Id}", $"/t/{c.Slug}/consultations/{c.Id}/units/3", $"/t/{c.Slug}/consultations/{c.Id}/report"]);
        }
        var officialOfSliven = consultations.First(c => c.Slug == "sliven");
        urls.AddRange([$"/consultations/{officialOfSliven.Id}/manage", $"/consultations/{officialOfSliven.Id}/report/edit"]);
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + culture);
            if (response.StatusCode != System.Net.HttpStatusCode.OK)
            {
                continue; // e.g. a report that is not public yet; the other tests cover access
            }
            var page = await response.ParseAsync();
            var text = page.Body!.TextContent;
            KeyPattern().Matches(text).Select(m => m.Value).ShouldBeEmpty($"{url} ({culture})");
        }
    }

    // Resource keys look like "Details.Documents" or "Field.ShortTermReason.Hint".
    [GeneratedRegex(@"\b(?:[A-Z][a-z]+)+\.[A-Z][A-Za-z]+(?:\.[A-Z][A-Za-z]+)*\b")]
    private static partial Regex KeyPattern();
}
