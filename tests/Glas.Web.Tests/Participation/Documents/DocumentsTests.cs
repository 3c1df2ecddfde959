using System.Net;
using System.Text;
using Glas.Web.DemoData;
using Glas.Web.Participation.Documents;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static Glas.Web.Tests.Consultations.ConsultationSteps;

namespace Glas.Web.Tests.Participation.Documents;

/// <summary>The documents component through both modules' pages: who may add and download, across administrations, and what files get in.</summary>
[Trait("Category", "Integration")]
public class DocumentsTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private const string WrongType = "Приемат се само PDF, DOCX и ODT; съдържанието на файла не е такъв документ.";

    private async Task<HttpClient> As(string email, string prefix = "")
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync(email, prefix: prefix);
        return client;
    }

    private Task<Guid> SlivenProject() => app.WithDbAsync(db => db.Projects.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(), "sliven");

    /// <summary>Posts the shared upload form of a project's documents page.</summary>
    private static async Task<HttpResponseMessage> UploadToProjectAsync(HttpClient client, Guid id, Dictionary<string, string> fields, byte[]? content, string fileName = "doklad.pdf", string prefix = "")
    {
        var page = await client.GetPageAsync($"{prefix}/projects/{id}/documents");
        var form = new MultipartFormDataContent { { new StringContent(Forms.Token(page)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        if (content is not null)
        {
            form.Add(new ByteArrayContent(content), DocumentForm.FileField, fileName);
        }
        return await client.PostAsync($"{prefix}/projects/{id}/documents?handler=Document", form);
    }

    private static Dictionary<string, string> NewDocument(string title, string type = "Report") => new() { ["Document.Title"] = title, ["Document.Type"] = type };

    private Task<Document> DocumentAsync(string title, string slug = "sliven") =>
        app.WithDbAsync(db => db.Documents.Include(d => d.Versions).SingleAsync(d => d.Title == title), slug);

    [Fact]
    public async Task A_project_document_gains_versions_and_every_version_is_downloadable()
    {
        var official = await As("official.sliven@example.org");
        var id = await SlivenProject();
        (await UploadToProjectAsync(official, id, NewDocument("Технически доклад"), DemoPdf.Create("v1"), "doklad v1.pdf")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var document = await DocumentAsync("Технически доклад");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await UploadToProjectAsync(official, id, new() { ["Document.DocumentId"] = document.Id.ToString(), ["Document.Note"] = "Поправени таблици" },
            Platform.Files.UploadCheckTests.Docx("v2"), "doklad v2.docx");
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var versions = (await DocumentAsync("Технически доклад")).Versions.OrderBy(v => v.UploadedAt).ToList();
        versions.Select(v => (v.FileName, v.Note)).ShouldBe([("doklad v1.pdf", null), ("doklad v2.docx", "Поправени таблици")]);
        versions.ShouldAllBe(v => v.Sha256 != null && v.UploadedBy != null);

        var anonymous = app.Client();
        var page = await anonymous.GetPageAsync($"/projects/{id}");
        foreach (var v in versions)
        {
            var link = $"/projects/{id}/documents/{document.Id}/versions/{v.Id}";
            page.QuerySelector($"a[href='{link}']")!.TextContent.ShouldBe(v.FileName);
            var file = await anonymous.GetAsync(link);
            file.StatusCode.ShouldBe(HttpStatusCode.OK);
            file.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
            file.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
            // The component's own address serves the same file.
            (await (await anonymous.GetAsync($"/documents/{document.Id}/versions/{v.Id}")).Content.ReadAsByteArrayAsync()).ShouldBe(await file.Content.ReadAsByteArrayAsync());
        }
        // The project's old address gives the newest file.
        var latest = await anonymous.GetAsync($"/projects/{id}/documents/{document.Id}/file");
        latest.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        // Each upload is in the audit log.
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Subject == $"project:{id}" && a.Details!.StartsWith("Технически доклад") && (a.Action == "document.add" || a.Action == "document.version")), "sliven")).ShouldBe(2);
    }

    [Fact]
    public async Task A_citizen_cannot_upload_to_either_module()
    {
        var citizen = await As("citizen@example.org");
        var id = await SlivenProject();
        var consultation = await app.WithDbAsync(db => db.Consultations.Select(c => c.Id).FirstAsync(), "sliven");
        foreach (var url in new[] { $"/projects/{id}/documents?handler=Document", $"/consultations/{consultation}/manage?handler=upload" })
        {
            var form = new MultipartFormDataContent { { new StringContent("Report"), "Document.Type" }, { new StringContent("Гражданин"), "Document.Title" } };
            form.Add(new ByteArrayContent(DemoPdf.Create("c")), DocumentForm.FileField, "c.pdf");
            var response = await citizen.PostAsync(url, form);
            response.StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.BadRequest);
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                response.Headers.Location!.ToString().ShouldContain("/account/access-denied");
            }
        }
        (await app.WithDbAsync(db => db.Documents.CountAsync(d => d.Title == "Гражданин"), "sliven")).ShouldBe(0);
    }

    [Fact]
    public async Task An_official_of_another_administration_can_neither_upload_to_nor_download_from_a_draft()
    {
        var sliven = await As("official.sliven@example.org");
        var id = await CreateAsync(sliven, Form(Today(app), 30, title: "Чернова с документи"));
        (await UploadAsync(sliven, id, DocumentType.Draft, "Проект", DemoPdf.Create("draft"), "proekt.pdf")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var version = (await app.WithDbAsync(db => db.Documents.Include(d => d.Versions).SingleAsync(d => d.SubjectId == id), "sliven")).Versions.Single();

        var levski = await As("official.levski@example.org", "/t/levski");
        // Through the Levski address the Sliven draft does not exist.
        (await levski.GetAsync($"/t/levski/consultations/{id}/manage")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await levski.GetPageAsync("/t/levski/consultations/edit");
        var form = new MultipartFormDataContent
        {
            { new StringContent(Forms.Token(page)), "__RequestVerificationToken" },
            { new StringContent("Motives"), "Document.Type" },
            { new StringContent("Подхвърлен"), "Document.Title" },
        };
        form.Add(new ByteArrayContent(DemoPdf.Create("x")), DocumentForm.FileField, "x.pdf");
        (await levski.PostAsync($"/t/levski/consultations/{id}/manage?handler=upload", form)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.Documents.IgnoreQueryFilters().CountAsync(d => d.Title == "Подхвърлен"))).ShouldBe(0);

        foreach (var url in new[] { $"/t/levski/consultations/{id}/files/{version.Id}", $"/t/levski/documents/{version.DocumentId}/versions/{version.Id}" })
        {
            (await levski.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
        // Signed in with a Levski role, on Sliven's address the draft is still not theirs to read.
        var levskiOnSliven = await As("official.levski@example.org");
        (await levskiOnSliven.GetAsync($"/consultations/{id}/files/{version.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await levskiOnSliven.GetAsync($"/documents/{version.DocumentId}/versions/{version.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The Sliven official downloads it through both addresses.
        (await sliven.GetAsync($"/consultations/{id}/files/{version.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await sliven.GetAsync($"/documents/{version.DocumentId}/versions/{version.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_version_of_another_administrations_document_is_not_found()
    {
        var official = await As("official.sliven@example.org");
        var id = await SlivenProject();
        (await UploadToProjectAsync(official, id, NewDocument("Доклад на Сливен"), DemoPdf.Create("s"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var document = await DocumentAsync("Доклад на Сливен");
        var version = document.Versions.Single();
        var anonymous = app.Client();
        (await anonymous.GetAsync($"/projects/{id}/documents/{document.Id}/versions/{version.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var url in new[]
                 {
                     $"/t/levski/projects/{id}/documents/{document.Id}/versions/{version.Id}",
                     $"/t/levski/projects/{id}/documents/{document.Id}/file",
                     $"/t/levski/documents/{document.Id}/versions/{version.Id}",
                     // A version named under another document or subject is not served either.
                     $"/projects/{Guid.NewGuid()}/documents/{document.Id}/versions/{version.Id}",
                     $"/documents/{Guid.NewGuid()}/versions/{version.Id}",
                     $"/consultations/{id}/files/{version.Id}",
                 })
        {
            (await anonymous.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
        // Nor can a Levski official add a version to it through a Levski project.
        var levskiProject = await app.WithDbAsync(db => db.Projects.Select(p => p.Id).FirstAsync(), "levski");
        var levski = await As("official.levski@example.org", "/t/levski");
        var refused = await UploadToProjectAsync(levski, levskiProject, new() { ["Document.DocumentId"] = document.Id.ToString() }, DemoPdf.Create("hijack"), prefix: "/t/levski");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.ParseAsync()).FieldError("Document.DocumentId").ShouldBe("Изберете документ от списъка.");
        (await DocumentAsync("Доклад на Сливен")).Versions.Count.ShouldBe(1);
    }

    public static TheoryData<string, byte[], string> Refused => new()
    {
        // An executable renamed .pdf.
        { "Програма", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, .. Encoding.ASCII.GetBytes("This program cannot be run in DOS mode. %PDF-1.7")], "doklad.pdf" },
        // A polyglot: an HTML page that also carries a PDF further in.
        { "Полиглот", [.. Encoding.UTF8.GetBytes("<html><script>alert(document.cookie)</script>"), .. DemoPdf.Create("inside")], "doklad.pdf" },
        { "Картинка", Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"), "doklad.svg" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Wrong_content_is_refused_with_a_message_in_both_modules(string title, byte[] content, string fileName)
    {
        var official = await As("official.sliven@example.org");
        var project = await UploadToProjectAsync(official, await SlivenProject(), NewDocument(title), content, fileName);
        project.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await project.ParseAsync()).FieldError(DocumentForm.FileField).ShouldBe(WrongType);

        var id = await CreateAsync(official, Form(Today(app), 30, title: "Проверка на " + title));
        var consultation = await UploadAsync(official, id, DocumentType.Draft, title, content, fileName);
        consultation.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await consultation.ParseAsync()).FieldError(DocumentForm.FileField).ShouldBe(WrongType);
        (await app.WithDbAsync(db => db.Documents.CountAsync(d => d.Title == title), "sliven")).ShouldBe(0);
    }

    [Theory]
    [InlineData("../../etc/passwd.pdf")]
    [InlineData("..\\..\\windows\\win.ini.pdf")]
    [InlineData("<img src=x onerror=alert(1)>.pdf")]
    [InlineData("доклад.exe")]
    [InlineData("C:\\Users\\a\\report\u202Efdp.exe")]
    public async Task Hostile_file_names_are_stored_safe_and_served_as_attachments(string fileName)
    {
        var official = await As("official.sliven@example.org");
        var id = await SlivenProject();
        var title = "Име " + Guid.NewGuid().ToString("N")[..8];
        var response = await UploadToProjectAsync(official, id, NewDocument(title), DemoPdf.Create(fileName), fileName);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var document = await DocumentAsync(title);
        var version = document.Versions.Single();
        version.FileName.ShouldEndWith(".pdf");
        version.FileName.IndexOfAny(['/', '\\', '"', '<', '>', ':', '\u202E']).ShouldBe(-1);
        var file = await app.Client().GetAsync($"/projects/{id}/documents/{document.Id}/file");
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        file.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (file.Content.Headers.ContentDisposition.FileNameStar ?? file.Content.Headers.ContentDisposition.FileName!).ShouldNotContain("/");
        file.Headers.GetValues("Content-Security-Policy").Single().ShouldContain("sandbox");
    }

    [Fact]
    public async Task Bad_fields_get_messages_beside_them_never_a_500()
    {
        var official = await As("official.sliven@example.org");
        var id = await SlivenProject();
        var response = await UploadToProjectAsync(official, id, new()
        {
            ["Document.Type"] = "3",
            ["Document.Title"] = "Заглавие\u202Eтхт.exe",
            ["Document.Language"] = "de",
            ["Document.Date"] = "31.02.2026",
            ["Document.Url"] = "javascript:alert(1)",
            ["Document.Note"] = new string('б', 600),
            ["Document.DocumentId"] = "",
        }, DemoPdf.Create("x"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.FieldError("Document.Type").ShouldBe("Изберете вида на документа.");
        page.FieldError("Document.Title").ShouldBe("Текстът съдържа непозволени знаци.");
        page.FieldError("Document.Language").ShouldBe("Изберете български или английски.");
        page.FieldError("Document.Date").ShouldStartWith("Въведете дата");
        page.FieldError("Document.Url").ShouldBe("Въведете пълен адрес, започващ с https://.");
        page.FieldError("Document.Note").ShouldStartWith("Бележката е твърде дълга");
        page.QuerySelector(".error-summary").ShouldNotBeNull();

        // A version without a file, and a document id that is not a document.
        var noFile = await (await UploadToProjectAsync(official, id, new() { ["Document.DocumentId"] = Guid.NewGuid().ToString() }, null)).ParseAsync();
        noFile.FieldError(DocumentForm.FileField).ShouldBe("Изберете файл.");
        noFile.FieldError("Document.DocumentId").ShouldBe("Изберете документ от списъка.");
        var garbage = await UploadToProjectAsync(official, id, new() { ["Document.DocumentId"] = "не-е-guid", ["Document.Title"] = "x", ["Document.Type"] = "Report" }, null);
        ((int)garbage.StatusCode).ShouldBeLessThan(500);
    }

    [Fact]
    public async Task A_link_only_project_document_and_an_english_document_are_listed()
    {
        var official = await As("official.sliven@example.org");
        var id = await SlivenProject();
        (await UploadToProjectAsync(official, id, new() { ["Document.Title"] = "Доклад в ИСУН", ["Document.Type"] = "Analysis", ["Document.Url"] = "https://2020.eufunds.bg/bg/0/0/Project/Details", ["Document.Date"] = "01.02.2024" }, null))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await UploadToProjectAsync(official, id, new() { ["Document.Title"] = "Final report", ["Document.Type"] = "Report", ["Document.Language"] = "en" }, DemoPdf.Create("en")))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await app.Client().GetPageAsync($"/projects/{id}");
        page.QuerySelector("a[href='https://2020.eufunds.bg/bg/0/0/Project/Details']")!.TextContent.ShouldBe("Доклад в ИСУН");
        page.QuerySelector("#documents li[lang='en']")!.TextContent.ShouldContain("Final report");
        (await DocumentAsync("Доклад в ИСУН")).DocumentDate.ShouldBe(new DateTimeOffset(2024, 1, 31, 22, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Personal_data_lists_a_persons_uploads_and_erasure_forgets_the_uploader()
    {
        var official = await As("official.sliven@example.org");
        var id = await SlivenProject();
        (await UploadToProjectAsync(official, id, NewDocument("Лични данни"), DemoPdf.Create("pd"), "lichni.pdf")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "official.sliven@example.org").Select(u => u.Id).SingleAsync());
        var module = new DocumentsModule();
        var data = await app.WithDbAsync(db => module.PersonalDataAsync(db, userId, default));
        System.Text.Json.JsonSerializer.Serialize(data).ShouldContain("lichni.pdf");

        await app.WithDbAsync(async db => { await module.ErasePersonalDataAsync(db, userId, default); return 0; });
        (await DocumentAsync("Лични данни")).Versions.Single().UploadedBy.ShouldBeNull();
        (await app.WithDbAsync(db => module.PersonalDataAsync(db, userId, default))).ShouldBeNull();
    }
}
