using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Glas.Web.Surveys;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Surveys;

/// <summary>Surveys over HTTP as a browser without script uses them: each audience, invitations, closing, authorization, tenants, exports and the API.</summary>
[Trait("Category", "Integration")]
public partial class SurveyPagesTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private static readonly SurveyDefinition Questions = new()
    {
        NextNo = 5,
        Sections =
        [
            new SurveySection
            {
                Title = "Общо",
                Questions =
                [
                    new() { No = 1, Type = QuestionType.SingleChoice, Text = "Доволни ли сте?", Required = true, Options = [new(1, "Да"), new(2, "Не")] },
                    new() { No = 2, Type = QuestionType.Likert, Text = "Оценка", Required = true },
                ],
            },
            new SurveySection
            {
                Title = "Подробно",
                Questions =
                [
                    new() { No = 3, Type = QuestionType.LongText, Text = "Защо не?", ShowIf = new QuestionCondition(1, 2) },
                    new() { No = 4, Type = QuestionType.Number, Text = "Минути", Min = 0, Max = 600 },
                ],
            },
        ],
    };

    private async Task<HttpClient> As(string? email, string prefix = "")
    {
        var client = app.Client(followRedirects: false);
        if (email is not null)
        {
            await client.SignInAsync(email, prefix: prefix);
        }
        return client;
    }

    private Task<Guid> CreateAsync(string slug, SurveyAudience audience, bool launched = true, bool published = false, bool askGroup = false) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var tenant = await db.Tenants.SingleAsync(t => t.Slug == slug);
            var survey = new Survey
            {
                Id = Guid.NewGuid(), TenantId = tenant.Id, Title = "Проверка " + audience, Audience = audience, Launched = launched, ResultsPublished = published, AskGroup = askGroup,
                OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(10), Definition = Questions.ToJson(), CreatedAt = now, UpdatedAt = now,
            };
            db.Surveys.Add(survey);
            await db.SaveChangesAsync();
            return survey.Id;
        }, slug);

    private Task<List<SurveyResponse>> ResponsesAsync(Guid id, string slug = "sliven") =>
        app.WithDbAsync(db => db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == id).ToListAsync(), slug);

    /// <summary>Walks both sections: first page, then the second with the first page's answers carried.</summary>
    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, string url, Dictionary<string, string> first, Dictionary<string, string>? second = null)
    {
        var step = await client.SubmitAsync(url, new Dictionary<string, string>(first) { ["go"] = "next" }, "/surveys/");
        if (step.StatusCode != HttpStatusCode.OK || second is null)
        {
            return step;
        }
        var page = await step.ParseAsync();
        var form = page.QuerySelector("form.survey-form")!;
        var values = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        values.AddRange(second);
        values.Add(new("go", "next"));
        return await client.PostAsync(form.GetAttribute("action")!, new FormUrlEncodedContent(values));
    }

    [Fact]
    public async Task A_public_survey_takes_one_whole_response_per_browser_and_refuses_bad_answers()
    {
        var id = await CreateAsync("sliven", SurveyAudience.Public, askGroup: true);
        var client = await As(null);
        var url = $"/surveys/{id}";

        // Hostile and incomplete answers: errors beside the fields, nothing stored.
        var bad = await client.SubmitAsync(url, new Dictionary<string, string> { ["q1"] = "7", ["q2"] = "<script>alert(1)</script>", ["group"] = "admin'--", ["go"] = "next" }, "/surveys/");
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await bad.ParseAsync();
        page.GetElementById("q1-error")!.TextContent.ShouldContain("не е сред възможните");
        page.GetElementById("q2-error")!.TextContent.ShouldContain("скалата");
        page.GetElementById("group-error")!.TextContent.ShouldContain("група");
        page.Body!.InnerHtml.ShouldNotContain("<script>alert");

        // A hidden question answered anyway, and an out-of-range number, are refused on the last page.
        var hidden = await AnswerAsync(client, url, new() { ["q1"] = "1", ["q2"] = "4", ["group"] = "citizen" }, new() { ["q3"] = "скрит", ["q4"] = "9999" });
        hidden.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var hiddenPage = await hidden.ParseAsync();
        hiddenPage.GetElementById("q4-error")!.TextContent.ShouldContain("от 0 до 600");
        hiddenPage.QuerySelector(".error-summary")!.TextContent.ShouldContain("не се отнася за вас");
        (await ResponsesAsync(id)).ShouldBeEmpty();

        var ok = await AnswerAsync(client, url, new() { ["q1"] = "2", ["q2"] = "4", ["group"] = "ngo" }, new() { ["q3"] = "Дълго чакане 🙂", ["q4"] = "15" });
        ok.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ok.ParseAsync()).QuerySelector("[role=status]")!.TextContent.ShouldContain("записан");
        var stored = (await ResponsesAsync(id)).ShouldHaveSingleItem();
        stored.Group.ShouldBe("ngo");
        stored.Codes.ShouldBe([SurveyCodes.Encode(1, 0, 2), SurveyCodes.Encode(2, 0, 4)]);
        stored.Numbers.ShouldBe([4, 15]);
        stored.UserId.ShouldBeNull();

        // The same browser again: told it has answered, nothing more stored.
        (await client.GetPageAsync(url)).QuerySelector("[role=status]")!.TextContent.ShouldContain("Вече сте отговорили");
        (await ResponsesAsync(id)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_participants_survey_needs_an_account_keeps_a_draft_and_takes_one_response()
    {
        var id = await CreateAsync("sliven", SurveyAudience.Participants);
        var url = $"/surveys/{id}";
        (await (await As(null)).GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var citizen = await As("citizen@example.org");
        var saved = await citizen.SubmitAsync(url, new Dictionary<string, string> { ["q1"] = "1", ["q2"] = "5", ["go"] = "save" }, "/surveys/");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var draft = (await ResponsesAsync(id)).ShouldHaveSingleItem();
        draft.SubmittedAt.ShouldBeNull();
        // Coming back, the saved answers are filled in.
        var again = await citizen.GetPageAsync(url);
        again.QuerySelector("#q1-1")!.HasAttribute("checked").ShouldBeTrue();
        again.QuerySelector("#q2-5")!.HasAttribute("checked").ShouldBeTrue();

        (await AnswerAsync(citizen, url, new() { ["q1"] = "1", ["q2"] = "5" }, new() { ["q4"] = "3" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var done = (await ResponsesAsync(id)).ShouldHaveSingleItem();
        done.SubmittedAt.ShouldNotBeNull();
        (await citizen.GetPageAsync(url)).QuerySelector("[role=status]")!.TextContent.ShouldContain("Вече сте отговорили");
    }

    [Fact]
    public async Task Invitations_are_single_use_and_leave_nothing_that_links_a_response_to_an_address()
    {
        var id = await CreateAsync("sliven", SurveyAudience.Invitation);
        var official = await As("official.sliven@example.org");
        var sent = await official.SubmitAsync($"/surveys/{id}/edit", new Dictionary<string, string> { ["Emails"] = "ivana.staff@example.org, petar.staff@example.org\nnot-an-address" }, "invite");
        sent.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await sent.ParseAsync()).FieldError("Emails").ShouldContain("not-an-address");
        (await official.SubmitAsync($"/surveys/{id}/edit", new Dictionary<string, string> { ["Emails"] = "ivana.staff@example.org; petar.staff@example.org" }, "invite"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var mail = await app.WaitForMailAsync("ivana.staff@example.org");
        var token = InvitationLink().Match(mail).Groups[1].Value;
        token.ShouldNotBeEmpty();

        var anyone = await As(null);
        (await anyone.GetAsync($"/surveys/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anyone.GetAsync($"/surveys/{id}?invitation=forged-token")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var url = $"/surveys/{id}?invitation={token}";
        (await anyone.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AnswerAsync(anyone, url, new() { ["q1"] = "1", ["q2"] = "3" }, new())).StatusCode.ShouldBe(HttpStatusCode.OK);

        var invitations = await app.WithDbAsync(db => db.SurveyInvitations.AsNoTracking().Where(i => i.SurveyId == id).ToListAsync(), "sliven");
        var used = invitations.Where(i => i.Used).ShouldHaveSingleItem();
        used.Email.ShouldBeNull();
        invitations.ShouldContain(i => !i.Used && i.Email == "petar.staff@example.org");
        var response = (await ResponsesAsync(id)).ShouldHaveSingleItem();
        response.UserId.ShouldBeNull();
        response.BrowserKey.ShouldBeNull();

        // The link is spent.
        (await anyone.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ResponsesAsync(id)).Count.ShouldBe(1);
        // Addresses never appear in exports.
        var csv = Encoding.UTF8.GetString(await (await official.GetAsync($"/surveys/{id}/export.csv")).Content.ReadAsByteArrayAsync());
        csv.ShouldNotContain("example.org");
    }

    [GeneratedRegex(@"invitation=([A-Za-z0-9_\-]+)")]
    private static partial Regex InvitationLink();

    [Fact]
    public async Task Closed_and_unlaunched_surveys_take_no_answers()
    {
        var ruse = await app.WithDbAsync(db => db.Surveys.Where(s => s.Audience == SurveyAudience.Public).Select(s => s.Id).SingleAsync(), "ruse-oblast");
        var client = await As(null);
        (await client.GetPageAsync($"/t/ruse-oblast/surveys/{ruse}")).QuerySelector("[role=status]")!.TextContent.ShouldContain("приключила");
        var draft = await CreateAsync("sliven", SurveyAudience.Public, launched: false);
        (await client.GetAsync($"/surveys/{draft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Staff preview a draft; nothing is saved.
        var official = await As("official.sliven@example.org");
        (await official.GetAsync($"/surveys/{draft}?preview=true")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AnswerAsync(official, $"/surveys/{draft}?preview=true", new() { ["q1"] = "1", ["q2"] = "2" }, new())).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ResponsesAsync(draft)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Results_kept_between_requests_count_every_new_response_even_one_that_commits_after_a_newer_one()
    {
        var id = await CreateAsync("sliven", SurveyAudience.Public, askGroup: true);
        var official = await As("official.sliven@example.org");
        async Task<string> TotalAsync(string query = "") => (await official.GetPageAsync($"/surveys/{id}/results{query}")).GetElementById("total")!.TextContent;
        Task AddAsync(TimeSpan age, string group) => app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var tenant = await db.Tenants.SingleAsync(t => t.Slug == "sliven");
            db.SurveyResponses.Add(new SurveyResponse
            {
                Id = Guid.NewGuid(), TenantId = tenant.Id, SurveyId = id, Group = group, Answers = "{}",
                Codes = [SurveyCodes.Encode(1, 0, 1)], StartedAt = now - age, SubmittedAt = now - age,
            });
            return await db.SaveChangesAsync();
        }, "sliven");

        (await TotalAsync()).ShouldBe("Отговори: 0");
        await AddAsync(TimeSpan.Zero, "ngo");
        (await TotalAsync()).ShouldBe("Отговори: 1");
        (await TotalAsync("?group=ngo")).ShouldBe("Отговори: 1");
        // Stamped five minutes before the newest one read, committed after it (a slow transaction).
        await AddAsync(TimeSpan.FromMinutes(5), "ngo");
        (await TotalAsync()).ShouldBe("Отговори: 2");
        (await TotalAsync("?group=ngo")).ShouldBe("Отговори: 2");
        (await TotalAsync("?group=business")).ShouldBe("Отговори: 0");
        await AddAsync(TimeSpan.Zero, "business");
        (await TotalAsync("?group=business")).ShouldBe("Отговори: 1");
        (await TotalAsync()).ShouldBe("Отговори: 3");
    }

    [Fact]
    public async Task Only_the_administrations_staff_see_unpublished_results_and_manage_surveys()
    {
        var sliven = await app.WithDbAsync(db => db.Surveys.Where(s => s.Audience == SurveyAudience.Invitation && s.Title.StartsWith("Нагласи")).Select(s => s.Id).SingleAsync(), "sliven");
        (await (await As(null)).GetAsync($"/surveys/{sliven}/results")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await As("citizen@example.org")).GetAsync($"/surveys/{sliven}/results")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await As(null)).GetAsync($"/api/v1/surveys/{sliven}/results")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var official = await As("official.sliven@example.org");
        var results = await official.GetPageAsync($"/surveys/{sliven}/results");
        results.GetElementById("total")!.TextContent.ShouldBe("Отговори: 60");
        results.QuerySelectorAll("section.survey-result table").Length.ShouldBeGreaterThan(3);

        var citizen = await As("citizen@example.org");
        var manage = await citizen.GetAsync("/surveys/manage");
        manage.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        manage.Headers.Location!.ToString().ShouldContain("access-denied");
        (await citizen.GetAsync($"/surveys/{sliven}/export.csv")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await citizen.GetAsync($"/surveys/{sliven}/edit")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Another administration's official: the survey does not exist there.
        var haskovo = await As("official.haskovo@example.org", "/t/haskovo");
        (await haskovo.GetAsync($"/t/haskovo/surveys/{sliven}/edit")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await haskovo.GetAsync($"/t/haskovo/surveys/{sliven}/results")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await haskovo.GetAsync($"/t/haskovo/surveys/{sliven}/export.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await haskovo.GetAsync($"/t/haskovo/surveys/{sliven}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await haskovo.GetPageAsync("/t/haskovo/surveys/manage");
        var forged = await haskovo.PostAsync($"/t/haskovo/surveys/manage?handler=duplicate&id={sliven}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", Forms.Token(page))]));
        forged.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The anonymous survey hides a group below five responses.
        var filtered = await official.GetPageAsync($"/surveys/{sliven}/results?answer=10001");
        filtered.GetElementById("total")!.TextContent.ShouldStartWith("Отговори:");
    }

    [Fact]
    public async Task Published_results_are_public_and_exports_hold_numbers()
    {
        var ruse = await app.WithDbAsync(db => db.Surveys.Where(s => s.Audience == SurveyAudience.Public).Select(s => s.Id).SingleAsync(), "ruse-oblast");
        var anyone = await As(null);
        var page = await anyone.GetPageAsync($"/t/ruse-oblast/surveys/{ruse}/results");
        page.GetElementById("total")!.TextContent.ShouldBe("Отговори: 1\u00A0500");
        page.QuerySelector("#exports").ShouldBeNull();
        page.QuerySelector("svg.chart").ShouldNotBeNull();
        var filtered = await anyone.GetPageAsync($"/t/ruse-oblast/surveys/{ruse}/results?group=ngo");
        var ngo = int.Parse(filtered.GetElementById("total")!.TextContent.Replace("Отговори: ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        ngo.ShouldBeInRange(100, 500);
        (await anyone.GetAsync($"/t/ruse-oblast/surveys/{ruse}/results?group=%3Cscript%3E")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await anyone.GetAsync($"/t/ruse-oblast/surveys/{ruse}/export.csv")).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        var api = await anyone.GetAsync($"/t/ruse-oblast/api/v1/surveys/{ruse}/results?group=ngo");
        api.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await api.Content.ReadAsStringAsync();
        json.ShouldContain($"\"responses\":{ngo}");
        json.ShouldNotContain("Повече информация");
        (await anyone.GetAsync($"/t/ruse-oblast/api/v1/surveys/{ruse}/results?answer=abc")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await anyone.GetAsync($"/t/ruse-oblast/api/v1/surveys/{ruse}/results?answer=999999")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var list = await (await anyone.GetAsync("/t/ruse-oblast/api/v1/surveys")).Content.ReadAsStringAsync();
        list.ShouldContain("\"status\":\"closed\"");
        list.ShouldContain("\"responses\":1500");

        var official = await As("official.ruse-oblast@example.org", "/t/ruse-oblast");
        var csv = await (await official.GetAsync($"/t/ruse-oblast/surveys/{ruse}/export.csv")).Content.ReadAsByteArrayAsync();
        csv.Take(3).ShouldBe(Encoding.UTF8.GetPreamble());
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1501);
        lines[0].ShouldStartWith("response,submitted_at,group,q1,q1_other,q2,q3,q4");
        var codebook = Encoding.UTF8.GetString(await (await official.GetAsync($"/t/ruse-oblast/surveys/{ruse}/codebook.csv")).Content.ReadAsByteArrayAsync());
        codebook.ShouldContain("1 = На гише");

        var xlsx = await official.GetAsync($"/t/ruse-oblast/surveys/{ruse}/export.xlsx");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            var sheet = doc.WorkbookPart!.WorksheetParts.First().Worksheet;
            var rows = sheet.Descendants<Row>().ToList();
            rows.Count.ShouldBe(1501);
            var cell = rows[1].Elements<Cell>().ElementAt(3);
            cell.DataType!.Value.ShouldBe(CellValues.Number);
            int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 99);
        }
        var tables = await official.GetAsync($"/t/ruse-oblast/surveys/{ruse}/results.xlsx?group=citizen");
        tables.StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var doc = SpreadsheetDocument.Open(new MemoryStream(await tables.Content.ReadAsByteArrayAsync()), false))
        {
            doc.WorkbookPart!.Workbook.Descendants<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ShouldBe(["Разпределения", "Средни", "По дни"]);
        }
    }

    [Fact]
    public async Task An_official_builds_a_survey_and_once_it_has_responses_may_only_add_optional_questions()
    {
        var official = await As("official.sliven@example.org");
        var created = await official.SubmitAsync("/surveys/manage", new Dictionary<string, string> { ["NewTitle"] = "Анкета за паркирането", ["Template"] = "" }, "create");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var edit = created.Headers.Location!.ToString();
        var id = Guid.Parse(edit.Split('/')[2]);

        var bad = await official.SubmitAsync(edit, new Dictionary<string, string> { ["Question.Type"] = "SingleChoice", ["Question.Text"] = "Къде паркирате?", ["Question.Options"] = "Само един" }, "question");
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await bad.ParseAsync()).FieldError("Question.Options").ShouldContain("поне два");

        (await official.SubmitAsync(edit, new Dictionary<string, string>
        {
            ["Question.Type"] = "SingleChoice", ["Question.Text"] = "Къде паркирате?", ["Question.Options"] = "На улицата\nВ двора", ["Question.Required"] = "true",
        }, "question")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await official.SubmitAsync(edit, new Dictionary<string, string> { ["Question.Type"] = "Scale10", ["Question.Text"] = "Колко е трудно?" }, "question"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await official.SubmitAsync(edit, new Dictionary<string, string> { }, "launch")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var citizen = await As(null);
        (await citizen.SubmitAsync($"/surveys/{id}", new Dictionary<string, string> { ["q1"] = "2", ["q2"] = "7", ["go"] = "next" }, "/surveys/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ResponsesAsync(id)).Count.ShouldBe(1);

        var locked = await official.SubmitAsync(edit, new Dictionary<string, string> { ["Question.Type"] = "ShortText", ["Question.Text"] = "Нов задължителен", ["Question.Required"] = "true" }, "question");
        locked.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await locked.ParseAsync()).QuerySelector(".error-summary")!.TextContent.ShouldContain("незадължителни");
        (await official.SubmitAsync(edit, new Dictionary<string, string> { ["Question.Type"] = "ShortText", ["Question.Text"] = "Нов по желание" }, "question"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var removeForm = await official.PostAsync($"/surveys/{id}/edit?handler=remove&no=1",
            new FormUrlEncodedContent([new("__RequestVerificationToken", Forms.Token(await official.GetPageAsync(edit)))]));
        removeForm.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var definition = await app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).Select(s => s.Definition).SingleAsync(), "sliven");
        SurveyDefinition.FromJson(definition).Questions.Select(q => q.Text).ShouldBe(["Къде паркирате?", "Колко е трудно?", "Нов по желание"]);

        // Duplicate: a fresh draft with the same questions.
        var manage = await official.GetPageAsync("/surveys/manage");
        var dup = await official.PostAsync($"/surveys/manage?handler=duplicate&id={id}", new FormUrlEncodedContent([new("__RequestVerificationToken", Forms.Token(manage))]));
        dup.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var copy = Guid.Parse(dup.Headers.Location!.ToString().Split('/')[2]);
        (await app.WithDbAsync(db => db.Surveys.Where(s => s.Id == copy).Select(s => s.Launched).SingleAsync(), "sliven")).ShouldBeFalse();
    }
}
