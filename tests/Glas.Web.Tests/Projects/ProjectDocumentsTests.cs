using System.Net;
using System.Text;
using Glas.Web.DemoData;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Projects;

/// <summary>Officials upload a project's documents; files are checked by content and served as attachments.</summary>
[Trait("Category", "Integration")]
public class ProjectDocumentsTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, string title, byte[] content, string fileName, string prefix = "")
    {
        var page = await client.GetPageAsync($"{prefix}/projects/{id}/documents");
        var form = new MultipartFormDataContent
        {
            { new StringContent(Forms.Token(page)), "__RequestVerificationToken" },
            { new StringContent(title), "Document.Title" },
            { new StringContent("Report"), "Document.Type" },
        };
        form.Add(new ByteArrayContent(content), "DocumentFile", fileName);
        return await client.PostAsync($"{prefix}/projects/{id}/documents?handler=Document", form);
    }

    [Fact]
    public async Task An_official_uploads_a_report_that_anyone_can_download()
    {
        var official = app.Client(followRedirects: false);
        await official.SignInAsync("official.sliven@example.org");
        var id = await app.WithDbAsync(db => db.Projects.Select(p => p.Id).FirstAsync(), "sliven");

        var uploaded = await UploadAsync(official, id, "Междинен доклад", DemoPdf.Create("report"), "../doklad 1.pdf");
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var document = await app.WithDbAsync(db => db.Documents.Include(d => d.Versions).SingleAsync(d => d.SubjectKind == "project" && d.SubjectId == id && d.Title == "Междинен доклад"), "sliven");
        document.Versions.Single().FileName.ShouldBe("doklad 1.pdf");
        document.Versions.Single().ContentType.ShouldBe("application/pdf");

        var page = await app.Client().GetPageAsync($"/projects/{id}");
        page.QuerySelector($"a[href='/projects/{id}/documents/{document.Id}/file']")!.TextContent.ShouldBe("Междинен доклад");
        var file = await app.Client().GetAsync($"/projects/{id}/documents/{document.Id}/file");
        file.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        file.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (await file.Content.ReadAsByteArrayAsync()).ShouldBe(DemoPdf.Create("report"));
        // Another administration's address does not reach it.
        (await app.Client().GetAsync($"/t/levski/projects/{id}/documents/{document.Id}/file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_disguised_file_is_refused_with_a_message_and_nothing_is_saved()
    {
        var official = app.Client(followRedirects: false);
        await official.SignInAsync("official.sliven@example.org");
        var id = await app.WithDbAsync(db => db.Projects.Select(p => p.Id).FirstAsync(), "sliven");
        var response = await UploadAsync(official, id, "Фалшив", Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "doklad.pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.ParseAsync()).FieldError("DocumentFile").ShouldBe("Приемат се само PDF, DOCX и ODT; съдържанието на файла не е такъв документ.");
        (await app.WithDbAsync(db => db.Documents.CountAsync(d => d.Title == "Фалшив"), "sliven")).ShouldBe(0);

        var citizen = app.Client(followRedirects: false);
        await citizen.SignInAsync("citizen@example.org");
        var denied = await citizen.GetAsync($"/projects/{id}/documents");
        denied.Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }

    [Fact]
    public async Task A_decompression_bomb_or_a_document_with_macros_is_refused_with_a_message()
    {
        var official = app.Client(followRedirects: false);
        await official.SignInAsync("official.sliven@example.org");
        var id = await app.WithDbAsync(db => db.Projects.Select(p => p.Id).FirstAsync(), "sliven");
        var bomb = Platform.Files.UploadCheckTests.DocxWith(Platform.Files.UploadCheckTests.Zeros("word/media/a.bin", 40L * 1024 * 1024));
        var refused = await UploadAsync(official, id, "Бомба", bomb, "doklad.docx");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await refused.ParseAsync()).FieldError("DocumentFile").ShouldBe("Файлът не може да бъде приет: разархивиран е твърде голям или съдържа твърде много части (най-много 20 MB и 1000 части).");
        var macros = Platform.Files.UploadCheckTests.DocxWith(zip => zip.CreateEntry("word/vbaProject.bin"));
        (await (await UploadAsync(official, id, "Макроси", macros, "doklad.docx")).ParseAsync()).FieldError("DocumentFile").ShouldStartWith("Документи с макроси");
        (await app.WithDbAsync(db => db.Documents.CountAsync(d => d.Title == "Бомба" || d.Title == "Макроси"), "sliven")).ShouldBe(0);
    }
}
