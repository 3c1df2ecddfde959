using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Glas.Web.Tests.Platform.Files;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Feedback;

/// <summary>Photos with a report: checked by content, cleaned of camera data, public only once staff publish them, and Open311's media_url.</summary>
[Trait("Category", "Integration")]
public class FeedbackPhotosTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private static Dictionary<string, string> Report(string title) => new()
    {
        ["Input.Kind"] = "Signal",
        ["Input.Category"] = "street-lighting",
        ["Input.Title"] = title,
        ["Input.Description"] = "Лампата пред входа не свети от седмица.",
        ["Input.Address"] = "ул. „Раковска“ 20",
        ["Input.IsPublic"] = "true",
    };

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, Dictionary<string, string> fields, params (byte[] Content, string Name, string Type)[] photos)
    {
        var page = await client.GetPageAsync("/feedback/new");
        using var form = new MultipartFormDataContent { { new StringContent(Forms.Token(page)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        foreach (var (content, name, type) in photos)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(file, "Photos", name);
        }
        return await client.PostAsync("/feedback/new", form);
    }

    private async Task<HttpClient> As(string? email, string prefix = "")
    {
        var client = app.Client(followRedirects: false);
        if (email is not null)
        {
            await client.SignInAsync(email, prefix: prefix);
        }
        return client;
    }

    private Task<int> PhotoCountAsync() => app.WithDbAsync(db => db.FeedbackPhotos.IgnoreQueryFilters().CountAsync());

    [Fact]
    public async Task Photos_are_cleaned_hidden_until_staff_publish_them_then_public_and_in_Open311()
    {
        var citizen = await As("citizen@example.org");
        var response = await PostAsync(citizen, Report("Тъмна улица със снимки"),
            (ImagesTests.JpegWithGps(), "IMG_0001.jpg", "image/jpeg"), (ImagesTests.Drawn(2400, 1200), "улица.png", "image/png"));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, Forms.Trim(await response.Content.ReadAsStringAsync()));
        var id = Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());

        var photos = await app.WithDbAsync(db => db.FeedbackPhotos.Where(p => p.ReportId == id).OrderBy(p => p.UploadedAt).ThenBy(p => p.Id).ToListAsync(), "sliven");
        photos.Count.ShouldBe(2);
        photos.ShouldAllBe(p => p.ContentType == "image/webp" && p.ApprovedAt == null && p.Sha256.Length == 64);
        photos.Max(p => Math.Max(p.Width, p.Height)).ShouldBe(1600);

        // The sender sees their photos, cleaned: WebP, without the camera's EXIF block and its GPS position.
        var path = $"/feedback/{id}/photos/{photos[0].Id}";
        var own = await citizen.GetAsync(path);
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        own.Content.Headers.ContentType!.MediaType.ShouldBe("image/webp");
        var bytes = await own.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(bytes, 8, 4).ShouldBe("WEBP");
        Encoding.Latin1.GetString(bytes).ShouldNotContain("Exif");
        (await citizen.GetPageAsync($"/feedback/{id}")).QuerySelectorAll("#photos img").Length.ShouldBe(2);

        // The public sees neither the photo nor its image on the page yet.
        var anonymous = await As(null);
        (await anonymous.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await anonymous.GetPageAsync($"/feedback/{id}")).QuerySelector("#photos").ShouldBeNull();

        // Another administration's official cannot publish it; the report is not there for them.
        var haskovo = await As("official.haskovo@example.org", "/t/haskovo");
        var token = Forms.Token(await haskovo.GetPageAsync("/t/haskovo/feedback/new"));
        var foreign = await haskovo.PostAsync($"/t/haskovo/feedback/{id}/manage?handler=PublishPhoto&photoId={photos[0].Id}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.FeedbackPhotos.CountAsync(p => p.ReportId == id && p.ApprovedAt != null), "sliven")).ShouldBe(0);

        // The official publishes the first and removes the second.
        var official = await As("official.sliven@example.org");
        (await official.GetPageAsync($"/feedback/{id}/manage")).QuerySelectorAll("#photos img").Length.ShouldBe(2);
        async Task<HttpResponseMessage> ActAsync(string handler, Guid photo)
        {
            var manage = await official.GetPageAsync($"/feedback/{id}/manage");
            var action = manage.Forms.Select(f => f.GetAttribute("action") ?? "")
                .Single(a => a.Contains("handler=" + handler, StringComparison.Ordinal) && a.Contains(photo.ToString(), StringComparison.Ordinal));
            return await official.PostAsync(action, new FormUrlEncodedContent([new("__RequestVerificationToken", Forms.Token(manage))]));
        }
        (await ActAsync("PublishPhoto", photos[0].Id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ActAsync("RemovePhoto", photos[1].Id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await anonymous.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await anonymous.GetAsync($"/feedback/{id}/photos/{photos[1].Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var img = (await anonymous.GetPageAsync($"/feedback/{id}")).QuerySelectorAll("#photos img").ShouldHaveSingleItem();
        img.GetAttribute("src").ShouldBe(path);
        img.GetAttribute("alt").ShouldNotBeNullOrWhiteSpace();
        (await app.WithDbAsync(db => db.AuditEntries.IgnoreQueryFilters().CountAsync(a => a.Action.StartsWith("feedback.photo.")))).ShouldBe(2);

        // Open311 points at the published photo.
        var number = await app.WithDbAsync(db => db.FeedbackReports.Where(r => r.Id == id).Select(r => r.Number).SingleAsync(), "sliven");
        var json = await anonymous.GetStringAsync($"/open311/v2/requests/{number}.json");
        JsonDocument.Parse(json).RootElement[0].GetProperty("media_url").GetString()!.ShouldEndWith(path);
        var xml = await anonymous.GetStringAsync($"/open311/v2/requests/{number}.xml");
        xml.ShouldContain($"{path}</media_url>");
    }

    [Fact]
    public async Task Bad_photos_get_a_message_each_and_nothing_is_stored()
    {
        var citizen = await As("ngo@example.org");
        var reports = await app.WithDbAsync(db => db.FeedbackReports.IgnoreQueryFilters().CountAsync());
        var before = await PhotoCountAsync();

        var fields = Report("Снимки, които не са снимки");
        fields["Input.Description"] = " ";
        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        var response = await PostAsync(citizen, fields,
            (ImagesTests.Drawn(40, 40), "ok.png", "image/png"),
            (svg, "../../etc/passwd\u202Egpj.png", "image/png"),
            (Encoding.UTF8.GetBytes("не е снимка"), "<script>.jpg", "image/jpeg"),
            ([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], "broken.png", "image/png"),
            (new byte[(5 * 1024 * 1024) + 1], "huge.jpg", "image/jpeg"));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        var errors = page.FieldError("Photos");
        errors.ShouldContain("Снимка 2 не е изображение JPEG, PNG или WebP.");
        errors.ShouldContain("Снимка 3 не е изображение JPEG, PNG или WebP.");
        errors.ShouldContain("Снимка 4 е повредена и не може да се прочете.");
        errors.ShouldContain("Снимка 5 е по-голяма от 5 MB.");
        errors.ShouldNotContain("passwd");
        page.FieldError("Input.Description").ShouldBe("Въведете описание.");
        page.QuerySelector(".error-summary").ShouldNotBeNull().TextContent.ShouldContain("Снимки");

        var six = Enumerable.Range(0, 6).Select(i => (ImagesTests.Drawn(20, 20), $"{i}.png", "image/png")).ToArray();
        page = await (await PostAsync(citizen, Report("Шест снимки"), six)).ParseAsync();
        page.FieldError("Photos").ShouldBe("Най-много 5 снимки.");

        (await app.WithDbAsync(db => db.FeedbackReports.IgnoreQueryFilters().CountAsync())).ShouldBe(reports);
        (await PhotoCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Open311_takes_photos_as_media_files_and_refuses_what_is_not_an_image()
    {
        var client = app.Client(followRedirects: false);
        MultipartFormDataContent Form(byte[] media, string name)
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent("street-lighting"), "service_code" },
                { new StringContent("sender@example.org"), "email" },
                { new StringContent("Не свети лампата пред блок 7."), "description" },
                { new StringContent("ж.к. „Сините камъни“, бл. 7"), "address_string" },
            };
            form.Add(new ByteArrayContent(media), "media", name);
            return form;
        }
        var before = await PhotoCountAsync();
        var bad = await client.PostAsync("/open311/v2/requests.json", Form(Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "x.jpg"));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var error = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement[0];
        error.GetProperty("code").GetInt32().ShouldBe(400);
        error.GetProperty("description").GetString()!.ShouldStartWith("media: ");
        (await PhotoCountAsync()).ShouldBe(before);

        var good = await client.PostAsync("/open311/v2/requests.json", Form(ImagesTests.JpegWithGps(), "lamp.jpg"));
        good.StatusCode.ShouldBe(HttpStatusCode.OK, await good.Content.ReadAsStringAsync());
        var number = JsonDocument.Parse(await good.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString();
        (await app.WithDbAsync(db => db.FeedbackPhotos.CountAsync(p => db.FeedbackReports.Any(r => r.Id == p.ReportId && r.Number == number)), "sliven")).ShouldBe(1);
    }
}
