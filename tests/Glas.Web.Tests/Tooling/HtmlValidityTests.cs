using System.Net;
using System.Text.Json;
using Glas.Web.Consultations;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Tooling;

/// <summary>
/// The pages the browser tests visit, checked once together by the Nu HTML Checker (vnu, as
/// validator.w3.org runs it): no error.
/// </summary>
[Trait("Category", "Tooling")]
public class HtmlValidityTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private async Task<string[]> PagesAsync()
    {
        var consultation = await app.WithDbAsync(db => db.Consultations.Where(c => c.Status == ConsultationStatus.Open).OrderBy(c => c.OpensAt).Select(c => c.Id).FirstAsync(), "sliven");
        var report = await app.WithDbAsync(db => db.Consultations.Where(c => c.ReportPublishedAt != null).Select(c => c.Id).FirstAsync(), "levski");
        var project = await app.WithDbAsync(db => db.Projects.OrderBy(p => p.Title).Select(p => p.Id).FirstAsync(), "levski");
        return
        [
            "/", "/consultations", $"/consultations/{consultation}", $"/consultations/{consultation}/units/3", $"/t/levski/consultations/{report}/report",
            "/t/levski/projects", $"/t/levski/projects/{project}", "/feedback", "/t/ruse-oblast/surveys", "/monitoring", "/events", "/news",
            "/t/yugoiztochen/library", "/t/levski/search?q=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82", "/participation-index", "/rules",
            "/account/login", "/account/register",
        ];
    }

    [Fact]
    public async Task The_pages_the_browser_tests_visit_are_valid_html()
    {
        var folder = Directory.CreateTempSubdirectory("glas-vnu-");
        try
        {
            var client = app.Client();
            var files = new List<string>();
            var names = new Dictionary<string, string>();
            foreach (var (path, i) in (await PagesAsync()).Select((p, i) => (p, i)))
            {
                var response = await client.GetAsync(path);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, path);
                var file = System.IO.Path.Combine(folder.FullName, $"page{i}.html");
                await File.WriteAllTextAsync(file, await response.Content.ReadAsStringAsync());
                files.Add(file);
                names[new Uri(file).AbsoluteUri] = path;
            }
            var (_, output, error) = await Tools.RunAsync("java", ["-Xss4m", "-jar", Tools.Locate("vnu-jar", "build", "dist", "vnu.jar"), "--errors-only", "--format", "json", "--stdout", .. files]);
            using var json = JsonDocument.Parse(output.Length > 0 ? output : error);
            var errors = json.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() == "error" || m.TryGetProperty("subType", out var s) && s.GetString() == "fatal")
                .Select(m => $"{names.GetValueOrDefault(m.TryGetProperty("url", out var u) ? u.GetString()! : "", "?")}:{(m.TryGetProperty("lastLine", out var l) ? l.GetInt32() : 0)}: {m.GetProperty("message").GetString()}")
                .ToList();
            errors.ShouldBeEmpty(string.Join("\n", errors));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
