using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Glas.Web.Surveys;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Surveys;

/// <summary>Invitations by an uploaded file with a line-by-line report, and reminders to those who have not answered.</summary>
[Trait("Category", "Integration")]
public partial class SurveyInvitationsTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private static readonly SurveyDefinition Questions = new()
    {
        NextNo = 2,
        Sections = [new SurveySection { Title = "Общо", Questions = [new() { No = 1, Type = QuestionType.Likert, Text = "Оценка", Required = true }] }],
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

    private Task<Guid> CreateAsync(int closesInDays = 10) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var tenant = await db.Tenants.SingleAsync(t => t.Slug == "sliven");
            var survey = new Survey
            {
                Id = Guid.NewGuid(), TenantId = tenant.Id, Title = "Нагласи " + Guid.NewGuid().ToString("N")[..6], Audience = SurveyAudience.Invitation, Launched = true,
                OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(closesInDays), Definition = Questions.ToJson(), CreatedAt = now, UpdatedAt = now,
            };
            db.Surveys.Add(survey);
            await db.SaveChangesAsync();
            return survey.Id;
        }, "sliven");

    private Task<List<SurveyInvitation>> InvitationsAsync(Guid id) =>
        app.WithDbAsync(db => db.SurveyInvitations.AsNoTracking().Where(i => i.SurveyId == id).ToListAsync(), "sliven");

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, string csv, string pasted = "")
    {
        var token = Forms.Token(await client.GetPageAsync($"/surveys/{id}/edit"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(pasted), "Emails" },
            { new ByteArrayContent(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray()), "emailsFile", "sluzhiteli.csv" },
        };
        return await client.PostAsync($"/surveys/{id}/edit?handler=invite", form);
    }

    private static string[] Report(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll(".invitation-report li").Select(li => li.TextContent.Trim()).ToArray();

    [GeneratedRegex(@"invitation=([A-Za-z0-9_\-]+)")]
    private static partial Regex InvitationLink();

    [Fact]
    public async Task An_uploaded_csv_with_bad_lines_is_refused_whole_and_every_problem_is_reported_by_line()
    {
        var id = await CreateAsync();
        var official = await As("official.sliven@example.org");
        var refused = await UploadAsync(official, id, "Име;Имейл\nИван Иванов;ivan.upload@example.org\nМария;maria@@example.org\nбез адрес\n<script>alert(1)</script>;x@exаmple.org\n");
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var page = await refused.ParseAsync();
        page.QuerySelector("#EmailsFile-error")!.TextContent.ShouldContain("3 реда са с грешка");
        var report = Report(page);
        report.Length.ShouldBe(3);
        report[0].ShouldBe("Ред 3: „maria@@example.org“ не е валиден адрес.");
        report[1].ShouldStartWith("Ред 4: няма адрес");
        report[2].ShouldStartWith("Ред 5: „x@exаmple.org“");
        page.QuerySelector(".invitation-report script").ShouldBeNull();
        (await InvitationsAsync(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Repeats_and_addresses_already_invited_are_skipped_and_listed_after_sending()
    {
        var id = await CreateAsync();
        var official = await As("official.sliven@example.org");
        var sent = await UploadAsync(official, id, "a.upload@example.org\nb.upload@example.org\nA.Upload@Example.org\n");
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await official.GetPageAsync($"/surveys/{id}/edit");
        page.QuerySelector("[role=status]")!.TextContent.ShouldContain("Изпратени са 2 покани");
        Report(page).ShouldBe(["Ред 3: „a.upload@example.org“ се повтаря (вече е на ред 1) — пропуснат."]);
        await app.WaitForMailAsync("b.upload@example.org", "лична връзка");

        // Pasted and uploaded together: the one already invited is not invited again.
        (await UploadAsync(official, id, "c.upload@example.org", pasted: "a.upload@example.org")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page = await official.GetPageAsync($"/surveys/{id}/edit");
        page.QuerySelector("[role=status]")!.TextContent.ShouldContain("Изпратени са 1 покани");
        Report(page).ShouldBe(["Ред 1: „a.upload@example.org“ вече има неизползвана покана — пропуснат (изпратете напомняне)."]);
        (await InvitationsAsync(id)).Select(i => i.Email).Order().ShouldBe(["a.upload@example.org", "b.upload@example.org", "c.upload@example.org"]);

        // A file that is not text is refused.
        var token = Forms.Token(await official.GetPageAsync($"/surveys/{id}/edit"));
        using var binary = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 0x00, 0xFF, 0xFE, 0x00]), "emailsFile", "list.xlsx" },
        };
        var notText = await official.PostAsync($"/surveys/{id}/edit?handler=invite", binary);
        notText.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await notText.ParseAsync()).QuerySelector("#EmailsFile-error")!.TextContent.ShouldContain("не е текст");
    }

    [Fact]
    public async Task A_reminder_reaches_only_those_who_have_not_answered_with_a_new_link_and_the_old_one_stops_working()
    {
        var id = await CreateAsync();
        var official = await As("official.sliven@example.org");
        (await official.SubmitAsync($"/surveys/{id}/edit", new Dictionary<string, string> { ["Emails"] = "answered.remind@example.org\nsilent.remind@example.org" }, "invite"))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var first = InvitationLink().Match(await app.WaitForMailAsync("answered.remind@example.org", "лична връзка")).Groups[1].Value;
        var old = InvitationLink().Match(await app.WaitForMailAsync("silent.remind@example.org", "лична връзка")).Groups[1].Value;
        var anyone = await As(null);
        (await anyone.SubmitAsync($"/surveys/{id}?invitation={first}", new Dictionary<string, string> { ["q1"] = "4", ["go"] = "next" }, "/surveys/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var remind = await official.SubmitAsync($"/surveys/{id}/edit", new Dictionary<string, string>(), "remind");
        remind.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await official.GetPageAsync($"/surveys/{id}/edit")).QuerySelector("[role=status]")!.TextContent.ShouldContain("до 1 неотговорили");
        var reminder = await app.WaitForMailAsync("silent.remind@example.org", "нова лична връзка");
        var fresh = InvitationLink().Match(reminder).Groups[1].Value;
        fresh.ShouldNotBeEmpty();
        fresh.ShouldNotBe(old);

        (await anyone.GetAsync($"/surveys/{id}?invitation={old}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anyone.GetAsync($"/surveys/{id}?invitation={fresh}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var invitations = await InvitationsAsync(id);
        invitations.Single(i => i.Used).RemindedAt.ShouldBeNull();
        invitations.Single(i => !i.Used).RemindedAt.ShouldNotBeNull();

        (await anyone.SubmitAsync($"/surveys/{id}?invitation={fresh}", new Dictionary<string, string> { ["q1"] = "2", ["go"] = "next" }, "/surveys/")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await InvitationsAsync(id)).ShouldAllBe(i => i.Used && i.Email == null);
        (await app.WithDbAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == id), "sliven")).ShouldBe(2);
        // Everyone has answered: nobody to remind, and the button is gone.
        (await official.GetPageAsync($"/surveys/{id}/edit")).QuerySelector("form[action*=remind]").ShouldBeNull();
    }

    [Fact]
    public async Task Reminders_are_refused_for_a_closed_survey_and_for_another_administrations_staff()
    {
        var id = await CreateAsync();
        var official = await As("official.sliven@example.org");
        (await official.SubmitAsync($"/surveys/{id}/edit", new Dictionary<string, string> { ["Emails"] = "closed.remind@example.org" }, "invite")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var other = await As("official.haskovo@example.org", "/t/haskovo");
        var token = Forms.Token(await other.GetPageAsync("/t/haskovo/surveys/manage"));
        (await other.PostAsync($"/t/haskovo/surveys/{id}/edit?handler=remind", new FormUrlEncodedContent([new("__RequestVerificationToken", token)])))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var citizen = await As("citizen@example.org");
        token = Forms.Token(await citizen.GetPageAsync("/"));
        (await citizen.PostAsync($"/surveys/{id}/edit?handler=remind", new FormUrlEncodedContent([new("__RequestVerificationToken", token)])))
            .StatusCode.ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.Redirect);

        var page = await official.GetPageAsync($"/surveys/{id}/edit");
        token = Forms.Token(page);
        await app.WithDbAsync(db => db.Surveys.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosesAt, app.Clock.GetUtcNow().AddMinutes(-1))), "sliven");
        var closed = await official.PostAsync($"/surveys/{id}/edit?handler=remind", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        closed.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await closed.ParseAsync()).QuerySelector(".error-summary")!.TextContent.ShouldContain("само докато анкетата е отворена");
        (await app.WithDbAsync(db => db.Jobs.Where(j => j.Kind == SurveyReminders.JobKind).Select(j => j.Payload).ToListAsync()))
            .ShouldNotContain(p => p.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase));
    }
}
