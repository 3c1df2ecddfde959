using System.Net;
using Glas.Web.Consultations;
using Glas.Web.Participation.Comments;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static Glas.Web.Tests.Consultations.ConsultationSteps;

namespace Glas.Web.Tests.Participation.Comments;

/// <summary>Rate limits high enough that these tests meet only the rules they are about.</summary>
public sealed class LenientParticipationFactory : GlasFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Glas:RateLimits:ParticipationPerMinute"] = "1000",
        ["Glas:RateLimits:ParticipationPerAddressPerMinute"] = "1000",
    };
}

/// <summary>The one comments component, over HTTP, on both modules' pages: who may do what, where, and with what text.</summary>
[Trait("Category", "Integration")]
public class CommentsTests(LenientParticipationFactory app) : IClassFixture<LenientParticipationFactory>
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

    private Task<Guid> Project() => app.WithDbAsync(db => db.Projects.OrderBy(p => p.CreatedAt).Select(p => p.Id).FirstAsync(), "sliven");

    private Task<Guid> OpenConsultation() => app.WithDbAsync(db => db.Consultations.Where(c => c.Status == ConsultationStatus.Open).Select(c => c.Id).FirstAsync(), "sliven");

    private static Task<HttpResponseMessage> OnProject(HttpClient client, Guid project, string handler, Dictionary<string, string> fields) =>
        PostAsync(client, $"/projects/{project}", handler, fields);

    private async Task<Guid> ProjectCommentAsync(HttpClient client, Guid project, string text)
    {
        (await OnProject(client, project, "comment", new() { ["Comment"] = text })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await app.WithDbAsync(db => db.Comments.Where(c => c.SubjectKind == "project" && c.Text == text).Select(c => c.Id).SingleAsync(), "sliven");
    }

    private async Task<Guid> UnitCommentAsync(HttpClient client, Guid consultation, int unit, string text)
    {
        (await CommentAsync(client, consultation, text, unit: unit)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return await app.WithDbAsync(db => db.Comments.Where(c => c.SubjectKind == "consultation" && c.Text == text).Select(c => c.Id).SingleAsync(), "sliven");
    }

    private Task<Comment> Load(Guid id) => app.WithDbAsync(db => db.Comments.AsNoTracking().SingleAsync(c => c.Id == id), "sliven");

    [Fact]
    public async Task Citizens_cannot_hide_and_another_administrations_moderator_can_neither_hide_nor_see_the_queue()
    {
        var project = await Project();
        var consultation = await OpenConsultation();
        var citizen = await As("citizen@example.org");
        var ngo = await As("ngo@example.org");
        var onProject = await ProjectCommentAsync(citizen, project, "Коментар за изолацията по проекта.");
        var onUnit = await UnitCommentAsync(citizen, consultation, 3, "Коментар за изолацията по чл. 3.");
        (await OnProject(ngo, project, "flag", new() { ["commentId"] = onProject.ToString(), ["reason"] = "Сигнал от Сливен" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        foreach (var (page, id) in new[] { ($"/projects/{project}", onProject), ($"/consultations/{consultation}/units/3", onUnit) })
        {
            foreach (var handler in new[] { "hide", "unhide" })
            {
                var denied = await PostAsync(ngo, page, handler, new() { ["commentId"] = id.ToString(), ["reason"] = "опит" });
                denied.StatusCode.ShouldBe(HttpStatusCode.Redirect, page + " " + handler);
                denied.Headers.Location!.ToString().ShouldContain("/account/access-denied");
            }
        }

        var levski = await As("moderator.levski@example.org", "/t/levski");
        foreach (var (page, id) in new[] { ($"/t/levski/projects/{project}", onProject), ($"/t/levski/consultations/{consultation}/units/3", onUnit) })
        {
            var fields = new Dictionary<string, string> { ["commentId"] = id.ToString(), ["reason"] = "чужда администрация" };
            fields["__RequestVerificationToken"] = Forms.Token(await levski.GetPageAsync("/t/levski/moderation"));
            (await levski.PostAsync($"{page}?handler=hide", new FormUrlEncodedContent(fields))).StatusCode.ShouldBe(HttpStatusCode.NotFound, page);
        }
        (await PostAsync(levski, "/t/levski/moderation", "hide", new() { ["commentId"] = onProject.ToString(), ["reason"] = "чужда администрация" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostAsync(levski, "/t/levski/moderation", "dismiss", new() { ["commentId"] = onProject.ToString() })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await levski.GetPageAsync("/t/levski/moderation")).QuerySelector($"#m-{onProject}").ShouldBeNull();
        var queue = await levski.GetAsync("/moderation");
        queue.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        queue.Headers.Location!.ToString().ShouldContain("/account/access-denied");

        (await Load(onProject)).HiddenAt.ShouldBeNull();
        (await Load(onUnit)).HiddenAt.ShouldBeNull();
        (await app.WithDbAsync(db => db.CommentFlags.CountAsync(f => f.CommentId == onProject && f.ResolvedAt == null))).ShouldBe(1);
    }

    [Fact]
    public async Task Hidden_project_comments_take_no_support_reply_or_report_until_a_moderator_shows_them_again()
    {
        var project = await Project();
        var url = $"/projects/{project}";
        var citizen = await As("citizen@example.org");
        var ngo = await As("ngo@example.org");
        var moderator = await As("moderator.sliven@example.org");
        var id = await ProjectCommentAsync(citizen, project, "Предложение за детската площадка.");

        (await OnProject(moderator, project, "hide", new() { ["commentId"] = id.ToString(), ["reason"] = "Лични данни" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var hidden = await Load(id);
        hidden.HiddenReason.ShouldBe("Лични данни");
        hidden.Text.ShouldBe("Предложение за детската площадка.");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "project.comment.hide" && a.Subject == $"comment:{id}"), "sliven")).ShouldBe(1);
        (await ngo.GetPageAsync(url)).QuerySelector($"#c-{id} form[action*='handler=support']").ShouldBeNull();

        var support = await OnProject(ngo, project, "support", new() { ["commentId"] = id.ToString() });
        (await ngo.GetPageAsync(support.Headers.Location!.ToString())).QuerySelector(".notice")!.TextContent.ShouldContain("не може да се подкрепя");
        var reply = await (await OnProject(ngo, project, "comment", new() { ["Comment"] = "Отговор на скрития.", ["CommentParentId"] = id.ToString() })).ParseAsync();
        reply.FieldError("Comment").ShouldBe("Коментарът е скрит от модератор; на него не може да се отговаря.");
        (await OnProject(ngo, project, "flag", new() { ["commentId"] = id.ToString(), ["reason"] = "Спам" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.CommentSupports.CountAsync(s => s.CommentId == id))).ShouldBe(0);
        (await app.WithDbAsync(db => db.CommentFlags.CountAsync(f => f.CommentId == id))).ShouldBe(0);
        (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.ParentId == id), "sliven")).ShouldBe(0);

        var noReason = await (await OnProject(moderator, project, "unhide", new() { ["commentId"] = id.ToString(), ["reason"] = " " })).ParseAsync();
        noReason.FieldError($"unhide-{id}").ShouldBe("Посочете причина за повторното показване (до 500 знака).");
        (await OnProject(moderator, project, "unhide", new() { ["commentId"] = id.ToString(), ["reason"] = "Данните са премахнати" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Load(id)).HiddenAt.ShouldBeNull();
        (await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "comment.shown-again" && a.Subject == $"comment:{id}"), "sliven")).Details.ShouldBe("Данните са премахнати");

        // Shown again: one support per person, never one's own; replies one level deep.
        for (var i = 0; i < 2; i++)
        {
            (await OnProject(ngo, project, "support", new() { ["commentId"] = id.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await OnProject(citizen, project, "support", new() { ["commentId"] = id.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Load(id)).SupportCount.ShouldBe(1);
        (await OnProject(ngo, project, "comment", new() { ["Comment"] = "Отговор по проекта.", ["CommentParentId"] = id.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var replyId = await app.WithDbAsync(db => db.Comments.Where(c => c.ParentId == id).Select(c => c.Id).SingleAsync(), "sliven");
        (await (await OnProject(citizen, project, "comment", new() { ["Comment"] = "Отговор на отговора.", ["CommentParentId"] = replyId.ToString() })).ParseAsync())
            .FieldError("Comment").ShouldContain("на едно ниво");
        var page = await As(null).ContinueWith(t => t.Result.GetPageAsync(url)).Unwrap();
        page.QuerySelector($"#c-{id} + .replies #c-{replyId} .prewrap")!.TextContent.ShouldBe("Отговор по проекта.");
    }

    public static TheoryData<string, string> Hostile => new()
    {
        { "bidi", "Съгласен \u202Eотсреща\u202C" },
        { "zero-width", "\u200B\u200C\u200D\uFEFF" },
        { "100 KB", new string('я', 100_000) },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Hostile_text_in_every_comment_field_gets_a_message_beside_the_field_and_never_a_500(string what, string text)
    {
        var project = await Project();
        var consultation = await OpenConsultation();
        var citizen = await As("citizen@example.org");
        var ngo = await As("ngo@example.org");
        var moderator = await As("moderator.sliven@example.org");
        var projectComment = await ProjectCommentAsync(citizen, project, $"Основа за {what} по проекта.");
        var unitComment = await UnitCommentAsync(citizen, consultation, 5, $"Основа за {what} по чл. 5.");
        var projectPage = $"/projects/{project}";
        var unitPage = $"/consultations/{consultation}/units/5";
        // A fair report puts the consultation comment in the moderation queue, where its hide form is.
        (await PostAsync(moderator, unitPage, "flag", new() { ["commentId"] = unitComment.ToString(), ["reason"] = "Проверка" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var before = await app.WithDbAsync(db => db.Comments.CountAsync(), "sliven");

        // Each form: the page, the handler, what it posts, and the key its message is shown under.
        var forms = new List<(HttpClient Who, string Page, string Handler, Dictionary<string, string> Fields, string Key)>
        {
            (citizen, projectPage, "comment", new() { ["Comment"] = text }, "Comment"),
            (ngo, projectPage, "comment", new() { ["Comment"] = text, ["CommentParentId"] = projectComment.ToString() }, "Comment"),
            (citizen, projectPage, "edit", new() { ["commentId"] = projectComment.ToString(), ["text"] = text }, $"edit-{projectComment}"),
            (ngo, projectPage, "flag", new() { ["commentId"] = projectComment.ToString(), ["reason"] = text }, $"flag-{projectComment}"),
            (moderator, projectPage, "hide", new() { ["commentId"] = projectComment.ToString(), ["reason"] = text }, $"hide-{projectComment}"),
            (citizen, unitPage, "comment", new() { ["Comment.Text"] = text }, "Comment.Text"),
            (ngo, unitPage, "comment", new() { ["Comment.Text"] = text, ["Comment.ParentId"] = unitComment.ToString() }, "Comment.Text"),
            (citizen, unitPage, "edit", new() { ["commentId"] = unitComment.ToString(), ["text"] = text }, $"edit-{unitComment}"),
            (ngo, unitPage, "flag", new() { ["commentId"] = unitComment.ToString(), ["reason"] = text }, $"flag-{unitComment}"),
            (moderator, unitPage, "hide", new() { ["commentId"] = unitComment.ToString(), ["reason"] = text }, $"hide-{unitComment}"),
            (moderator, "/moderation", "hide", new() { ["commentId"] = unitComment.ToString(), ["reason"] = text }, $"hide-{unitComment}"),
        };
        foreach (var (who, page, handler, fields, key) in forms)
        {
            var response = await PostAsync(who, page, handler, fields);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{page} {handler}");
            var html = await response.ParseAsync();
            html.FieldError(key).ShouldNotBeEmpty($"{page} {handler}");
            html.QuerySelector(".error-summary").ShouldNotBeNull();
        }

        (await app.WithDbAsync(db => db.Comments.CountAsync(), "sliven")).ShouldBe(before);
        (await Load(projectComment)).Text.ShouldBe($"Основа за {what} по проекта.");
        (await Load(unitComment)).HiddenAt.ShouldBeNull();
        (await app.WithDbAsync(db => db.CommentFlags.CountAsync(f => f.CommentId == projectComment || f.CommentId == unitComment))).ShouldBe(1);
    }

    [Fact]
    public async Task Markup_in_comments_and_reasons_is_stored_as_written_and_shown_as_text()
    {
        const string script = "<script>alert('глас')</script>";
        var project = await Project();
        var citizen = await As("citizen@example.org");
        var ngo = await As("ngo@example.org");
        var moderator = await As("moderator.sliven@example.org");
        var id = await ProjectCommentAsync(citizen, project, "Внимание: " + script);
        (await OnProject(ngo, project, "flag", new() { ["commentId"] = id.ToString(), ["reason"] = "Сигнал " + script })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var queue = await (await moderator.GetAsync("/moderation")).Content.ReadAsStringAsync();
        queue.ShouldNotContain("<script>alert");
        queue.ShouldContain("&lt;script&gt;alert");
        (await OnProject(moderator, project, "hide", new() { ["commentId"] = id.ToString(), ["reason"] = "Скрито " + script })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await (await app.Client().GetAsync($"/projects/{project}")).Content.ReadAsStringAsync();
        page.ShouldNotContain("<script>alert");
        page.ShouldContain("Скрито &lt;script&gt;");
    }

    [Fact]
    public async Task The_moderation_queue_lists_reports_from_both_modules_with_a_link_to_each_subject()
    {
        var project = await Project();
        var consultation = await OpenConsultation();
        var citizen = await As("citizen@example.org");
        var ngo = await As("ngo@example.org");
        var onProject = await ProjectCommentAsync(citizen, project, "Докладван коментар по проекта.");
        var onUnit = await UnitCommentAsync(citizen, consultation, 7, "Докладван коментар по чл. 7.");
        (await OnProject(ngo, project, "flag", new() { ["commentId"] = onProject.ToString(), ["reason"] = "Реклама" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(ngo, $"/consultations/{consultation}/units/7", "flag", new() { ["commentId"] = onUnit.ToString(), ["reason"] = "Обиден език" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var moderator = await As("moderator.sliven@example.org");
        var queue = await moderator.GetPageAsync("/moderation");
        var projectRow = queue.QuerySelector($"#m-{onProject}")!;
        projectRow.TextContent.ShouldContain("Реклама");
        projectRow.TextContent.ShouldContain("Проекти");
        projectRow.QuerySelector("a")!.GetAttribute("href")!.ShouldEndWith($"/projects/{project}#c-{onProject}");
        var unitRow = queue.QuerySelector($"#m-{onUnit}")!;
        unitRow.TextContent.ShouldContain("Обиден език");
        unitRow.TextContent.ShouldContain("Консултации");
        unitRow.QuerySelector("a")!.GetAttribute("href")!.ShouldEndWith($"/consultations/{consultation}/units/7#c-{onUnit}");

        (await PostAsync(moderator, "/moderation", "dismiss", new() { ["commentId"] = onProject.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(moderator, "/moderation", "hide", new() { ["commentId"] = onUnit.ToString(), ["reason"] = "Нарушава правилата" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await moderator.GetPageAsync("/moderation");
        after.QuerySelector($"#m-{onProject}").ShouldBeNull();
        after.QuerySelector($"#m-{onUnit}").ShouldBeNull();
        (await Load(onProject)).HiddenAt.ShouldBeNull();
        (await Load(onUnit)).HiddenReason.ShouldBe("Нарушава правилата");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "comment.flags-dismissed" && a.Subject == $"comment:{onProject}"), "sliven")).ShouldBe(1);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "comment.hidden" && a.Subject == $"comment:{onUnit}"), "sliven")).ShouldBe(1);
    }

    [Fact]
    public async Task Authors_correct_a_comment_within_fifteen_minutes_and_it_shows_as_edited()
    {
        var project = await Project();
        var url = $"/projects/{project}";
        var citizen = await As("citizen@example.org");
        var ngo = await As("ngo@example.org");
        var id = await ProjectCommentAsync(citizen, project, "Грешка в тескта.");
        (await citizen.GetPageAsync(url)).QuerySelector($"#c-{id} .edit-form").ShouldNotBeNull();
        (await ngo.GetPageAsync(url)).QuerySelector($"#c-{id} .edit-form").ShouldBeNull();

        var other = await OnProject(ngo, project, "edit", new() { ["commentId"] = id.ToString(), ["text"] = "Чужда редакция." });
        other.Headers.Location!.ToString().ShouldContain("/account/access-denied");

        app.Clock.Advance(TimeSpan.FromMinutes(10));
        try
        {
            (await OnProject(citizen, project, "edit", new() { ["commentId"] = id.ToString(), ["text"] = "Грешка в текста." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var edited = await Load(id);
            edited.Text.ShouldBe("Грешка в текста.");
            edited.EditedAt!.Value.ShouldBe(app.Clock.GetUtcNow(), TimeSpan.FromSeconds(1));
            var page = await app.Client().GetPageAsync(url);
            page.QuerySelector($"#c-{id} .prewrap")!.TextContent.ShouldBe("Грешка в текста.");
            page.QuerySelector($"#c-{id} .edited")!.TextContent.ShouldBe("редактиран");

            app.Clock.Advance(TimeSpan.FromMinutes(6));
            var late = await OnProject(citizen, project, "edit", new() { ["commentId"] = id.ToString(), ["text"] = "Твърде късно." });
            (await citizen.GetPageAsync(late.Headers.Location!.ToString())).QuerySelector(".notice")!.TextContent.ShouldContain("до 15 минути");
            (await Load(id)).Text.ShouldBe("Грешка в текста.");
            (await citizen.GetPageAsync(url)).QuerySelector($"#c-{id} .edit-form").ShouldBeNull();
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromMinutes(-16));
        }
    }

    [Fact]
    public async Task Personal_data_holds_the_persons_comments_and_erasing_keeps_them_without_the_organisation()
    {
        var project = await Project();
        var ngo = await As("ngo@example.org");
        (await OnProject(ngo, project, "comment", new() { ["Comment"] = "От името на сдружението.", ["CommentShown"] = "Organisation" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var comment = await app.WithDbAsync(db => db.Comments.SingleAsync(c => c.Text == "От името на сдружението."), "sliven");
        comment.Shown.ShouldBe(AuthorShown.Organisation);
        comment.OrganisationName.ShouldNotBeNull();

        var module = new CommentsModule();
        var data = System.Text.Json.JsonSerializer.Serialize(await app.WithDbAsync(db => module.PersonalDataAsync(db, comment.AuthorId, default)));
        data.ShouldContain(comment.Id.ToString());
        data.ShouldContain("\"subject\":\"project\"");

        await app.WithDbAsync(async db =>
        {
            await module.ErasePersonalDataAsync(db, comment.AuthorId, default);
            return 0;
        });
        var erased = await Load(comment.Id);
        erased.Text.ShouldBe("От името на сдружението.");
        erased.Shown.ShouldBe(AuthorShown.DisplayName);
        erased.OrganisationName.ShouldBeNull();
    }
}
