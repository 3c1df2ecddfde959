using System.Net;
using Glas.Web.Consultations;
using Glas.Web.Participation.Comments;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static Glas.Web.Tests.Consultations.ConsultationSteps;

namespace Glas.Web.Tests.Consultations;

/// <summary>The consultation page as a document: the draft's structure, and the discussion beside each article.</summary>
[Trait("Category", "Integration")]
public class DraftPageTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private async Task<HttpClient> As(string email, string prefix = "")
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync(email, prefix: prefix);
        return client;
    }

    private Task<Guid> ConsultationAsync(string slug, string titleStart) =>
        app.WithDbAsync(db => db.Consultations.Where(c => c.Title.StartsWith(titleStart)).Select(c => c.Id).SingleAsync(), slug);

    private Task<DraftUnit> UnitAsync(Guid consultation, string path, string slug = "sliven") =>
        app.WithDbAsync(db => db.DraftUnits.SingleAsync(u => u.ConsultationId == consultation && u.Path == path), slug);

    [Fact]
    public async Task The_draft_reads_as_the_act_with_headings_indented_parts_and_no_numbering_of_its_own()
    {
        var id = await ConsultationAsync("sliven", "Наредба за обществения ред");
        var page = await app.Client().GetPageAsync($"/consultations/{id}");

        page.QuerySelectorAll(".draft-document h3").Select(h => h.TextContent.Trim()).ShouldBe([
            "Глава първа ОБЩИ ПОЛОЖЕНИЯ", "Глава втора ОПАЗВАНЕ НА ТИШИНАТА И СПОКОЙСТВИЕТО", "Глава трета ПОДДЪРЖАНЕ НА ЧИСТОТАТА",
            "ДОПЪЛНИТЕЛНИ РАЗПОРЕДБИ", "ПРЕХОДНИ И ЗАКЛЮЧИТЕЛНИ РАЗПОРЕДБИ",
        ]);
        page.QuerySelectorAll(".draft-contents a").Select(a => a.GetAttribute("href")).ShouldBe(["#h-2", "#h-6", "#h-12", "#h-18", "#h-20"]);
        page.QuerySelector("ol.draft").ShouldBeNull();
        var article3 = page.QuerySelectorAll("#art-3 .part").ToList();
        article3.Select(p => p.QuerySelector(".part-label")!.TextContent).ShouldBe(["Чл. 3. (1)", "1.", "2.", "(2)"]);
        article3.Select(p => p.ClassList.Contains("indent-1")).ShouldBe([false, true, true, false]);
        page.QuerySelectorAll("#art-5 .part .part-label").Select(l => l.TextContent).ShouldBe(["Чл. 5.", "а)", "б)", "в)"]);

        // Each article's discussion is beside it, with its count; a visitor is asked to sign in, not shown a form.
        page.QuerySelector("#d-art-3 summary")!.TextContent.ShouldContain("Коментари по чл. 3");
        page.QuerySelector("#d-art-3 summary .count")!.TextContent.ShouldBe("коментари: 2");
        // Closed, a discussion carries only its count and a link that opens it; opened, its comments.
        page.QuerySelector("#d-art-3 .comment").ShouldBeNull();
        page.QuerySelector("#d-art-3 a.open-discussion")!.GetAttribute("href")!.ShouldEndWith("?open=art-3#art-3");
        var opened = await app.Client().GetPageAsync($"/consultations/{id}?open=art-3");
        opened.QuerySelector("#d-art-3")!.HasAttribute("open").ShouldBeTrue();
        opened.QuerySelector("#d-art-3 .comment .prewrap")!.TextContent.ShouldStartWith("Предлагам часовете за тишина");
        opened.QuerySelector("#d-art-3 textarea").ShouldBeNull();
        opened.QuerySelector("#d-art-3 .notice-neutral")!.TextContent.ShouldContain("Вход");
        page.QuerySelectorAll(".most-discussed a").Select(a => a.GetAttribute("href")).ShouldContain(href => href!.EndsWith("a=art-3#art-3", StringComparison.Ordinal));

        // The unit page of чл. 5 shows its letters, not only "Забранява се:".
        var unit = await app.Client().GetPageAsync($"/consultations/{id}/units/13");
        unit.QuerySelectorAll(".unit-quote .part-label").Select(l => l.TextContent).ShouldBe(["Чл. 5.", "а)", "б)", "в)"]);
        unit.QuerySelector(".unit-quote .current-part")!.TextContent.ShouldContain("Забранява се:");
    }

    [Fact]
    public async Task A_participant_comments_on_a_paragraph_from_the_page_and_finds_it_open_in_place()
    {
        var id = await ConsultationAsync("sliven", "Наредба за обществения ред");
        var paragraph = await UnitAsync(id, "Чл. 4");
        var citizen = await As("citizen@example.org");
        var form = await citizen.GetPageAsync($"/consultations/{id}?open=art-4");
        form.QuerySelector("#d-art-4 form.comment-form select").ShouldBeNull();
        form.QuerySelectorAll("#d-art-4 form.comment-form input[name='Comment.Target']").Single().GetAttribute("value").ShouldBe(paragraph.Id.ToString());
        (await citizen.GetPageAsync($"/consultations/{id}?open=art-3")).QuerySelectorAll("#d-art-3 select[name='Comment.Target'] option").Select(o => o.TextContent).ShouldBe(["Чл. 3, ал. 1", "Чл. 3, ал. 1, т. 1", "Чл. 3, ал. 1, т. 2", "Чл. 3, ал. 2"]);
        // Every form's fields have ids of their own.
        var ids = (await citizen.GetPageAsync($"/consultations/{id}?show=proposals")).QuerySelectorAll("[id]").Select(e => e.Id).ToList();
        ids.Distinct().Count().ShouldBe(ids.Count);

        var posted = await PostAsync(citizen, $"/consultations/{id}", "comment", new()
        {
            ["Comment.Text"] = "Озвучаването да спира в 22:00 часа <script>alert(1)</script> 🎶",
            ["Comment.Target"] = paragraph.Id.ToString(),
        });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.ToString().ShouldContain($"/consultations/{id}?open=art-4#c-");
        var stored = await app.WithDbAsync(db => db.Comments.Where(c => c.SubjectId == id && c.Text.StartsWith("Озвучаването")).SingleAsync(), "sliven");
        stored.UnitId.ShouldBe(paragraph.Id);

        var page = await citizen.GetPageAsync($"/consultations/{id}?open=art-4");
        var discussion = page.QuerySelector("#d-art-4")!;
        discussion.HasAttribute("open").ShouldBeTrue();
        discussion.QuerySelector($"#c-{stored.Id} .prewrap")!.TextContent.ShouldBe("Озвучаването да спира в 22:00 часа <script>alert(1)</script> 🎶");
        discussion.InnerHtml.ShouldNotContain("<script>alert");
        page.QuerySelector("#d-art-3")!.HasAttribute("open").ShouldBeFalse();

        // A reply carries its parent's part and lands in the same discussion.
        var reply = await PostAsync(citizen, $"/consultations/{id}", "comment", new()
        {
            ["Comment.Text"] = "Уточнение към предложението.",
            ["Comment.ParentId"] = stored.Id.ToString(),
            ["Comment.Target"] = paragraph.Id.ToString(),
        });
        reply.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Comments.SingleAsync(c => c.ParentId == stored.Id), "sliven")).UnitId.ShouldBe(paragraph.Id);
        var withReply = await citizen.GetPageAsync($"/consultations/{id}?open=art-4");
        withReply.QuerySelector($"#d-art-4 #c-{stored.Id}")!.ParentElement!.QuerySelector(".replies")!.TextContent.ShouldContain("Уточнение към предложението.");
        (await citizen.GetPageAsync($"/consultations/{id}?show=proposals")).QuerySelector("#d-art-4 .replies").ShouldBeNull();
    }

    [Fact]
    public async Task A_refused_comment_answers_beside_its_own_article_and_a_foreign_part_is_not_found()
    {
        var id = await ConsultationAsync("sliven", "Наредба за обществения ред");
        var article6 = await UnitAsync(id, "Чл. 6");
        var citizen = await As("citizen@example.org");

        var empty = await PostAsync(citizen, $"/consultations/{id}", "comment", new() { ["Comment.Text"] = "   ", ["Comment.Target"] = article6.Id.ToString() });
        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await empty.ParseAsync();
        page.QuerySelector("#d-art-6")!.HasAttribute("open").ShouldBeTrue();
        page.QuerySelector("#d-art-6 .field-error").ShouldNotBeNull();
        page.QuerySelectorAll(".field-error").Length.ShouldBe(1);
        var link = page.QuerySelector(".error-summary a")!.GetAttribute("href")!;
        page.QuerySelector("#d-art-6 " + link).ShouldNotBeNull();

        // A part of another consultation, or no part at all: nothing is stored.
        var other = await ConsultationAsync("levski", "Бюджет на Община Левски");
        var foreign = await app.WithDbAsync(db => db.DraftUnits.Where(u => u.ConsultationId == other).Select(u => u.Id).FirstAsync(), "levski");
        (await PostAsync(citizen, $"/consultations/{id}", "comment", new() { ["Comment.Text"] = "Чужд член.", ["Comment.Target"] = foreign.ToString() }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var garbage = await PostAsync(citizen, $"/consultations/{id}", "comment", new() { ["Comment.Text"] = "Грешна част.", ["Comment.Target"] = "'; DROP TABLE \"Comments\"; --" });
        garbage.StatusCode.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.BadRequest);
        (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.Text == "Чужд член." || c.Text == "Грешна част."), "sliven")).ShouldBe(0);

        // Filters the page does not know are ignored, and nothing from the address reaches the page unescaped.
        foreach (var query in new[] { "show=evil", "show=7", "a=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "ap=-5&a=art-3", "show=answered" })
        {
            var response = await app.Client().GetAsync($"/consultations/{id}?{query}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, query);
            (await response.Content.ReadAsStringAsync()).ShouldNotContain("<script>alert", customMessage: query);
        }
    }

    [Fact]
    public async Task A_busy_article_shows_its_newest_comments_and_pages_the_rest()
    {
        var official = await As("official.sliven@example.org");
        var id = await OpenAsync(app, official, articles: 3);
        var article = await UnitAsync(id, "Чл. 2");
        var author = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "citizen@example.org").Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            var tenant = await db.Consultations.Where(c => c.Id == id).Select(c => c.TenantId).SingleAsync();
            var start = app.Clock.GetUtcNow();
            for (var i = 1; i <= 35; i++)
            {
                db.Comments.Add(new Comment
                {
                    Id = Guid.NewGuid(), TenantId = tenant, SubjectKind = ConsultationComments.Kind, SubjectId = id, UnitId = article.Id,
                    AuthorId = author, Text = $"Предложение № {i}", CreatedAt = start.AddMinutes(i),
                });
            }
            return await db.SaveChangesAsync();
        }, "sliven");

        var page = await app.Client().GetPageAsync($"/consultations/{id}?open=art-2");
        page.QuerySelectorAll("#d-art-2 article.comment .prewrap").Select(p => p.TextContent).ShouldBe(["Предложение № 35", "Предложение № 34", "Предложение № 33", "Предложение № 32", "Предложение № 31"]);
        var all = page.QuerySelector("#d-art-2 a.all-comments")!;
        all.TextContent.ShouldBe("Всички 35 предложения по чл. 2");

        var second = await app.Client().GetPageAsync($"/consultations/{id}?a=art-2&ap=2");
        second.QuerySelector("#d-art-2")!.HasAttribute("open").ShouldBeTrue();
        second.QuerySelectorAll("#d-art-2 article.comment .prewrap").Select(p => p.TextContent).ShouldBe(["Предложение № 5", "Предложение № 4", "Предложение № 3", "Предложение № 2", "Предложение № 1"]);
        second.QuerySelector("#d-art-2 .pager a[rel=prev]")!.GetAttribute("href")!.ShouldContain("a=art-2&ap=1");
        (await app.Client().GetPageAsync($"/consultations/{id}?a=art-2")).QuerySelectorAll("#d-art-2 article.comment").Length.ShouldBe(30);
    }

    [Fact]
    public async Task After_the_report_each_proposal_shows_its_answer_in_the_text()
    {
        var id = await ConsultationAsync("levski", "Бюджет на Община Левски");
        var page = await app.Client().GetPageAsync($"/t/levski/consultations/{id}?show=answered");
        var notes = page.QuerySelectorAll(".draft-document .comment-note").Select(n => n.TextContent).ToList();
        notes.Count.ShouldBe(2);
        notes.ShouldContain(n => n.Contains("Отговор в справката: Приема се частично") && n.Contains("ремонт на две улици"));
        notes.ShouldContain(n => n.Contains("Не се приема") && n.Contains("Наредбата за местните такси"));
        page.QuerySelector("#show option[value=answered]")!.HasAttribute("selected").ShouldBeTrue();
        page.QuerySelectorAll(".draft-document article.comment").Length.ShouldBe(2);
        // Closed consultations offer no comment forms beside the articles.
        page.QuerySelector(".draft-document textarea").ShouldBeNull();
    }

    [Fact]
    public async Task The_report_is_published_only_once_every_proposal_is_answered()
    {
        var id = await ConsultationAsync("haskovo", "Програма за управление на отпадъците");
        var official = await As("official.haskovo@example.org", "/t/haskovo");
        var editor = await official.GetPageAsync($"/t/haskovo/consultations/{id}/report/edit");
        editor.QuerySelector("#publish-blocked")!.TextContent.ShouldContain("Остават без отговор: 3.");
        editor.QuerySelector("form[action*='handler=publish']").ShouldBeNull();
        // The server refuses too, whatever the page shows.
        var publish = await PostAsync(official, $"/t/haskovo/consultations/{id}/report/edit", "publish", []);
        publish.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Consultations.Where(c => c.Id == id).Select(c => c.Status).SingleAsync(), "haskovo")).ShouldBe(ConsultationStatus.Closed);
    }
}
