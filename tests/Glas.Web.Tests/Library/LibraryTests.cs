using System.Net;
using Glas.Web.DemoData;
using Glas.Web.Library;
using Glas.Web.Participation.Documents;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Library;

/// <summary>The document library over HTTP: the seeded reports, filters, who may add entries and files, and isolation.</summary>
[Trait("Category", "Integration")]
public class LibraryTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private async Task<HttpClient> As(string? email, string prefix = "")
    {
        var client = app.Client(followRedirects: false);
        if (email is not null)
        {
            await client.SignInAsync(email, prefix: prefix);
        }
        return client;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, IEnumerable<(string Key, string Value)> fields, string? action = null)
    {
        var token = Forms.Token(await client.GetPageAsync(page));
        return await client.PostAsync(action ?? page, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)).Append(new("__RequestVerificationToken", token))));
    }

    private static (string, string)[] Fields(string title, string type = "Analysis", string date = "2026-10-01", string topic = "budget") =>
        [("Input.Type", type), ("Input.Title", title), ("Input.Description", "Описание."), ("Input.Date", date), ("Input.AuthorOrganisation", "Община Сливен"), ("Input.Topic", topic)];

    [Fact]
    public async Task The_seed_projects_reports_are_in_the_library_with_their_dates()
    {
        var client = await As(null);
        var page = await client.GetPageAsync("/t/yugoiztochen/library?type=Report");
        var titles = page.QuerySelectorAll(".library-list h3 a").Select(a => a.TextContent).ToList();
        titles.ShouldBe(["Първи доклад", "Втори доклад", "Трети доклад"], ignoreOrder: true);
        page.QuerySelector(".library-list .hint")!.TextContent.ShouldContain("Сдружение на Общините от Югоизточен регион");
        page.QuerySelector(".library-list time")!.GetAttribute("datetime").ShouldBe("2020-06-11");
        var all = await client.GetPageAsync("/t/yugoiztochen/library");
        all.QuerySelectorAll(".library-list h3 a").Select(a => a.TextContent)
            .ShouldContain("Стратегия за включване на гражданите в процеса на вземане на решения на местно ниво");

        var id = await app.WithDbAsync(db => db.LibraryEntries.Where(e => e.Title == "Първи доклад").Select(e => e.Id).SingleAsync(), "yugoiztochen");
        var details = await client.GetPageAsync($"/t/yugoiztochen/library/{id}");
        details.QuerySelector("#documents")!.TextContent.ShouldContain("Първи доклад");
        details.QuerySelector("#documents")!.TextContent.ShouldContain("11.06.2020");
        // Not in another administration.
        (await client.GetAsync($"/library/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetPageAsync("/library")).QuerySelectorAll(".library-list h3 a").Select(a => a.TextContent).ShouldNotContain("Първи доклад");
        // A filter that is not one is said, not an error.
        (await client.GetPageAsync("/t/yugoiztochen/library?type=%3Cscript%3E")).QuerySelector(".filters .field-error").ShouldNotBeNull();
        (await client.GetStringAsync("/t/yugoiztochen/library/feed.atom")).ShouldContain("Трети доклад");
    }

    [Fact]
    public async Task Officials_add_entries_and_versioned_files_and_nobody_else_does()
    {
        (await (await As(null)).GetAsync("/library/new")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var denied = await (await As("citizen@example.org")).GetAsync("/library/new");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/account/access-denied");
        var official = await As("official.sliven@example.org");
        var title = "Анализ на бюджета " + Guid.NewGuid().ToString("N")[..6];

        var bad = await PostFormAsync(official, "/library/new", [("Input.Type", "Novel"), ("Input.Title", ""), ("Input.Date", "31.02.2026"), ("Input.AuthorOrganisation", "x\u202Ey"), ("Input.Topic", "nope")]);
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var form = await bad.ParseAsync();
        form.FieldError("Input.Type").ShouldBe("Изберете вид.");
        form.FieldError("Input.Title").ShouldBe("Въведете заглавие.");
        form.FieldError("Input.Date").ShouldBe("Въведете дата във вида ГГГГ-ММ-ДД.");
        form.FieldError("Input.AuthorOrganisation").ShouldContain("непозволени знаци");
        form.FieldError("Input.Topic").ShouldBe("Изберете от изброените теми.");

        (await PostFormAsync(official, "/library/new", Fields(title))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var entry = await app.WithDbAsync(db => db.LibraryEntries.SingleAsync(e => e.Title == title), "sliven");
        entry.Type.ShouldBe(LibraryType.Analysis);
        entry.Date.ShouldBe(new DateOnly(2026, 10, 1));

        // A file, then a new version of it, through the shared documents component.
        async Task<HttpResponseMessage> Upload(HttpClient client, Dictionary<string, string> fields, byte[] content, string name, string prefix = "")
        {
            var page = await client.GetPageAsync($"{prefix}/library/{entry.Id}", prefix.Length == 0 ? HttpStatusCode.OK : HttpStatusCode.NotFound);
            var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? Forms.Token(await client.GetPageAsync(prefix + "/subscriptions"));
            var multipart = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            foreach (var (k, v) in fields)
            {
                multipart.Add(new StringContent(v), k);
            }
            multipart.Add(new ByteArrayContent(content), DocumentForm.FileField, name);
            return await client.PostAsync($"{prefix}/library/{entry.Id}?handler=Document", multipart);
        }
        (await Upload(official, new() { ["Document.Title"] = title, ["Document.Type"] = "Analysis" }, DemoPdf.Create("v1"), "analiz.pdf")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var document = await app.WithDbAsync(db => db.Documents.Include(d => d.Versions).SingleAsync(d => d.SubjectKind == "library" && d.SubjectId == entry.Id), "sliven");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        (await Upload(official, new() { ["Document.DocumentId"] = document.Id.ToString(), ["Document.Note"] = "Поправени таблици" }, DemoPdf.Create("v2"), "analiz-v2.pdf"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.DocumentVersions.CountAsync(v => v.DocumentId == document.Id), "sliven")).ShouldBe(2);
        var page = await (await As(null)).GetPageAsync($"/library/{entry.Id}");
        page.QuerySelector("#documents")!.TextContent.ShouldContain("analiz-v2.pdf");
        page.QuerySelector("form[enctype]").ShouldBeNull(); // no upload form for the public

        // A citizen cannot add a file; another administration's official cannot reach the entry.
        var citizen = await As("citizen@example.org");
        (await Upload(citizen, new() { ["Document.Title"] = "Чужд", ["Document.Type"] = "Other" }, DemoPdf.Create("x"), "x.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var levski = await As("official.levski@example.org", "/t/levski");
        (await levski.GetAsync($"/t/levski/library/{entry.Id}/edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostFormAsync(levski, "/t/levski/library/new", Fields("Чужда промяна"), $"/t/levski/library/{entry.Id}/edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Upload(levski, new() { ["Document.Title"] = "Чужд", ["Document.Type"] = "Other" }, DemoPdf.Create("x"), "x.pdf", "/t/levski")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.Documents.CountAsync(d => d.SubjectId == entry.Id), "sliven")).ShouldBe(1);

        // Edit.
        (await PostFormAsync(official, $"/library/{entry.Id}/edit", Fields(title + " (2)", "Guide"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.LibraryEntries.SingleAsync(e => e.Id == entry.Id), "sliven")).Type.ShouldBe(LibraryType.Guide);
    }
}
