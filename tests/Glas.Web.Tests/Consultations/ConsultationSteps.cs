using Glas.Web.Participation.Documents;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Glas.Web.Consultations;
using Glas.Web.DemoData;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Glas.Web.Tests.Consultations;

/// <summary>What an official does, step by step over HTTP, shared by the consultation tests.</summary>
public static class ConsultationSteps
{
    public static string Draft(int articles) =>
        "ПРОЕКТ НА НАРЕДБА\n" + string.Join('\n', Enumerable.Range(1, articles).Select(i => $"Чл. {i}. Текст на член {i}."));

    public static Dictionary<string, string> Form(DateOnly opens, int days, string title = "Наредба за тестовете", string? reason = null, string? draft = null) => new()
    {
        ["Input.Title"] = title,
        ["Input.Summary"] = "Кратко резюме на проекта.",
        ["Input.ActType"] = "Ordinance",
        ["Input.PolicyArea"] = "PublicOrder",
        ["Input.ResponsibleUnit"] = "Дирекция „Правна“",
        ["Input.OpensOn"] = opens.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.ClosesOn"] = opens.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.ShortTermReason"] = reason ?? "",
        ["Input.Contacts[0].Name"] = "Иван Служителев",
        ["Input.Contacts[0].Email"] = "contact@sliven.example.org",
        ["Input.Contacts[0].Phone"] = "+359 44 000 000",
        ["Input.DraftText"] = draft ?? Draft(14),
    };

    public static DateOnly Today(GlasFactory app) => ConsultationLifecycle.TodayInSofia(app.Clock.GetUtcNow());

    /// <summary>Creates a draft consultation through the form and returns its id.</summary>
    public static async Task<Guid> CreateAsync(HttpClient official, Dictionary<string, string> form, string prefix = "")
    {
        var response = await PostAsync(official, prefix + "/consultations/edit", "save", new Dictionary<string, string>(form));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var location = response.Headers.Location!.ToString();
        location.ShouldContain("/manage");
        return Guid.Parse(location.Split('/')[^2]);
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient official, Guid id, DocumentType type, string title, byte[] content, string fileName, Guid? documentId = null, string prefix = "")
    {
        var page = await official.GetPageAsync($"{prefix}/consultations/{id}/manage");
        var form = new MultipartFormDataContent
        {
            { new StringContent(Forms.Token(page)), "__RequestVerificationToken" },
            { new StringContent(type.ToString()), "Document.Type" },
            { new StringContent(title), "Document.Title" },
            { new StringContent(documentId?.ToString() ?? ""), "Document.DocumentId" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "DocumentFile", fileName);
        return await official.PostAsync($"{prefix}/consultations/{id}/manage?handler=upload", form);
    }

    /// <summary>Creates, documents and schedules a consultation opening today; after a tick it is open.</summary>
    public static async Task<Guid> OpenAsync(GlasFactory app, HttpClient official, int articles = 14, int days = 30, string prefix = "")
    {
        var id = await CreateAsync(official, Form(Today(app), days, draft: Draft(articles)), prefix);
        (await UploadAsync(official, id, DocumentType.Draft, "Проект", DemoPdf.Create("draft"), "proekt.pdf", prefix: prefix)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await UploadAsync(official, id, DocumentType.Motives, "Мотиви", DemoPdf.Create("motives"), "motivi.pdf", prefix: prefix)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var scheduled = await PostAsync(official, $"{prefix}/consultations/{id}/manage", "schedule", []);
        scheduled.StatusCode.ShouldBe(HttpStatusCode.Redirect, await scheduled.Content.ReadAsStringAsync());
        await app.Services.GetRequiredService<ConsultationClock>().TickAsync(CancellationToken.None);
        (await app.WithDbAsync(db => db.Consultations.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => c.Status).SingleAsync())).ShouldBe(ConsultationStatus.Open);
        return id;
    }

    public static async Task<HttpResponseMessage> CommentAsync(HttpClient participant, Guid id, string text, int? unit = null, string shown = "DisplayName", Guid? parent = null, string prefix = "")
    {
        var url = unit is null ? $"{prefix}/consultations/{id}" : $"{prefix}/consultations/{id}/units/{unit}";
        var fields = new Dictionary<string, string> { ["Comment.Text"] = text, ["Comment.Shown"] = shown };
        if (parent is not null)
        {
            fields["Comment.ParentId"] = parent.Value.ToString();
        }
        return await PostAsync(participant, url, "comment", fields);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string handler, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await client.TokenAsync(pageUrl);
        return await client.PostAsync($"{pageUrl}?handler={handler}", new FormUrlEncodedContent(fields));
    }

    public static string Text(IHtmlDocument page, string selector) => page.QuerySelector(selector)?.TextContent.Trim() ?? "";
}
