using System.Net;
using Glas.Web.Feedback;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Feedback;

/// <summary>The citizen's and the officials' journey over HTTP, as a browser without JavaScript uses it.</summary>
[Trait("Category", "Integration")]
public class FeedbackPagesTests(GlasFactory app) : IClassFixture<GlasFactory>
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

    private Task<int> CountAsync(string slug = "sliven") => app.WithDbAsync(db => db.FeedbackReports.CountAsync(), slug);

    private static Dictionary<string, string> Report(string title, bool isPublic = true, string description = "Лампата пред входа не свети от седмица.") => new()
    {
        ["Input.Kind"] = "Signal",
        ["Input.Category"] = "street-lighting",
        ["Input.Title"] = title,
        ["Input.Description"] = description,
        ["Input.Address"] = "ул. „Раковска“ 20",
        ["Input.Latitude"] = "42.6824",
        ["Input.Longitude"] = "26.3225",
        ["Input.IsPublic"] = isPublic ? "true" : "false",
    };

    private static async Task<Guid> SubmitAsync(HttpClient client, Dictionary<string, string> fields)
    {
        var response = await client.SubmitAsync("/feedback/new", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, Forms.Trim(await response.Content.ReadAsStringAsync()));
        return Guid.Parse(response.Headers.Location!.ToString().Split('/').Last());
    }

    private async Task<string> MailContainingAsync(string to, string text)
    {
        for (var i = 0; i < 30; i++)
        {
            var mail = await app.WaitForMailAsync(to, i);
            if (mail.Contains(text, StringComparison.Ordinal))
            {
                return mail;
            }
        }
        throw new InvalidOperationException($"No mail to {to} with {text}");
    }

    [Fact]
    public async Task A_citizen_reports_with_field_messages_and_gets_a_number_on_screen_and_by_email()
    {
        (await (await As(null)).GetAsync("/feedback/new")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var citizen = await As("citizen@example.org");
        var before = await CountAsync();

        var bad = Report("Лампа");
        bad["Input.Description"] = " \u200B ";
        bad["Input.Category"] = "nonexistent";
        bad["Input.Latitude"] = "48.85";
        bad["Input.Longitude"] = "2.35";
        bad["Input.Title"] = "Лампа\u202E";
        var response = await citizen.SubmitAsync("/feedback/new", bad);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.FieldError("Input.Description").ShouldBe("Въведете описание.");
        page.FieldError("Input.Category").ShouldBe("Изберете категория от списъка.");
        page.FieldError("Input.Latitude").ShouldBe("Точката е извън територията на администрацията.");
        page.FieldError("Input.Title").ShouldBe("Текстът съдържа невидими управляващи знаци; премахнете ги.");
        (await CountAsync()).ShouldBe(before);

        var id = await SubmitAsync(citizen, Report("<script>alert(1)</script> Не свети лампата 💡", isPublic: false));
        var details = await citizen.GetAsync($"/feedback/{id}");
        var html = await details.Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert(1)</script>");
        var shown = await Forms.ParseAsync(details);
        var number = shown.GetElementById("report-number")!.TextContent;
        number.ShouldMatch(@"^\d{4}-\d{6}$");
        shown.QuerySelector("main")!.TextContent.ShouldContain($"Регистрирано под № {number}");
        shown.GetElementById("report-status")!.TextContent.ShouldBe("получен");
        (await MailContainingAsync("citizen@example.org", number)).ShouldContain("Срокът за решение е");

        // A private report: only its sender and the administration's staff see it.
        (await (await As(null)).GetAsync($"/feedback/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await As("ngo@example.org")).GetAsync($"/feedback/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await As("official.sliven@example.org")).GetAsync($"/feedback/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // Another administration does not know it at all.
        (await (await As("official.haskovo@example.org", "/t/haskovo")).GetAsync($"/t/haskovo/feedback/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await citizen.GetPageAsync("/feedback/mine")).QuerySelector("#my-reports")!.TextContent.ShouldContain(number);
    }

    [Fact]
    public async Task An_official_assigns_and_answers_the_citizen_is_told_rates_and_reopens_once()
    {
        var citizen = await As("citizen@example.org");
        var id = await SubmitAsync(citizen, Report("Тъмно на спирката"));
        var number = await app.WithDbAsync(db => db.FeedbackReports.Where(r => r.Id == id).Select(r => r.Number).SingleAsync(), "sliven");

        // Citizens and other administrations' staff cannot act.
        (await citizen.GetAsync("/feedback/inbox")).Headers.Location!.ToString().ShouldContain("access-denied");
        (await citizen.GetAsync($"/feedback/{id}/manage")).Headers.Location!.ToString().ShouldContain("access-denied");
        var haskovo = await As("official.haskovo@example.org", "/t/haskovo");
        (await haskovo.GetAsync($"/t/haskovo/feedback/{id}/manage")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await haskovo.GetAsync($"/feedback/{id}/manage")).Headers.Location!.ToString().ShouldContain("access-denied");

        var official = await As("official.sliven@example.org");
        var manage = $"/feedback/{id}/manage";
        var empty = await official.SubmitAsync(manage, new Dictionary<string, string> { ["Answer"] = "   " }, "handler=Answer");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.ParseAsync()).QuerySelector(".error-summary")!.TextContent.ShouldContain("Въведете отговор.");

        (await official.SubmitAsync(manage, new Dictionary<string, string> { ["Department"] = "Отдел „Енергийна ефективност“" }, "handler=Assign")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await official.SubmitAsync(manage, new Dictionary<string, string> { ["Note"] = "Вътрешно: екипът на Петров" }, "handler=Note")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await official.SubmitAsync(manage, new Dictionary<string, string> { ["Answer"] = "Сменихме лампата на 20 ноември." }, "handler=Answer")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var mail = await MailContainingAsync("citizen@example.org", "Сменихме лампата");
        mail.ShouldContain($"Сигнал № {number} „Тъмно на спирката“: отговорен.");

        var visitor = await (await As(null)).GetPageAsync($"/feedback/{id}");
        visitor.GetElementById("report-status")!.TextContent.ShouldBe("отговорен");
        visitor.GetElementById("report-answer")!.TextContent.ShouldBe("Сменихме лампата на 20 ноември.");
        var timeline = visitor.GetElementById("timeline")!.TextContent;
        timeline.ShouldContain("разпределен");
        timeline.ShouldNotContain("Петров");
        timeline.ShouldNotContain("Енергийна");
        visitor.QuerySelector("main")!.TextContent.ShouldNotContain("Мария Гражданка");
        visitor.QuerySelector("main")!.TextContent.ShouldNotContain("citizen@example.org");

        // Only the sender rates, 1–5.
        var ngo = await As("ngo@example.org");
        (await ngo.SubmitAsync($"/feedback/{id}", new Dictionary<string, string> { ["Rating"] = "1" }, "handler=Follow")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var token = Forms.Token(await ngo.GetPageAsync($"/feedback/{id}"));
        (await ngo.PostAsync($"/feedback/{id}?handler=Rate", new FormUrlEncodedContent(new Dictionary<string, string> { ["Rating"] = "1", ["__RequestVerificationToken"] = token })))
            .Headers.Location!.ToString().ShouldContain("access-denied");
        (await citizen.SubmitAsync($"/feedback/{id}", new Dictionary<string, string> { ["Rating"] = "7" }, "handler=Rate")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await citizen.SubmitAsync($"/feedback/{id}", new Dictionary<string, string> { ["Rating"] = "5", ["Remark"] = "Бързо!" }, "handler=Rate")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await citizen.GetPageAsync($"/feedback/{id}")).GetElementById("my-rating")!.TextContent.ShouldBe("Вашата оценка: 5 от 5.");

        // Disputed once: back in progress; after the next answer no second reopening.
        (await citizen.SubmitAsync($"/feedback/{id}", new Dictionary<string, string> { ["Reason"] = "Лампата пак не свети." }, "handler=Reopen")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await citizen.GetPageAsync($"/feedback/{id}")).GetElementById("report-status")!.TextContent.ShouldBe("в процес");
        (await official.SubmitAsync(manage, new Dictionary<string, string> { ["Answer"] = "Подменихме и захранването." }, "handler=Answer")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await citizen.GetPageAsync($"/feedback/{id}")).QuerySelector("form[action*='handler=Reopen']").ShouldBeNull();
        (await official.SubmitAsync(manage, new Dictionary<string, string>(), "handler=Close")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var closed = await app.WithDbAsync(db => db.FeedbackReports.SingleAsync(r => r.Id == id), "sliven");
        closed.Status.ShouldBe(FeedbackStatus.Closed);
        closed.Rating.ShouldBe(5);
        closed.Reopened.ShouldBeTrue();
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Subject == "feedback " + number), "sliven")).ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task Officials_extend_with_a_reason_forward_mark_duplicates_and_see_overdue_ones()
    {
        var citizen = await As("citizen@example.org");
        var official = await As("official.sliven@example.org");
        var first = await SubmitAsync(citizen, Report("Шум от ремонт"));
        var second = await SubmitAsync(citizen, Report("Шум от ремонт нощем"));
        var third = await SubmitAsync(citizen, Report("Кучета в двора"));
        var (created, firstNumber) = await app.WithDbAsync(async db => await db.FeedbackReports.Where(r => r.Id == first).Select(r => new { r.CreatedAt, r.Number }).SingleAsync() is var r ? (r.CreatedAt, r.Number) : default, "sliven");

        var tooLate = FeedbackDeadlines.LatestExtension(created).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var refused = await official.SubmitAsync($"/feedback/{first}/manage", new Dictionary<string, string> { ["ExtendNewDue"] = tooLate, ["ExtendReason"] = "Нужна е експертиза." }, "handler=Extend");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ParseAsync()).QuerySelector(".error-summary")!.TextContent.ShouldContain("до шест месеца от регистрацията");
        var newDue = FeedbackDeadlines.SofiaDate(created).AddMonths(4);
        (await official.SubmitAsync($"/feedback/{first}/manage", new Dictionary<string, string> { ["ExtendNewDue"] = newDue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["ExtendReason"] = "Нужна е експертиза." }, "handler=Extend"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var extended = await app.WithDbAsync(db => db.FeedbackReports.SingleAsync(r => r.Id == first), "sliven");
        FeedbackDeadlines.SofiaDate(extended.DueAt).ShouldBe(newDue);
        extended.Extensions.ShouldBe(1);
        (await (await As(null)).GetPageAsync($"/feedback/{first}")).GetElementById("timeline")!.TextContent.ShouldContain("Нужна е експертиза.");

        (await official.SubmitAsync($"/feedback/{second}/manage", new Dictionary<string, string> { ["Original"] = "1999-000001" }, "handler=Duplicate")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await official.SubmitAsync($"/feedback/{second}/manage", new Dictionary<string, string> { ["Original"] = firstNumber }, "handler=Duplicate")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await official.SubmitAsync($"/feedback/{third}/manage", new Dictionary<string, string> { ["Institution"] = "РИОСВ – Стара Загора" }, "handler=Forward")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await official.SubmitAsync($"/feedback/{third}/manage", new Dictionary<string, string> { ["Answer"] = "x" }, "handler=Note")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await (await As(null)).GetPageAsync($"/feedback/{second}");
        page.GetElementById("report-status")!.TextContent.ShouldBe("дубликат");
        page.QuerySelector($"a[href='/feedback/{first}']")!.TextContent.ShouldBe(firstNumber);
        (await (await As(null)).GetPageAsync($"/feedback/{third}")).QuerySelector("main")!.TextContent.ShouldContain("РИОСВ – Стара Загора");
        // The sender is told of the forwarding with it, within the 7 days of чл. 123, ал. 1.
        var notice = (await official.GetPageAsync($"/feedback/{third}/manage")).GetElementById("report-notice")!.TextContent;
        notice.ShouldContain("чл. 123, ал. 1");
        (await official.GetPageAsync($"/feedback/{first}/manage")).GetElementById("report-notice").ShouldBeNull();

        var overdue = await official.GetPageAsync("/feedback/inbox?overdue=true&sort=deadline");
        overdue.QuerySelectorAll("#inbox tbody tr").Length.ShouldBeGreaterThan(0);
        overdue.QuerySelectorAll("#inbox tbody tr").All(r => r.ClassList.Contains("overdue")).ShouldBeTrue();
        (await official.GetPageAsync("/feedback/inbox?status=%3Cscript%3E")).QuerySelector(".filters [role=alert]").ShouldNotBeNull();
        (await official.GetPageAsync("/feedback/inbox?category=street-lighting&kind=Signal&status=Received")).QuerySelectorAll("#inbox tbody tr").Length.ShouldBeGreaterThan(0);

        // Bulk assignment of received reports.
        var received = await app.WithDbAsync(db => db.FeedbackReports.Where(r => r.Status == FeedbackStatus.Received).Select(r => r.Id).Take(2).ToListAsync(), "sliven");
        var token = Forms.Token(await official.GetPageAsync("/feedback/inbox"));
        var bulk = await official.PostAsync("/feedback/inbox?handler=Assign", new FormUrlEncodedContent(
            received.Select(i => new KeyValuePair<string, string>("Selected", i.ToString())).Append(new("BulkDepartment", "Отдел „Екология“")).Append(new("__RequestVerificationToken", token))));
        bulk.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.FeedbackReports.CountAsync(r => received.Contains(r.Id) && r.Status == FeedbackStatus.Assigned && r.Department == "Отдел „Екология“"), "sliven")).ShouldBe(received.Count);
        (await official.GetPageAsync("/feedback/dashboard")).QuerySelector("#by-category tbody")!.TextContent.ShouldContain("Улично осветление");
    }

    [Fact]
    public async Task Demo_data_covers_every_status_in_Sliven_and_Haskovo_and_the_public_list_and_API_hold_no_sender()
    {
        var sliven = await app.WithDbAsync(db => db.FeedbackReports.Where(r => r.Source != null).ToListAsync(), "sliven");
        var haskovo = await app.WithDbAsync(db => db.FeedbackReports.ToListAsync(), "haskovo");
        (sliven.Count(r => r.ReporterName != "") + haskovo.Count).ShouldBeGreaterThanOrEqualTo(60);
        foreach (var set in new[] { sliven, haskovo })
        {
            set.Select(r => r.Status).Distinct().Count().ShouldBe(Enum.GetValues<FeedbackStatus>().Length);
            set.Select(r => r.Kind).Distinct().Count().ShouldBe(2);
            set.ShouldContain(r => r.Extensions > 0);
            set.ShouldContain(r => r.Rating != null);
            set.ShouldContain(r => r.ForwardedTo != null);
            set.ShouldContain(r => r.DuplicateOfId != null);
        }
        (await app.WithDbAsync(db => db.FeedbackCategories.CountAsync(), "levski")).ShouldBe(8);

        var visitor = await As(null);
        var list = await visitor.GetPageAsync("/feedback");
        list.QuerySelectorAll("#reports tbody tr").Length.ShouldBe(FeedbackQueries.PageSize);
        list.QuerySelector("main")!.TextContent.ShouldNotContain("Мария Гражданка");
        (await visitor.GetPageAsync("/feedback?status=Answered")).QuerySelectorAll("#reports tbody tr").Length.ShouldBeGreaterThan(0);
        (await visitor.GetPageAsync("/feedback?status=drop%20table")).QuerySelector(".filters [role=alert]").ShouldNotBeNull();

        var json = await visitor.GetStringAsync("/api/v1/feedback");
        json.ShouldContain("\"number\"");
        json.ShouldNotContain("Мария");
        json.ShouldNotContain("example.org");
        var hidden = haskovo.First(r => !r.IsPublic);
        (await visitor.GetAsync($"/t/haskovo/api/v1/feedback/{hidden.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var shown = haskovo.First(r => r.IsPublic && r.Status == FeedbackStatus.Closed);
        var one = await visitor.GetStringAsync($"/t/haskovo/api/v1/feedback/{shown.Id}");
        one.ShouldContain("\"timeline\"");
        one.ShouldNotContain("Изпратен е екип");
        (await visitor.GetAsync($"/api/v1/feedback/{shown.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await visitor.GetAsync("/api/v1/feedback?status=1")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await visitor.GetStringAsync("/feedback/categories/street-lighting/feed.atom")).ShouldContain("<feed");
        (await visitor.GetAsync("/feedback/categories/nope/feed.atom")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await visitor.GetStringAsync("/feedback/feed.atom")).ShouldContain("<entry");
        (await visitor.GetStringAsync("/api/v1/feedback/statistics.csv")).ShouldStartWith("group,label,received");
    }
}
