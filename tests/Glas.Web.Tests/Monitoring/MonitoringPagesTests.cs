using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Glas.Web.Monitoring;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Monitoring;

/// <summary>Policy monitoring over HTTP: the seed data, staff editing with its rules, civic reports, the tracker, the API, isolation.</summary>
[Trait("Category", "Integration")]
public class MonitoringPagesTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private const string Nbsp = "\u00A0";

    private async Task<HttpClient> As(string? email, string prefix = "")
    {
        var client = app.Client(followRedirects: false);
        if (email is not null)
        {
            await client.SignInAsync(email, prefix: prefix);
        }
        return client;
    }

    /// <summary>A signed-in person without the right: the sign-in cookie's access-denied page.</summary>
    private static void ShouldBeDenied(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("access-denied");
    }

    private Task<Guid> SlivenPolicy() => app.WithDbAsync(db => db.Policies.Where(p => p.Title == MonitoringDemoData.SlivenPolicy).Select(p => p.Id).SingleAsync(), "sliven");

    private Task<Guid> Recommendation(string slug, AnswerStatus answer) =>
        app.WithDbAsync(db => db.Recommendations.Where(r => r.Answer == answer).OrderBy(r => r.CreatedAt).ThenBy(r => r.Title).Select(r => r.Id).FirstAsync(), slug);

    [Fact]
    public async Task The_Sliven_programme_has_its_goals_measures_indicators_and_scorecard()
    {
        var id = await SlivenPolicy();
        var page = await (await As(null)).GetPageAsync($"/monitoring/policies/{id}");
        page.QuerySelector("h1")!.TextContent.ShouldBe(MonitoringDemoData.SlivenPolicy);
        page.QuerySelectorAll("section.goal").Length.ShouldBe(3);
        page.QuerySelectorAll("table.measures tbody tr").Length.ShouldBe(8);
        page.QuerySelectorAll(".indicator").Length.ShouldBe(12);
        page.QuerySelectorAll("svg.indicator-chart[role=img]").Length.ShouldBe(12);
        page.QuerySelector("section.goal h2")!.TextContent.ShouldContain("Усъвършенстване на мониторинга и оценката на провежданите политики от Община Сливен");
        // Every chart has its table: baseline, three years, target.
        var first = page.QuerySelector(".indicator table.values tbody")!.TextContent;
        foreach (var figure in new[] { "20 %", "40 %", "55 %", "70 %", "100 %" })
        {
            first.ShouldContain(figure.Replace(" ", Nbsp, StringComparison.Ordinal));
        }
        var scorecard = page.QuerySelector("#scorecard")!.TextContent;
        scorecard.ShouldContain("В график");
        scorecard.ShouldContain("Изостава");
        page.QuerySelectorAll("#scorecard tfoot td.num").Sum(td => int.Parse(td.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(20); // 8 measures + 12 indicators
        (await (await As(null)).GetPageAsync("/monitoring")).QuerySelector("#policies")!.TextContent.ShouldContain(MonitoringDemoData.SlivenPolicy);
    }

    [Fact]
    public async Task The_Levski_analysis_has_ten_recommendations_in_every_stage()
    {
        var client = await As(null);
        var tracker = await client.GetPageAsync("/t/levski/monitoring/recommendations");
        tracker.GetElementById("counts-total")!.TextContent.ShouldBe("10");
        var counts = tracker.QuerySelector("#counts tbody")!.QuerySelectorAll("tr").Select(r => r.TextContent).ToList();
        counts.ShouldAllBe(c => !c.EndsWith('0') || c.EndsWith("10", StringComparison.Ordinal));
        tracker.QuerySelectorAll(".overdue").Length.ShouldBe(2);
        (await client.GetPageAsync("/t/levski/monitoring/recommendations?stage=AwaitingAnswer")).QuerySelectorAll(".recommendation-card").Length.ShouldBe(2);
        (await client.GetPageAsync("/t/levski/monitoring/recommendations?source=Organisation")).QuerySelectorAll(".recommendation-card").Length.ShouldBe(1);
        var bad = await client.GetPageAsync("/t/levski/monitoring/recommendations?stage=%3Cscript%3E&source=1&year=abc");
        bad.QuerySelector(".filters [role=alert]")!.TextContent.ShouldContain("Филтърът е невалиден");

        var reports = await client.GetPageAsync("/t/levski/monitoring/reports");
        reports.QuerySelector("#reports")!.TextContent.ShouldContain(MonitoringDemoData.LevskiAnalysis);
        reports.QuerySelector("#reports")!.TextContent.ShouldContain("Сдружение „Без граници“");
        (await client.GetPageAsync("/t/levski/")).GetElementById("monitoring-overdue-counts")!.TextContent.ShouldContain("Просрочени отговори на препоръки: 1; просрочено изпълнение: 1.");
    }

    [Fact]
    public async Task The_Ruse_report_is_attributed_to_the_organisation()
    {
        var id = await app.WithDbAsync(db => db.MonitoringReports.Select(r => r.Id).SingleAsync(), "ruse-oblast");
        var page = await (await As(null)).GetPageAsync($"/t/ruse-oblast/monitoring/reports/{id}");
        page.GetElementById("report-author")!.TextContent.ShouldBe("Сдружение Клуб „Отворено общество“ – Русе");
        page.QuerySelectorAll("#report-recommendations tbody tr").Length.ShouldBe(3);
    }

    [Fact]
    public async Task An_official_reports_values_and_corrections_keep_history()
    {
        var id = await SlivenPolicy();
        var indicator = await app.WithDbAsync(db => db.PolicyIndicators.Where(i => i.Code == "MON-02").Select(i => i.Id).SingleAsync(), "sliven");
        var client = await As("official.sliven@example.org");
        var url = $"/monitoring/policies/{id}/manage";
        async Task<HttpResponseMessage> Report(string year, string value, string note = "Отчет 2026") =>
            await client.SubmitAsync(url, new Dictionary<string, string> { ["Value.IndicatorId"] = indicator.ToString(), ["Value.Year"] = year, ["Value.Value"] = value, ["Value.SourceNote"] = note }, "handler=Value");

        var wrongType = await Report("2025", "3,5");
        wrongType.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await wrongType.ParseAsync()).FieldError("Value.Value").ShouldBe("Броят трябва да е цяло неотрицателно число.");
        (await (await Report("2025", "много")).ParseAsync()).FieldError("Value.Value").ShouldBe("Въведете число, напр. 12,5.");
        (await (await Report("2019", "4")).ParseAsync()).FieldError("Value.Year").ShouldContain("базовата година");
        (await (await Report("2025", "4", "бележка\u202Eобърната")).ParseAsync()).FieldError("Value.SourceNote").ShouldContain("управляващи знаци");

        (await Report("2025", "4")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var values = await app.WithDbAsync(db => db.IndicatorValues.Where(v => v.IndicatorId == indicator && v.Year == 2025).OrderBy(v => v.ReportedAt).ToListAsync(), "sliven");
        values.Count.ShouldBe(2);
        values[0].Value.ShouldBe(3m);
        values[0].ReplacedAt.ShouldNotBeNull();
        values[1].Value.ShouldBe(4m);
        values[1].ReplacedAt.ShouldBeNull();
        (await client.GetPageAsync(url)).GetElementById("corrections")!.TextContent.ShouldContain("2025");
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "policy.value.correct").CountAsync(), "sliven");
        audit.ShouldBe(1);

        var measure = await app.WithDbAsync(db => db.PolicyMeasures.Where(m => m.Title == "Граждански съвет към общинския съвет").Select(m => m.Id).SingleAsync(), "sliven");
        async Task<HttpResponseMessage> Progress(string status, string progress) =>
            await client.SubmitAsync(url, new Dictionary<string, string> { ["Progress.MeasureId"] = measure.ToString(), ["Progress.Status"] = status, ["Progress.Progress"] = progress }, "handler=Progress");
        (await (await Progress("InProgress", "101")).ParseAsync()).FieldError("Progress.Progress").ShouldBe("Напредъкът трябва да е цяло число от 0 до 100.");
        (await (await Progress("InProgress", "-5")).ParseAsync()).FieldError("Progress.Progress").ShouldNotBeEmpty();
        (await (await Progress("Completed", "80")).ParseAsync()).FieldError("Progress.Progress").ShouldBe("Изпълнена мярка е със 100 % напредък.");
        (await (await Progress("7", "80")).ParseAsync()).FieldError("Progress.Status").ShouldNotBeEmpty();
        (await Progress("InProgress", "75")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.PolicyMeasures.Where(m => m.Id == measure).Select(m => m.Progress).SingleAsync(), "sliven")).ShouldBe(75);
    }

    [Fact]
    public async Task An_official_builds_a_policy_and_bad_input_gets_field_messages()
    {
        var client = await As("official.levski@example.org", "/t/levski");
        var created = await client.SubmitAsync("/t/levski/monitoring/policies/new", new Dictionary<string, string>
        {
            ["Policy.Title"] = "<script>alert(1)</script> План'; DROP TABLE \"Policies\";--",
            ["Policy.Kind"] = "Plan",
            ["Policy.ResponsibleUnit"] = "Кабинет на кмета 🙂",
            ["Policy.StartYear"] = "2024",
            ["Policy.EndYear"] = "2023",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await created.ParseAsync()).FieldError("Policy.EndYear").ShouldBe("Краят не може да е преди началото.");
        created = await client.SubmitAsync("/t/levski/monitoring/policies/new", new Dictionary<string, string>
        {
            ["Policy.Title"] = "<script>alert(1)</script> План'; DROP TABLE \"Policies\";--",
            ["Policy.Kind"] = "Plan",
            ["Policy.ResponsibleUnit"] = "Кабинет на кмета 🙂",
            ["Policy.StartYear"] = "2024",
            ["Policy.EndYear"] = "2027",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var manage = created.Headers.Location!.ToString();
        var id = Guid.Parse(manage.Split('/')[^2]);
        var html = await (await client.GetAsync($"/t/levski/monitoring/policies/{id}")).Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert(1)</script>");
        html.ShouldContain("&lt;script&gt;");

        (await client.SubmitAsync(manage, new Dictionary<string, string> { ["Goal.Title"] = "Прозрачност" }, "handler=Goal")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var goal = await app.WithDbAsync(db => db.PolicyGoals.Where(g => g.PolicyId == id).Select(g => g.Id).SingleAsync(), "levski");
        Dictionary<string, string> Indicator(string baselineYear, string targetYear, string target) => new()
        {
            ["Indicator.GoalId"] = goal.ToString(), ["Indicator.Name"] = "Публикувани решения", ["Indicator.Unit"] = "Percent", ["Indicator.UnitLabel"] = "%",
            ["Indicator.BaselineValue"] = "40", ["Indicator.BaselineYear"] = baselineYear, ["Indicator.TargetValue"] = target, ["Indicator.TargetYear"] = targetYear,
            ["Indicator.Direction"] = "HigherIsBetter",
        };
        (await (await client.SubmitAsync(manage, Indicator("2025", "2024", "90"), "handler=Indicator")).ParseAsync())
            .FieldError("Indicator.TargetYear").ShouldBe("Целевата година трябва да е след базовата.");
        (await (await client.SubmitAsync(manage, Indicator("2023", "2027", "190"), "handler=Indicator")).ParseAsync())
            .FieldError("Indicator.TargetValue").ShouldBe("Процентът трябва да е между 0 и 100.");
        (await client.SubmitAsync(manage, Indicator("2023", "2027", "90"), "handler=Indicator")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var measure = new Dictionary<string, string>
        {
            ["Measure.GoalId"] = goal.ToString(), ["Measure.Title"] = "Публичен регистър", ["Measure.PlannedStart"] = "2025-01-01", ["Measure.PlannedEnd"] = "2024-01-01",
            ["Measure.Budget"] = "1000", ["Measure.Currency"] = "",
        };
        var refused = await (await client.SubmitAsync(manage, measure, "handler=Measure")).ParseAsync();
        refused.FieldError("Measure.PlannedEnd").ShouldBe("Краят не може да е преди началото.");
        refused.FieldError("Measure.Currency").ShouldBe("Изберете валута на бюджета.");
        measure["Measure.PlannedEnd"] = "2026-12-31";
        measure["Measure.Currency"] = "EUR";
        (await client.SubmitAsync(manage, measure, "handler=Measure")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var card = await app.WithDbAsync(db => db.PolicyMeasures.Where(m => m.GoalId == goal).SingleAsync(), "levski");
        card.Budget.ShouldBe(1000m);
        card.Currency.ShouldBe("EUR");
    }

    [Fact]
    public async Task Only_officials_of_the_administration_change_policies()
    {
        var id = await SlivenPolicy();
        var url = $"/monitoring/policies/{id}/manage";
        (await (await As(null)).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await (await As("citizen@example.org")).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Redirect); // to access denied
        (await (await As("moderator.sliven@example.org")).GetAsync(url)).Headers.Location!.ToString().ShouldContain("access-denied");
        // Another administration's official: no role here, and the policy is not there at all under their own administration.
        var levski = await As("official.levski@example.org", "/t/levski");
        (await levski.GetAsync(url)).Headers.Location!.ToString().ShouldContain("access-denied");
        (await levski.GetAsync($"/t/levski{url}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await levski.GetAsync($"/t/levski/monitoring/policies/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var token = Forms.Token(await levski.GetPageAsync("/t/levski/monitoring/policies/new"));
        var post = await levski.PostAsync($"/t/levski{url}?handler=Progress", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Progress.MeasureId"] = Guid.NewGuid().ToString(), ["Progress.Status"] = "Completed", ["Progress.Progress"] = "100",
        }));
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await levski.GetAsync($"/api/v1/policies/{id}".Insert(0, "/t/levski"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var levskiRec = await Recommendation("levski", AnswerStatus.Pending);
        (await (await As(null)).GetAsync($"/monitoring/recommendations/{levskiRec}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_administration_answers_a_recommendation_and_followers_are_told()
    {
        var id = await Recommendation("ruse-oblast", AnswerStatus.Pending);
        var url = $"/t/ruse-oblast/monitoring/recommendations/{id}";
        var citizen = await As("citizen@example.org", "/t/ruse-oblast");
        (await citizen.SubmitAsync(url, new Dictionary<string, string> { ["follow"] = "true" }, "handler=Follow")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // A citizen cannot answer.
        var token = Forms.Token(await citizen.GetPageAsync(url));
        ShouldBeDenied(await citizen.PostAsync(url + "?handler=Answer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Answer.Answer"] = "Accepted", ["Answer.PlannedAction"] = "x", ["Answer.Deadline"] = "2099-01-01",
        })));
        (await app.WithDbAsync(db => db.Recommendations.Where(r => r.Id == id).Select(r => r.Answer).SingleAsync(), "ruse-oblast")).ShouldBe(AnswerStatus.Pending);

        var official = await As("official.ruse-oblast@example.org", "/t/ruse-oblast");
        async Task<HttpResponseMessage> Answer(string answer, string reason, string action, string deadline) =>
            await official.SubmitAsync(url, new Dictionary<string, string> { ["Answer.Answer"] = answer, ["Answer.Reason"] = reason, ["Answer.PlannedAction"] = action, ["Answer.Deadline"] = deadline }, "handler=Answer");
        var noReason = await Answer("PartiallyAccepted", "", "Обучения", "2099-12-31");
        noReason.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await noReason.ParseAsync()).FieldError("Answer.Reason").ShouldBe("Посочете мотиви, когато препоръката не е приета изцяло.");
        (await (await Answer("Accepted", "", "Обучения", "2020-01-01")).ParseAsync()).FieldError("Answer.Deadline").ShouldBe("Срокът не може да е в миналото.");
        (await (await Answer("Accepted", "", "Обучения", "утре")).ParseAsync()).FieldError("Answer.Deadline").ShouldBe("Въведете дата във вида ДД.ММ.ГГГГ.");
        (await Answer("PartiallyAccepted", "Само за областната администрация", "Годишно проучване", "2099-12-31")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await official.GetPageAsync(url);
        page.GetElementById("stage")!.TextContent.ShouldBe("Планирана");
        page.GetElementById("timeline")!.TextContent.ShouldContain("Частично приета");
        page.GetElementById("timeline")!.TextContent.ShouldContain("Само за областната администрация");
        // Answered once: the form is gone, and a second answer sent anyway is refused.
        page.GetElementById("Answer_Answer").ShouldBeNull();
        var again = await official.PostAsync(url + "?handler=Answer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.Token(page), ["Answer.Answer"] = "Accepted", ["Answer.PlannedAction"] = "x", ["Answer.Deadline"] = "2099-01-01",
        }));
        again.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await again.ParseAsync()).QuerySelector(".error-summary")!.TextContent.ShouldContain("Препоръката вече има отговор.");

        var done = await official.SubmitAsync(url, new Dictionary<string, string> { ["Implementation.Status"] = "Implemented", ["Implementation.Evidence"] = "" }, "handler=Implementation");
        (await done.ParseAsync()).FieldError("Implementation.Evidence").ShouldBe("Попълнете полето.");
        (await official.SubmitAsync(url, new Dictionary<string, string> { ["Implementation.Status"] = "InProgress", ["Implementation.Evidence"] = "" }, "handler=Implementation"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var citizenId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "citizen@example.org").Select(u => u.Id).SingleAsync());
        var notices = 0;
        for (var i = 0; i < 100 && notices < 2; i++)
        {
            notices = await app.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == citizenId && n.SubjectId == id && n.Kind == "monitoring.recommendation"), "ruse-oblast");
            await Task.Delay(100);
        }
        notices.ShouldBe(2);
    }

    [Fact]
    public async Task Organisations_publish_reports_and_only_the_author_edits()
    {
        var citizen = await As("citizen@example.org");
        (await citizen.GetPageAsync("/monitoring/reports/new")).GetElementById("not-organisation").ShouldNotBeNull();
        var policy = await SlivenPolicy();
        var token = Forms.Token(await citizen.GetPageAsync($"/monitoring/policies/{policy}"));
        (await citizen.PostAsync("/monitoring/reports/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Report.Title"] = "Доклад", ["Report.Summary"] = "Резюме",
        }))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var ngo = await As("ngo@example.org");
        var bad = await ngo.SubmitAsync("/monitoring/reports/new", new Dictionary<string, string>
        {
            ["Report.Title"] = "Доклад\u200B\u202E", ["Report.Summary"] = "", ["Report.PolicyId"] = Guid.NewGuid().ToString(), ["Report.Recommendations"] = new string('я', 501),
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var badPage = await bad.ParseAsync();
        badPage.FieldError("Report.Title").ShouldContain("управляващи знаци");
        badPage.FieldError("Report.Summary").ShouldBe("Попълнете полето.");
        badPage.FieldError("Report.PolicyId").ShouldBe("Изберете политика от списъка.");
        badPage.FieldError("Report.Recommendations").ShouldBe("Всяка препоръка трябва да е до 500 знака.");

        var published = await ngo.SubmitAsync("/monitoring/reports/new", new Dictionary<string, string>
        {
            ["Report.Title"] = "Мониторинг на програмата 2025 🙂", ["Report.Summary"] = "Напредъкът е неравномерен.", ["Report.PolicyId"] = policy.ToString(),
            ["Report.Findings"] = "Две от осемте мерки изостават.", ["Report.Recommendations"] = "Да се публикуват тримесечни отчети\n\n  Да се ускори гражданският съвет  \n",
        });
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var path = published.Headers.Location!.ToString();
        var page = await ngo.GetPageAsync(path);
        page.GetElementById("report-author")!.TextContent.ShouldBe("Сдружение „Демо“");
        page.QuerySelectorAll("#report-recommendations tbody tr").Length.ShouldBe(2);
        page.QuerySelector("#report-recommendations")!.TextContent.ShouldContain("Дирекция „Стратегическо планиране и проекти“");

        // Comments through the shared component.
        var commented = await citizen.SubmitAsync(path, new Dictionary<string, string> { ["Comment"] = "Благодаря за доклада." }, "handler=Comment");
        commented.StatusCode.ShouldBe(HttpStatusCode.Redirect, (await commented.ParseAsync()).QuerySelector(".error-summary")?.TextContent);
        (await citizen.GetPageAsync(path)).QuerySelector("ol.comments")!.TextContent.ShouldContain("Благодаря за доклада.");

        ShouldBeDenied(await citizen.GetAsync(path + "/edit"));
        ShouldBeDenied(await (await As("official.sliven@example.org")).GetAsync(path + "/edit"));
        (await ngo.SubmitAsync(path + "/edit", new Dictionary<string, string> { ["Report.Title"] = "Мониторинг на програмата 2025 (поправен)", ["Report.Summary"] = "Напредъкът е неравномерен." }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ngo.GetPageAsync(path)).QuerySelector("h1")!.TextContent.ShouldBe("Мониторинг на програмата 2025 (поправен)");
        (await (await As(null)).GetAsync("/t/levski" + path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_API_and_exports_give_the_same_figures()
    {
        var client = await As(null);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/policies");
        list.GetProperty("total").GetInt32().ShouldBe(1);
        var id = await SlivenPolicy();
        var policy = await client.GetFromJsonAsync<JsonElement>($"/api/v1/policies/{id}");
        var goals = policy.GetProperty("goals").EnumerateArray().ToList();
        goals.Count.ShouldBe(3);
        goals.Sum(g => g.GetProperty("indicators").GetArrayLength()).ShouldBe(12);
        goals.Sum(g => g.GetProperty("measures").GetArrayLength()).ShouldBe(8);
        (await client.GetAsync($"/api/v1/policies/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var recs = await client.GetFromJsonAsync<JsonElement>("/t/levski/api/v1/recommendations?stage=Implemented");
        recs.GetProperty("total").GetInt32().ShouldBe(2);
        recs.GetProperty("counts").GetProperty("Implemented").GetInt32().ShouldBe(2);
        var invalid = await client.GetAsync("/t/levski/api/v1/recommendations?stage=DROP%20TABLE");
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        invalid.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await client.GetAsync("/t/levski/api/v1/recommendations?year=abc")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var csv = await client.GetStringAsync($"/monitoring/policies/{id}/indicators.csv");
        csv.ShouldContain("MON-01,Дял на мерките с публикуван отчет за изпълнение,%,20,2022,100,2027,HigherIsBetter,2025,70,");
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1 + 12 * 3);
        var recCsv = await client.GetStringAsync("/t/levski/monitoring/recommendations.csv");
        recCsv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(11);
        (await client.GetAsync("/t/levski/monitoring/recommendations.csv?stage=x")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetStringAsync("/t/levski/monitoring/feed.atom")).ShouldContain(MonitoringDemoData.LevskiAnalysis);
    }

    [Fact]
    public async Task Answering_through_the_API_needs_an_official_of_the_administration()
    {
        // Its own recommendation in an administration the other tests leave alone.
        var id = await app.WithDbAsync(async db =>
        {
            var tenant = db.CurrentTenantId!.Value;
            var r = new Recommendation
            {
                Id = Guid.NewGuid(), TenantId = tenant, Source = RecommendationSource.Organisation, Title = "Да се публикуват протоколите", AddresseeUnit = "Кабинет на кмета",
                AuthorName = "Сдружение", CreatedAt = DateTimeOffset.UtcNow, AnswerDue = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Recommendations.Add(r);
            await db.SaveChangesAsync();
            return r.Id;
        }, "haskovo");
        var url = $"/t/haskovo/api/v1/recommendations/{id}/answer";
        var body = new { answer = "NotAccepted", reason = "", plannedAction = (string?)null, deadline = (string?)null };
        (await (await As(null)).PostAsJsonAsync(url, body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await (await As("citizen@example.org")).PostAsJsonAsync(url, body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await As("official.sliven@example.org")).PostAsJsonAsync(url, body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var official = await As("official.haskovo@example.org", "/t/haskovo");
        var refused = await official.PostAsJsonAsync(url, body);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Посочете мотиви");
        (await official.PostAsync(url, new StringContent("{\"answer\": 42", System.Text.Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var ok = await official.PostAsJsonAsync(url, body with { reason = "Няма бюджет" });
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ok.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stage").GetString().ShouldBe("NotAccepted");
    }
}
