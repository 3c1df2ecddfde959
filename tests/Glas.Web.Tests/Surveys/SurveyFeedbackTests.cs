using System.Net;
using Glas.Web.Consultations;
using Glas.Web.Surveys;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static Glas.Web.Tests.Consultations.ConsultationSteps;

namespace Glas.Web.Tests.Surveys;

/// <summary>A consultation's feedback form: the assessment template as a survey, offered to its participants after the close instead of the short rating.</summary>
[Trait("Category", "Integration")]
public class SurveyFeedbackTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private async Task<HttpClient> As(string email, string prefix = "")
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync(email, prefix: prefix);
        return client;
    }

    [Fact]
    public async Task After_the_close_a_participant_is_offered_the_consultations_assessment_form_instead_of_the_short_rating()
    {
        var official = await As("official.sliven@example.org");
        var id = await OpenAsync(app, official);
        var citizen = await As("citizen@example.org");
        (await CommentAsync(citizen, id, "Коментар за оценката.")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // The official starts the form from the consultation's page; a second click opens the same one.
        var manage = await official.GetPageAsync($"/consultations/{id}/manage");
        var create = manage.QuerySelector("#feedback-form-h")!.ParentElement!.QuerySelector("form")!;
        var created = await official.PostAsync(create.GetAttribute("action"), new FormUrlEncodedContent([new("__RequestVerificationToken", Forms.Token(manage))]));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var survey = await app.WithDbAsync(db => db.Surveys.AsNoTracking().SingleAsync(s => s.SubjectKind == ConsultationComments.Kind && s.SubjectId == id), "sliven");
        created.Headers.Location!.ToString().ShouldEndWith($"/surveys/{survey.Id}/edit");
        survey.Title.ShouldStartWith("Оценка на участието в обществено обсъждане: ");
        survey.Audience.ShouldBe(SurveyAudience.Participants);
        survey.Launched.ShouldBeFalse();
        (await official.PostAsync($"/surveys/manage?handler=feedback&consultation={id}", new FormUrlEncodedContent([new("__RequestVerificationToken", Forms.Token(manage))])))
            .Headers.Location!.ToString().ShouldEndWith($"/surveys/{survey.Id}/edit");
        (await official.GetPageAsync($"/consultations/{id}/manage")).QuerySelector($"a[href$='/surveys/{survey.Id}/edit']").ShouldNotBeNull();
        (await official.GetPageAsync($"/surveys/{survey.Id}/edit")).QuerySelector($"a[href$='/consultations/{id}']").ShouldNotBeNull();
        (await official.SubmitAsync($"/surveys/{survey.Id}/edit", new Dictionary<string, string>(), "launch")).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Another administration's official cannot attach a form to it.
        var other = await As("official.haskovo@example.org", "/t/haskovo");
        var token = Forms.Token(await other.GetPageAsync("/t/haskovo/surveys/manage"));
        (await other.PostAsync($"/t/haskovo/surveys/manage?handler=feedback&consultation={id}", new FormUrlEncodedContent([new("__RequestVerificationToken", token)])))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // While the consultation is open nothing is offered.
        (await citizen.GetPageAsync($"/consultations/{id}")).QuerySelector("#rate-form").ShouldBeNull();
        app.Clock.Advance(TimeSpan.FromDays(32));
        try
        {
            citizen = await As("citizen@example.org");
            var page = await citizen.GetPageAsync($"/consultations/{id}");
            page.QuerySelector("form#rate").ShouldBeNull();
            page.QuerySelector($"#rate-form a[href$='/surveys/{survey.Id}']").ShouldNotBeNull();
            // The short rating is not taken any more: it leads to the form.
            var rate = await PostAsync(citizen, $"/consultations/{id}", "rate", new() { ["score"] = "5" });
            rate.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            rate.Headers.Location!.ToString().ShouldEndWith($"/surveys/{survey.Id}");
            (await app.WithDbAsync(db => db.ProcessRatings.CountAsync(r => r.ConsultationId == id))).ShouldBe(0);
            // The participant answers the form once, with the account.
            var form = await citizen.GetPageAsync($"/surveys/{survey.Id}");
            form.QuerySelector("form.survey-form").ShouldNotBeNull();
            // Someone who did not take part is not offered it on the consultation page.
            var other2 = await As("ngo@example.org");
            (await other2.GetPageAsync($"/consultations/{id}")).QuerySelector("#rate-form").ShouldBeNull();
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-32));
        }
    }
}
