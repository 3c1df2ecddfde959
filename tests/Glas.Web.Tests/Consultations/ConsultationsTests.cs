using Glas.Web.Participation.Documents;
using System.Net;
using System.Text;
using Glas.Web.Consultations;
using Glas.Web.DemoData;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;
using static Glas.Web.Tests.Consultations.ConsultationSteps;

namespace Glas.Web.Tests.Consultations;

[Trait("Category", "Integration")]
public class ConsultationsTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private async Task<HttpClient> As(string email, string prefix = "")
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync(email, prefix: prefix);
        return client;
    }

    [Fact]
    public async Task Comments_by_staff_of_the_administration_carry_a_badge()
    {
        var official = await As("official.levski@example.org", "/t/levski");
        var id = await OpenAsync(app, official, prefix: "/t/levski");
        (await CommentAsync(official, id, "Разяснение от общинската администрация.", prefix: "/t/levski")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CommentAsync(official, id, "Анонимно от служител.", shown: "Anonymous", prefix: "/t/levski")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var citizen = await As("citizen@example.org", "/t/levski");
        (await CommentAsync(citizen, id, "Въпрос на гражданин.", prefix: "/t/levski")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var comments = (await app.Client().GetPageAsync($"/t/levski/consultations/{id}")).QuerySelectorAll("article.comment").ToList();
        comments.Single(c => c.TextContent.Contains("Разяснение от общинската")).QuerySelector(".staff-badge")!.TextContent.ShouldBe("служител на Община Левски");
        comments.Single(c => c.TextContent.Contains("Анонимно от служител.")).QuerySelector(".staff-badge").ShouldBeNull();
        comments.Single(c => c.TextContent.Contains("Въпрос на гражданин.")).QuerySelector(".staff-badge").ShouldBeNull();
    }

    [Fact]
    public async Task The_period_rule_is_explained_on_the_form()
    {
        var official = await As("official.sliven@example.org");
        var today = Today(app);
        async Task<AngleSharp.Html.Dom.IHtmlDocument> Save(Dictionary<string, string> form) => await (await PostAsync(official, "/consultations/edit", "save", form)).ParseAsync();

        (await Save(Form(today, 13))).FieldError("Input.ClosesOn").ShouldBe("Срокът е 13 дни; законът не допуска срок под 14 дни.");
        (await Save(Form(today, 20))).FieldError("Input.ShortTermReason").ShouldBe("Срокът е 20 дни, по-кратък от 30: посочете мотивите за краткия срок.");
        (await Save(Form(today.AddDays(-1), 30))).FieldError("Input.OpensOn").ShouldBe("Датата на откриване не може да е в миналото.");
        var noContact = Form(today, 30);
        noContact["Input.Contacts[0].Name"] = "";
        noContact["Input.Contacts[0].Email"] = "";
        noContact["Input.Contacts[0].Phone"] = "";
        (await Save(noContact)).FieldError("Input.Contacts[0].Name").ShouldBe("Посочете поне едно лице за контакт.");
        var badEmail = Form(today, 30);
        badEmail["Input.Contacts[0].Email"] = "не-е-имейл";
        (await Save(badEmail)).FieldError("Input.Contacts[0].Email").ShouldStartWith("Въведете валиден имейл");

        var id = await CreateAsync(official, Form(today, 20, reason: "Спешна промяна, наложена от закона."));
        var stored = await app.WithDbAsync(db => db.Consultations.IgnoreQueryFilters().Include(c => c.Units).SingleAsync(c => c.Id == id));
        stored.ShortTermReason.ShouldBe("Спешна промяна, наложена от закона.");
        stored.Units.Count.ShouldBe(15);
        stored.Status.ShouldBe(ConsultationStatus.Draft);
        // Drafts are not public.
        (await app.Client().GetAsync($"/consultations/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Client().GetAsync($"/api/v1/consultations/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_official_previews_the_split_before_saving()
    {
        var official = await As("official.sliven@example.org");
        var form = Form(Today(app), 30, draft: ConsultationsDemoData.PublicOrderDraft);
        var page = await (await PostAsync(official, "/consultations/edit", "preview", form)).ParseAsync();
        page.QuerySelector("#preview-h")!.TextContent.ShouldBe("Преглед: 22 части");
        page.QuerySelectorAll(".preview tbody tr").Length.ShouldBe(22);
        (await app.WithDbAsync(db => db.Consultations.IgnoreQueryFilters().CountAsync(c => c.Title == "Наредба за тестовете" && c.DraftText == ConsultationsDemoData.PublicOrderDraft))).ShouldBe(0);
    }

    [Fact]
    public async Task A_docx_draft_is_imported_and_split()
    {
        var official = await As("official.sliven@example.org");
        var page = await official.GetPageAsync("/consultations/edit");
        var content = new MultipartFormDataContent { { new StringContent(Forms.Token(page)), "__RequestVerificationToken" } };
        foreach (var (k, v) in Form(Today(app), 30, title: "Внесена от Word", draft: ""))
        {
            content.Add(new StringContent(v), k);
        }
        content.Add(new ByteArrayContent(Glas.Web.Tests.Platform.Files.UploadCheckTests.Docx("Чл. 1. (1) Първа алинея.\n(2) Втора алинея.\nЧл. 2. Втори член.")), "DraftFile", "naredba.docx");
        var response = await official.PostAsync("/consultations/edit?handler=save", content);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var units = await app.WithDbAsync(db => db.DraftUnits.Where(u => db.Consultations.IgnoreQueryFilters().Any(c => c.Id == u.ConsultationId && c.Title == "Внесена от Word")).OrderBy(u => u.Number).Select(u => u.Path).ToListAsync());
        units.ShouldBe(["Чл. 1, ал. 1", "Чл. 1, ал. 2", "Чл. 2"]);

        var fake = new MultipartFormDataContent { { new StringContent(Forms.Token(await official.GetPageAsync("/consultations/edit"))), "__RequestVerificationToken" } };
        foreach (var (k, v) in Form(Today(app), 30, title: "Фалшив Word"))
        {
            fake.Add(new StringContent(v), k);
        }
        fake.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("<html>not a docx</html>")), "DraftFile", "naredba.docx");
        (await (await official.PostAsync("/consultations/edit?handler=save", fake)).ParseAsync()).QuerySelector("#DraftFile-error")!.TextContent.ShouldContain(".docx");
    }

    [Fact]
    public async Task A_hostile_docx_draft_is_refused_with_a_message_and_the_form_keeps_its_text()
    {
        var official = await As("official.sliven@example.org");
        async Task<HttpResponseMessage> Import(string handler, byte[] docx)
        {
            var content = new MultipartFormDataContent { { new StringContent(Forms.Token(await official.GetPageAsync("/consultations/edit"))), "__RequestVerificationToken" } };
            foreach (var (k, v) in Form(Today(app), 30, title: "Враждебен Word", draft: "Чл. 1. Написаното във формата."))
            {
                content.Add(new StringContent(v), k);
            }
            content.Add(new ByteArrayContent(docx), "DraftFile", "naredba.docx");
            return await official.PostAsync($"/consultations/edit?handler={handler}", content);
        }
        var bomb = Glas.Web.Tests.Platform.Files.UploadCheckTests.DocxWith(Glas.Web.Tests.Platform.Files.UploadCheckTests.Zeros("word/media/a.bin", 40L * 1024 * 1024));
        var macros = Glas.Web.Tests.Platform.Files.UploadCheckTests.DocxWith(zip => zip.CreateEntry("word/vbaProject.bin"));
        var longText = Glas.Web.Tests.Platform.Files.UploadCheckTests.Docx("Чл. 1. " + new string('я', DraftSplitter.MaxLength));
        var manyUnits = Glas.Web.Tests.Platform.Files.UploadCheckTests.Docx(string.Join('\n', Enumerable.Range(1, DraftSplitter.MaxUnits + 1).Select(i => $"Чл. {i}. Текст.")));
        var cases = new (byte[] File, string Message)[]
        {
            (bomb, "Файлът не може да бъде приет: разархивиран е твърде голям или съдържа твърде много части (най-много 20 MB и 1000 части)."),
            (macros, "Документи с макроси (например .docm или .docx с vbaProject.bin) не се приемат. Запазете файла като обикновен документ без макроси."),
            (longText, "Текстът е твърде дълъг: най-много 500000 знака."),
            (manyUnits, "Текстът се разделя на твърде много части: най-много 2000. Разделете проекта или махнете излишните редове."),
        };
        foreach (var handler in new[] { "preview", "save" })
        {
            foreach (var (file, message) in cases)
            {
                var response = await Import(handler, file);
                response.StatusCode.ShouldBe(HttpStatusCode.OK, handler + ": " + message);
                var html = await response.Content.ReadAsStringAsync();
                html.Length.ShouldBeLessThan(200_000);
                var page = await response.ParseAsync();
                page.QuerySelector("#DraftFile-error")!.TextContent.Trim().ShouldBe(message);
                page.QuerySelector("textarea[name='Input.DraftText']")!.TextContent.ShouldContain("Написаното във формата.");
            }
        }
        (await app.WithDbAsync(db => db.Consultations.IgnoreQueryFilters().CountAsync(c => c.Title == "Враждебен Word"))).ShouldBe(0);
    }

    [Fact]
    public async Task Uploads_are_checked_by_content_and_size_and_kept_as_versions()
    {
        var official = await As("official.sliven@example.org");
        var id = await CreateAsync(official, Form(Today(app), 30, title: "Документи"));

        var disguised = await UploadAsync(official, id, DocumentType.Draft, "Проект", Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "proekt.pdf");
        disguised.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await disguised.Content.ReadAsStringAsync()).ShouldContain("Приемат се само PDF, DOCX и ODT");

        var huge = new byte[21 * 1024 * 1024];
        DemoPdf.Create("x").CopyTo(huge, 0);
        var tooLarge = await UploadAsync(official, id, DocumentType.Draft, "Проект", huge, "proekt.pdf");
        (await tooLarge.Content.ReadAsStringAsync()).ShouldContain("Файлът е твърде голям");

        var first = await UploadAsync(official, id, DocumentType.Draft, "Проект", DemoPdf.Create("v1"), "../proekt v1.pdf");
        first.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var documentId = await app.WithDbAsync(db => db.Documents.IgnoreQueryFilters().Where(d => d.SubjectKind == "consultation" && d.SubjectId == id).Select(d => d.Id).SingleAsync());
        (await UploadAsync(official, id, DocumentType.Draft, "", Glas.Web.Tests.Platform.Files.UploadCheckTests.Docx("v2"), "proekt v2.docx", documentId)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var versions = await app.WithDbAsync(db => db.DocumentVersions.Where(v => v.DocumentId == documentId).OrderBy(v => v.UploadedAt).ToListAsync());
        versions.Select(v => v.FileName).ShouldBe(["proekt v1.pdf", "proekt v2.docx"]);
        versions.Select(v => v.ContentType).ShouldBe(["application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"]);

        var download = await official.GetAsync($"/consultations/{id}/files/{versions[0].Id}");
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(DemoPdf.Create("v1"));
        // A draft's files are not public.
        (await app.Client().GetAsync($"/consultations/{id}/files/{versions[0].Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Scheduling_needs_the_draft_the_motives_and_a_contact()
    {
        var official = await As("official.sliven@example.org");
        var id = await CreateAsync(official, Form(Today(app), 30, title: "Непълна"));
        var refused = await (await PostAsync(official, $"/consultations/{id}/manage", "schedule", [])).ParseAsync();
        var summary = refused.QuerySelector(".error-summary")!.TextContent;
        summary.ShouldContain("документ „Проект на акт“");
        summary.ShouldContain("документ „Мотиви / доклад“");
        (await app.WithDbAsync(db => db.Consultations.IgnoreQueryFilters().Where(c => c.Id == id).Select(c => c.Status).SingleAsync())).ShouldBe(ConsultationStatus.Draft);
    }

    [Fact]
    public async Task Participants_comment_reply_and_support_while_open_and_closed_means_closed()
    {
        var official = await As("official.sliven@example.org");
        var id = await OpenAsync(app, official);
        var citizen = await As("citizen@example.org");
        var ngo = await As("ngo@example.org");

        (await CommentAsync(citizen, id, "Предлагам по-ясна формулировка на чл. 2. 🌳", unit: 3)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CommentAsync(ngo, id, "Като организация подкрепяме проекта.", shown: "Organisation")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CommentAsync(citizen, id, "Анонимна бележка.", shown: "Anonymous")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // A citizen cannot post in an organisation's name.
        (await (await CommentAsync(citizen, id, "x", shown: "Organisation")).ParseAsync()).QuerySelector(".error-summary")!.TextContent.ShouldContain("Стойността е невалидна.");

        var proposal = await app.WithDbAsync(db => db.Comments.SingleAsync(c => c.SubjectId == id && c.UnitId != null), "sliven");
        (await CommentAsync(ngo, id, "Отговор на предложението.", unit: 3, parent: proposal.Id)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // A reply is posted where its proposal is shown: the unit's page, not the whole draft's.
        (await (await CommentAsync(ngo, id, "Отговор на грешното място.", parent: proposal.Id)).ParseAsync()).FieldError("Comment.Text").ShouldContain("на едно ниво");
        var reply = await app.WithDbAsync(db => db.Comments.SingleAsync(c => c.ParentId == proposal.Id), "sliven");
        reply.UnitId.ShouldBe(proposal.UnitId);
        // Replies are one level deep.
        (await (await CommentAsync(citizen, id, "Отговор на отговора.", unit: 3, parent: reply.Id)).ParseAsync()).FieldError("Comment.Text").ShouldContain("на едно ниво");

        for (var i = 0; i < 2; i++)
        {
            (await PostAsync(ngo, $"/consultations/{id}/units/3", "support", new() { ["commentId"] = proposal.Id.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await app.WithDbAsync(db => db.Comments.Where(c => c.Id == proposal.Id).Select(c => c.SupportCount).SingleAsync(), "sliven")).ShouldBe(1);

        var unitPage = await app.Client().GetPageAsync($"/consultations/{id}/units/3");
        unitPage.QuerySelector($"#c-{proposal.Id} .prewrap")!.TextContent.ShouldBe("Предлагам по-ясна формулировка на чл. 2. 🌳");
        unitPage.QuerySelector($"#c-{proposal.Id} .comment-meta strong")!.TextContent.ShouldBe("Мария Гражданка");
        var general = await app.Client().GetPageAsync($"/consultations/{id}");
        general.QuerySelectorAll("section[aria-labelledby=comments-h] .comment-meta strong").Select(e => e.TextContent).ShouldBe(["Сдружение „Демо“", "Анонимно"]);
        general.QuerySelector("#d-art-2 summary .count")!.TextContent.ShouldBe("коментари: 2");

        // Past the deadline the server refuses, whatever the form says.
        app.Clock.Advance(TimeSpan.FromDays(31));
        try
        {
            citizen = await As("citizen@example.org");
            var late = await (await CommentAsync(citizen, id, "Късно предложение.", unit: 3)).ParseAsync();
            late.QuerySelector(".error-summary")!.TextContent.ShouldContain("Консултацията е закрита; не се приемат нови коментари.");
            (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.SubjectId == id && c.Text == "Късно предложение."), "sliven")).ShouldBe(0);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-31));
        }
    }

    [Fact]
    public async Task The_unit_comes_from_the_route_and_an_unknown_unit_is_404_for_every_handler()
    {
        var official = await As("official.sliven@example.org");
        var id = await OpenAsync(app, official);
        var citizen = await As("citizen@example.org");
        var token = Forms.Token(await citizen.GetPageAsync($"/consultations/{id}/units/1"));
        foreach (var handler in new[] { "comment", "support", "flag", "follow", "rate" })
        {
            foreach (var text in new[] { "", "Коментар към несъществуваща част." })
            {
                var response = await citizen.PostAsync($"/consultations/{id}/units/999?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["Comment.Text"] = text, ["Comment.Unit"] = "3",
                    ["commentId"] = Guid.NewGuid().ToString(), ["reason"] = "x", ["follow"] = "true", ["score"] = "5",
                }));
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{handler} '{text}'");
            }
        }
        (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.SubjectId == id), "sliven")).ShouldBe(0);

        // A hidden field naming another unit is not trusted: the comment goes where it was posted.
        var posted = await PostAsync(citizen, $"/consultations/{id}/units/3", "comment", new() { ["Comment.Text"] = "По чл. 3.", ["Comment.Unit"] = "5" });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.ToString().ShouldContain($"/consultations/{id}/units/3#c-");
        (await app.WithDbAsync(db => db.Comments.Where(c => c.SubjectId == id).Select(c => db.DraftUnits.Single(u => u.Id == c.UnitId).Number).SingleAsync(), "sliven")).ShouldBe(3);
        (await citizen.GetPageAsync($"/consultations/{id}/units/3")).QuerySelector("input[name='Comment.Unit']").ShouldBeNull();
    }

    [Fact]
    public async Task Hidden_comments_take_no_support_reply_or_report_and_nobody_supports_their_own()
    {
        var official = await As("official.sliven@example.org");
        var id = await OpenAsync(app, official);
        var citizen = await As("citizen@example.org");
        var ngo = await As("ngo@example.org");
        await CommentAsync(citizen, id, "Собствено предложение.", unit: 2);
        var own = await app.WithDbAsync(db => db.Comments.SingleAsync(c => c.SubjectId == id), "sliven");

        var self = await PostAsync(citizen, $"/consultations/{id}/units/2", "support", new() { ["commentId"] = own.Id.ToString() });
        self.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await citizen.GetPageAsync(self.Headers.Location!.ToString())).QuerySelector(".notice")!.TextContent.ShouldContain("собствения си коментар");
        (await app.WithDbAsync(db => db.CommentSupports.CountAsync(s => s.CommentId == own.Id))).ShouldBe(0);

        var moderator = await As("moderator.sliven@example.org");
        (await PostAsync(moderator, $"/consultations/{id}/units/2", "hide", new() { ["commentId"] = own.Id.ToString(), ["reason"] = "Извън темата" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await PostAsync(ngo, $"/consultations/{id}/units/2", "support", new() { ["commentId"] = own.Id.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(ngo, $"/consultations/{id}/units/2", "flag", new() { ["commentId"] = own.Id.ToString(), ["reason"] = "Спам" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reply = await (await CommentAsync(ngo, id, "Отговор на скрит коментар.", unit: 2, parent: own.Id)).ParseAsync();
        reply.FieldError("Comment.Text").ShouldBe("Коментарът е скрит от модератор; на него не може да се отговаря.");
        reply.QuerySelector("textarea[name='Comment.Text']")!.TextContent.ShouldContain("Отговор на скрит коментар.");

        (await app.WithDbAsync(db => db.CommentSupports.CountAsync(s => s.CommentId == own.Id))).ShouldBe(0);
        (await app.WithDbAsync(db => db.Comments.Where(c => c.Id == own.Id).Select(c => c.SupportCount).SingleAsync(), "sliven")).ShouldBe(0);
        (await app.WithDbAsync(db => db.CommentFlags.CountAsync(f => f.CommentId == own.Id))).ShouldBe(0);
        (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.ParentId == own.Id), "sliven")).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_comment_twice_on_the_same_subject_within_a_day_is_refused()
    {
        var official = await As("official.sliven@example.org");
        var id = await OpenAsync(app, official);
        var citizen = await As("citizen@example.org");
        (await CommentAsync(citizen, id, "Да се  добави   срок.", unit: 4)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await (await CommentAsync(citizen, id, " Да се добави\r\nсрок. ", unit: 4)).ParseAsync();
        again.FieldError("Comment.Text").ShouldBe("Вече публикувахте същия текст тук през последните 24 часа.");
        again.QuerySelector("textarea[name='Comment.Text']")!.TextContent.ShouldContain("Да се добави");
        // Another unit, the whole draft or another person is another subject.
        (await CommentAsync(citizen, id, "Да се добави срок.", unit: 5)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CommentAsync(citizen, id, "Да се добави срок.")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CommentAsync(await As("ngo@example.org"), id, "Да се добави срок.", unit: 4)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Clock.Advance(TimeSpan.FromHours(25));
        try
        {
            (await CommentAsync(citizen, id, "Да се добави срок.", unit: 4)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromHours(-25));
        }
        (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.SubjectId == id), "sliven")).ShouldBe(5);
    }

    [Fact]
    public async Task A_hidden_comment_stays_in_the_record_and_the_counts_and_is_logged()
    {
        var official = await As("official.sliven@example.org");
        var id = await OpenAsync(app, official);
        var citizen = await As("citizen@example.org");
        await CommentAsync(citizen, id, "Обидна реплика.", unit: 2);
        var comment = await app.WithDbAsync(db => db.Comments.SingleAsync(c => c.SubjectId == id), "sliven");

        var ngo = await As("ngo@example.org");
        (await PostAsync(ngo, $"/consultations/{id}/units/2", "flag", new() { ["commentId"] = comment.Id.ToString(), ["reason"] = "Обиден език" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var denied = await PostAsync(ngo, $"/consultations/{id}/units/2", "hide", new() { ["commentId"] = comment.Id.ToString(), ["reason"] = "опит" });
        denied.Headers.Location!.ToString().ShouldContain("/account/access-denied");

        var moderator = await As("moderator.sliven@example.org");
        var queue = await moderator.GetPageAsync("/moderation");
        queue.QuerySelector($"#m-{comment.Id}")!.TextContent.ShouldContain("Обиден език");
        (await PostAsync(moderator, "/moderation", "hide", new() { ["commentId"] = comment.Id.ToString(), ["reason"] = "Нарушава кодекса на поведение" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await app.Client().GetPageAsync($"/consultations/{id}/units/2");
        page.QuerySelector($"#c-{comment.Id} .hidden-note")!.TextContent.ShouldBe("скрит от модератор: Нарушава кодекса на поведение");
        page.Body!.TextContent.ShouldNotContain("Обидна реплика.");
        (await app.Client().GetPageAsync($"/consultations/{id}")).QuerySelector("#d-art-1 summary .count")!.TextContent.ShouldBe("коментари: 1");
        (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.SubjectId == id), "sliven")).ShouldBe(1);
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "comment.hidden" && a.Subject == $"comment:{comment.Id}"), "sliven");
        audit.ActorUserId.ShouldNotBeNull();
        (await moderator.GetPageAsync("/moderation")).QuerySelector($"#m-{comment.Id}").ShouldBeNull();
    }

    [Fact]
    public async Task The_report_is_published_only_when_every_proposal_is_answered()
    {
        var official = await As("official.sliven@example.org");
        var id = await OpenAsync(app, official);
        var citizen = await As("citizen@example.org");
        await CommentAsync(citizen, id, "=HYPERLINK(\"http://evil\") първо предложение", unit: 4);
        await CommentAsync(citizen, id, "Второ предложение по целия проект.");
        var proposals = await app.WithDbAsync(db => db.Comments.Where(c => c.SubjectId == id).OrderBy(c => c.CreatedAt).Select(c => c.Id).ToListAsync(), "sliven");

        // Not before closing.
        (await (await PostAsync(official, $"/consultations/{id}/report/edit", "publish", [])).ParseAsync()).QuerySelector(".error-summary")!.TextContent.ShouldContain("след закриване");

        app.Clock.Advance(TimeSpan.FromDays(31));
        try
        {
            // Sign-in cookies last 14 days of the app's clock; after the jump the official signs in again.
            official = await As("official.sliven@example.org");
            await app.Services.GetRequiredService<ConsultationClock>().TickAsync(CancellationToken.None);
            var refused = await (await PostAsync(official, $"/consultations/{id}/report/edit", "publish", [])).ParseAsync();
            refused.QuerySelector(".error-summary")!.TextContent.ShouldContain("2 от 2 предложения са без отговор");

            var noReason = await (await PostAsync(official, $"/consultations/{id}/report/edit", "answer", new() { ["commentId"] = proposals[0].ToString(), ["outcome"] = "NotAccepted", ["justification"] = "" })).ParseAsync();
            noReason.QuerySelector($"#j-{proposals[0]:N}-error")!.TextContent.ShouldBe("Мотивите са задължителни, освен когато предложението се приема.");
            (await PostAsync(official, $"/consultations/{id}/report/edit", "answer", new() { ["commentId"] = proposals[0].ToString(), ["outcome"] = "NotAccepted", ["justification"] = "Противоречи на закона." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await (await PostAsync(official, $"/consultations/{id}/report/edit", "publish", [])).ParseAsync()).QuerySelector(".error-summary")!.TextContent.ShouldContain("1 от 2");
            (await PostAsync(official, $"/consultations/{id}/report/edit", "answer", new() { ["commentId"] = proposals[1].ToString(), ["outcome"] = "Accepted" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await PostAsync(official, $"/consultations/{id}/report/edit", "publish", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);

            var report = await app.Client().GetPageAsync($"/consultations/{id}/report");
            report.QuerySelectorAll("table.report tbody tr").Length.ShouldBe(2);
            report.Body!.TextContent.ShouldContain("Противоречи на закона.");
            var groups = report.QuerySelectorAll("main h2").Select(h => h.TextContent).ToList();
            groups.ShouldBe(["Проектът като цяло", "Чл. 3"]);

            var csv = await app.Client().GetByteArrayAsync($"/consultations/{id}/report.csv");
            csv.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
            var text = Encoding.UTF8.GetString(csv);
            text.ShouldContain("'=HYPERLINK");
            text.ShouldContain("Не се приема");
            text.ShouldNotContain("citizen@example.org");

            var docx = await app.Client().GetByteArrayAsync($"/consultations/{id}/report.docx");
            var docText = DocxText.Extract(new MemoryStream(docx))!;
            docText.ShouldContain("СПРАВКА");
            docText.ShouldContain("Второ предложение по целия проект.");
            docText.ShouldContain("Приема се");

            (await PostAsync(official, $"/consultations/{id}/report/edit", "answer", new() { ["commentId"] = proposals[1].ToString(), ["outcome"] = "NotAccepted", ["justification"] = "промяна" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await app.WithDbAsync(db => db.ProposalAnswers.SingleAsync(a => a.CommentId == proposals[1]))).Outcome.ShouldBe(AnswerOutcome.Accepted);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-31));
        }
    }

    [Fact]
    public async Task With_no_proposals_the_notice_is_published()
    {
        var official = await As("official.sliven@example.org");
        var id = await OpenAsync(app, official, days: 14 + 16);
        app.Clock.Advance(TimeSpan.FromDays(31));
        try
        {
            official = await As("official.sliven@example.org");
            (await PostAsync(official, $"/consultations/{id}/report/edit", "publish", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var report = await app.Client().GetPageAsync($"/consultations/{id}/report");
            report.Body!.TextContent.ShouldContain("не са постъпили предложения и становища");
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-31));
        }
    }

    [Fact]
    public async Task Followers_get_mail_when_it_opens_three_days_before_the_end_and_when_the_report_is_out()
    {
        var official = await As("official.sliven@example.org");
        var id = await CreateAsync(official, Form(Today(app).AddDays(1), 30, title: "Следена консултация"));
        await UploadAsync(official, id, DocumentType.Draft, "Проект", DemoPdf.Create("d"), "d.pdf");
        await UploadAsync(official, id, DocumentType.Motives, "Мотиви", DemoPdf.Create("m"), "m.pdf");
        await PostAsync(official, $"/consultations/{id}/manage", "schedule", []);

        var follower = await As("moderator.levski@example.org");
        (await PostAsync(follower, $"/consultations/{id}", "follow", new() { ["follow"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var clock = app.Services.GetRequiredService<ConsultationClock>();
        try
        {
            app.Clock.Advance(TimeSpan.FromDays(1));
            await clock.TickAsync(CancellationToken.None);
            (await app.WaitForMailAsync("moderator.levski@example.org", 0)).ShouldContain("Следена консултация");
            app.Clock.Advance(TimeSpan.FromDays(28));
            await clock.TickAsync(CancellationToken.None);
            await clock.TickAsync(CancellationToken.None);
            (await app.WaitForMailAsync("moderator.levski@example.org", 1)).ShouldContain("3");
            app.Clock.Advance(TimeSpan.FromDays(3));
            await clock.TickAsync(CancellationToken.None);
            official = await As("official.sliven@example.org");
            (await PostAsync(official, $"/consultations/{id}/report/edit", "publish", [])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await app.WaitForMailAsync("moderator.levski@example.org", 2)).ShouldContain("справката");
            var timeline = await app.WithDbAsync(db => db.TimelineEvents.Where(e => e.ConsultationId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
            timeline.ShouldBe([TimelineKind.Created, TimelineKind.DocumentAdded, TimelineKind.DocumentAdded, TimelineKind.Scheduled, TimelineKind.Opened, TimelineKind.Closed, TimelineKind.ReportPublished]);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-32));
        }
    }

    [Fact]
    public async Task A_participant_rates_the_process_after_commenting_and_officials_see_the_average()
    {
        var official = await As("official.sliven@example.org");
        var id = await OpenAsync(app, official);
        var citizen = await As("citizen@example.org");
        (await (await PostAsync(citizen, $"/consultations/{id}", "rate", new() { ["score"] = "5" })).Content.ReadAsStringAsync()).ShouldBeEmpty();
        (await app.WithDbAsync(db => db.ProcessRatings.CountAsync(r => r.ConsultationId == id))).ShouldBe(0);
        await CommentAsync(citizen, id, "Коментар.");
        // Not while the consultation is open: the form is not offered and a posted rating is refused.
        (await citizen.GetPageAsync($"/consultations/{id}")).QuerySelector("form#rate").ShouldBeNull();
        (await PostAsync(citizen, $"/consultations/{id}", "rate", new() { ["score"] = "5" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.ProcessRatings.CountAsync(r => r.ConsultationId == id))).ShouldBe(0);
        app.Clock.Advance(TimeSpan.FromDays(32));
        try
        {
            // A month on, the sign-in has expired too.
            citizen = await As("citizen@example.org");
            official = await As("official.sliven@example.org");
            (await citizen.GetPageAsync($"/consultations/{id}")).QuerySelector("form#rate").ShouldNotBeNull();
            (await citizen.GetPageAsync($"/consultations/{id}/units/1")).QuerySelector("form#rate").ShouldBeNull();
            (await (await PostAsync(citizen, $"/consultations/{id}", "rate", new() { ["score"] = "9" })).ParseAsync()).QuerySelector(".error-summary")!.TextContent.ShouldContain("от 1 до 5");
            (await PostAsync(citizen, $"/consultations/{id}", "rate", new() { ["score"] = "4", ["remark"] = "Ясен текст." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var manage = await official.GetPageAsync($"/consultations/{id}/manage");
            manage.Body!.TextContent.ShouldContain("Средна оценка 4,0 от 1 гласа.");
            manage.Body.TextContent.ShouldContain("Ясен текст.");
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-32));
        }
    }
}
