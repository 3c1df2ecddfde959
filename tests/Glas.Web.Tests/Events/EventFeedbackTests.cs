using System.Net;
using System.Text.RegularExpressions;
using Glas.Web.Events;
using Glas.Web.Surveys;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Events;

/// <summary>The feedback form: a survey attached to the event, sent once to its participants after the event with a single-use link.</summary>
[Trait("Category", "Integration")]
public partial class EventFeedbackTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private static Dictionary<string, string> NoFields => [];

    /// <summary>A confirmed registration added directly (the event is already over, so the public form is closed).</summary>
    private Task<int> AddRegistrationAsync(Guid eventId, string name, string email, bool attended = false) =>
        app.WithDbAsync(async db =>
        {
            db.EventRegistrations.Add(new EventRegistration
            {
                Id = Guid.CreateVersion7(), TenantId = db.CurrentTenantId!.Value, EventId = eventId, Name = name, Email = email, Status = RegistrationStatus.Confirmed,
                Token = Guid.NewGuid().ToString("N"), RegisteredAt = app.Clock.GetUtcNow().AddDays(-3), Attended = attended,
            });
            return await db.SaveChangesAsync();
        }, "sliven");

    [GeneratedRegex(@"/surveys/[0-9a-f-]{36}\?invitation=[A-Za-z0-9_-]+")]
    private static partial Regex InvitationLink();

    [Fact]
    public async Task After_the_event_each_participant_gets_the_feedback_form_once_and_answers_it_once()
    {
        var id = await app.CreateEventAsync("sliven", "Обучение с обратна връзка", startsIn: TimeSpan.FromHours(-3));
        await AddRegistrationAsync(id, "Петя Стоянова", "petya.feedback@example.org");
        await AddRegistrationAsync(id, "Иван Колев", "ivan.feedback@example.org");
        var official = await app.As("official.sliven@example.org");
        var attendees = $"/events/{id}/attendees";
        (await official.GetPageAsync(attendees)).QuerySelector("form[action*='handler=Feedback']").ShouldNotBeNull();
        (await official.PostFormAsync(attendees, attendees + "?handler=Feedback", NoFields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // Twice is still one form.
        (await official.PostFormAsync(attendees, attendees + "?handler=Feedback", NoFields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var survey = await app.WithDbAsync(db => db.Surveys.SingleAsync(s => s.SubjectKind == "event" && s.SubjectId == id), "sliven");
        survey.Audience.ShouldBe(SurveyAudience.Invitation);
        survey.Launched.ShouldBeTrue();
        SurveyDefinition.FromJson(survey.Definition).Questions.Count().ShouldBe(5);

        var reminders = app.Services.GetRequiredService<EventReminders>();
        (await reminders.FeedbackTickAsync(default)).ShouldBeGreaterThanOrEqualTo(2);
        (await reminders.FeedbackTickAsync(default)).ShouldBe(0);
        (await app.RegistrationsAsync("sliven", id)).ShouldAllBe(r => r.FeedbackSentAt != null);
        (await official.GetPageAsync(attendees)).GetElementById("feedback-state")!.TextContent.ShouldContain("2");

        var mail = await app.WaitForMessageAsync("petya.feedback@example.org", "Оценете „Обучение с обратна връзка“");
        var link = InvitationLink().Match(mail.TextBody ?? "").Value;
        link.ShouldContain(survey.Id.ToString());
        // The invitation keeps no e-mail address: answers stay anonymous.
        (await app.WithDbAsync(db => db.SurveyInvitations.Where(i => i.SurveyId == survey.Id).ToListAsync(), "sliven")).ShouldAllBe(i => i.Email == null);
        var form = await (await app.As(null)).GetPageAsync(link);
        form.QuerySelector("h1")!.TextContent.ShouldContain("Оценка на участието");
        (await (await app.As(null)).GetAsync($"/surveys/{survey.Id}?invitation=fake")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task When_attendance_was_marked_only_those_present_get_the_form()
    {
        var id = await app.CreateEventAsync("sliven", "Среща с отбелязано присъствие", startsIn: TimeSpan.FromHours(-4));
        await AddRegistrationAsync(id, "Присъствал", "present.feedback@example.org", attended: true);
        await AddRegistrationAsync(id, "Отсъствал", "absent.feedback@example.org");
        var official = await app.As("official.sliven@example.org");
        var attendees = $"/events/{id}/attendees";
        (await official.PostFormAsync(attendees, attendees + "?handler=Feedback", NoFields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await app.Services.GetRequiredService<EventReminders>().FeedbackTickAsync(default);
        var regs = await app.RegistrationsAsync("sliven", id);
        regs.Single(r => r.Attended).FeedbackSentAt.ShouldNotBeNull();
        regs.Single(r => !r.Attended).FeedbackSentAt.ShouldBeNull();
    }

    [Fact]
    public async Task A_future_or_cancelled_event_sends_nothing_and_another_administration_cannot_attach_a_form()
    {
        var future = await app.CreateEventAsync("sliven", "Бъдещо събитие с форма", startsIn: TimeSpan.FromDays(2));
        await AddRegistrationAsync(future, "Бъдещ", "future.feedback@example.org");
        var official = await app.As("official.sliven@example.org");
        var attendees = $"/events/{future}/attendees";
        (await official.PostFormAsync(attendees, attendees + "?handler=Feedback", NoFields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await app.Services.GetRequiredService<EventReminders>().FeedbackTickAsync(default);
        (await app.RegistrationsAsync("sliven", future)).Single().FeedbackSentAt.ShouldBeNull();

        var cancelled = await app.CreateEventAsync("sliven", "Отменено събитие без форма", startsIn: TimeSpan.FromHours(-3), status: EventStatus.Cancelled);
        var refused = await official.PostFormAsync($"/events/{cancelled}/attendees", $"/events/{cancelled}/attendees?handler=Feedback", NoFields);
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await app.WithDbAsync(db => db.Surveys.CountAsync(s => s.SubjectId == cancelled), "sliven")).ShouldBe(0);

        var levski = await app.As("official.levski@example.org", "/t/levski");
        (await levski.PostFormAsync("/t/levski/events", $"/t/levski/events/{future}/attendees?handler=Feedback", NoFields)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var citizen = await app.As("citizen@example.org");
        (await citizen.PostFormAsync("/events", $"/events/{future}/attendees?handler=Feedback", NoFields)).ShouldRedirectTo("access-denied");
    }
}
