using System.Net;
using System.Text.Json;
using Glas.Web.Events;
using Glas.Web.Tests.TestSupport;
using Calendar = Ical.Net.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Events;

/// <summary>Registration, the waiting list, e-mails with the .ics, reminders, the organiser's form, authorization and isolation.</summary>
[Trait("Category", "Integration")]
public class EventsTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private static Dictionary<string, string> NoFields => [];

    [Fact]
    public async Task Places_fill_then_people_wait_and_a_cancellation_promotes_the_first_waiting()
    {
        var id = await app.CreateEventAsync("sliven", "Събитие с едно място", capacity: 1);
        var citizen = await app.As("citizen@example.org");
        var ngo = await app.As("ngo@example.org");
        var url = $"/events/{id}";

        (await citizen.PostFormAsync(url, url + "?handler=Register", NoFields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await ngo.PostFormAsync(url, url + "?handler=Register", NoFields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var regs = await app.RegistrationsAsync("sliven", id);
        regs.Select(r => (r.Email, r.Status)).ShouldBe([("citizen@example.org", RegistrationStatus.Confirmed), ("ngo@example.org", RegistrationStatus.Waitlisted)]);

        // The confirmation carries the event as an .ics file that calendars read.
        var confirmation = await app.WaitForMessageAsync("citizen@example.org", "Потвърдена регистрация: Събитие с едно място");
        var ics = Calendar.Load(EventSteps.IcsOf(confirmation).ShouldNotBeNull())!;
        ics.Events.Single().Uid.ShouldStartWith(id.ToString());
        await app.WaitForMessageAsync("ngo@example.org", "В списъка на чакащите: Събитие с едно място");

        // Registering twice is refused with a message.
        var again = await citizen.PostFormAsync(url, url + "?handler=Register", NoFields);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.Content.ReadAsStringAsync()).ShouldContain("Вече сте регистрирани за това събитие.");

        var page = await citizen.GetPageAsync(url);
        page.GetElementById("places")!.TextContent.ShouldContain("Регистрирани: 1 от 1 места");
        (await citizen.PostFormAsync(url, url + "?handler=Cancel", NoFields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        regs = await app.RegistrationsAsync("sliven", id);
        regs.Single(r => r.Email == "citizen@example.org").Status.ShouldBe(RegistrationStatus.Cancelled);
        regs.Single(r => r.Email == "ngo@example.org").Status.ShouldBe(RegistrationStatus.Confirmed);
        EventSteps.IcsOf(await app.WaitForMessageAsync("ngo@example.org", "Имате място: Събитие с едно място")).ShouldNotBeNull();

        // Registering again after cancelling joins the end of the waiting list.
        (await citizen.PostFormAsync(url, url + "?handler=Register", NoFields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.RegistrationsAsync("sliven", id)).Single(r => r.Email == "citizen@example.org").Status.ShouldBe(RegistrationStatus.Waitlisted);
    }

    [Fact]
    public async Task A_person_without_an_account_registers_by_name_and_confirmed_email_and_cancels_by_the_link()
    {
        var id = await app.CreateEventAsync("sliven", "Събитие за всички");
        var visitor = await app.As(null);
        var url = $"/events/{id}";
        var bad = await visitor.PostFormAsync(url, url + "?handler=Register", new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Email"] = "не-е-имейл" });
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var badPage = await bad.ParseAsync();
        badPage.FieldError("Input.Name").ShouldBe("Попълнете полето.");
        badPage.FieldError("Input.Email").ShouldBe("Въведете валиден имейл адрес.");

        var hostileName = "<script>alert(1)</script> Иван";
        (await visitor.PostFormAsync(url, url + "?handler=Register", new Dictionary<string, string> { ["Input.Name"] = hostileName, ["Input.Email"] = "Ivan@Example.org" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var registration = (await app.RegistrationsAsync("sliven", id)).Single();
        (registration.Status, registration.Email, registration.Name).ShouldBe((RegistrationStatus.Unconfirmed, "ivan@example.org", hostileName));

        var mail = await app.WaitForMessageAsync("ivan@example.org", "Потвърдете регистрацията");
        var link = Mail.Link(mail.TextBody ?? "", "/registration/");
        var path = new Uri(link).AbsolutePath;
        // Opening the link changes nothing; the button does.
        (await visitor.GetPageAsync(path)).GetElementById("registration-status")!.TextContent.ShouldBe("Регистрацията чака потвърждение на имейла.");
        (await app.RegistrationsAsync("sliven", id)).Single().Status.ShouldBe(RegistrationStatus.Unconfirmed);
        (await visitor.PostFormAsync(path, path + "?handler=Confirm", NoFields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.RegistrationsAsync("sliven", id)).Single().Status.ShouldBe(RegistrationStatus.Confirmed);

        // The name and e-mail appear nowhere public.
        foreach (var publicUrl in new[] { url, "/events", $"/api/v1/events/{id}", $"/events/{id}/event.ics", "/events/calendar.ics", "/events/feed.atom" })
        {
            var body = await (await visitor.GetAsync(publicUrl)).Content.ReadAsStringAsync();
            body.ShouldNotContain("ivan@example.org", customMessage: publicUrl);
            body.ShouldNotContain("Иван", customMessage: publicUrl);
        }

        (await visitor.PostFormAsync(path, path + "?handler=Cancel", NoFields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.RegistrationsAsync("sliven", id)).Single().Status.ShouldBe(RegistrationStatus.Cancelled);
        // A made-up token is simply not there.
        (await visitor.GetAsync($"/events/{id}/registration/{new string('a', 48)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Registration_after_closing_or_for_a_cancelled_event_is_refused_and_its_ics_says_cancelled()
    {
        var closed = await app.CreateEventAsync("sliven", "Затворена регистрация", closes: app.Clock.GetUtcNow().AddMinutes(-1));
        var cancelled = await app.CreateEventAsync("sliven", "Отменено събитие", status: EventStatus.Cancelled);
        var citizen = await app.As("citizen@example.org");
        (await citizen.GetPageAsync($"/events/{closed}")).QuerySelector("#registration")!.ParentElement!.TextContent.ShouldContain("Регистрацията е приключила.");
        // A form posted anyway gets the same message, not a place.
        var token = Forms.Token(await citizen.GetPageAsync($"/events/{closed}"));
        var forced = await citizen.PostAsync($"/events/{closed}?handler=Register", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        forced.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await forced.Content.ReadAsStringAsync()).ShouldContain("Регистрацията е приключила.");
        (await app.RegistrationsAsync("sliven", closed)).ShouldBeEmpty();

        var forcedCancelled = await citizen.PostAsync($"/events/{cancelled}?handler=Register", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        (await forcedCancelled.Content.ReadAsStringAsync()).ShouldContain("Събитието е отменено.");

        var ics = await citizen.GetAsync($"/events/{cancelled}/event.ics");
        ics.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        Calendar.Load(await ics.Content.ReadAsStringAsync())!.Events.Single().Status.ShouldBe("CANCELLED");
    }

    [Fact]
    public async Task Reminders_go_once_a_day_before_through_the_job_runner()
    {
        var id = await app.CreateEventAsync("sliven", "Утрешно събитие", startsIn: TimeSpan.FromHours(20));
        var citizen = await app.As("citizen@example.org");
        (await citizen.PostFormAsync($"/events/{id}", $"/events/{id}?handler=Register", NoFields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var reminders = app.Services.GetRequiredService<EventReminders>();
        (await reminders.TickAsync(default)).ShouldBeGreaterThanOrEqualTo(1);
        (await reminders.TickAsync(default)).ShouldBe(0);
        var mail = await app.WaitForMessageAsync("citizen@example.org", "Напомняне: Утрешно събитие");
        EventSteps.IcsOf(mail).ShouldNotBeNull();
        (await app.RegistrationsAsync("sliven", id)).Single().ReminderSentAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task The_organisers_form_explains_every_bad_value_and_never_fails()
    {
        var official = await app.As("official.sliven@example.org");
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Нещо", ["Input.Title"] = "Заглавие\u202E", ["Input.Description"] = new string('я', 10001), ["Input.StartsAt"] = "2026-12-10T18:00",
            ["Input.EndsAt"] = "2026-12-10T17:00", ["Input.Place"] = "", ["Input.OnlineUrl"] = "javascript:alert(1)", ["Input.Capacity"] = "abc",
            ["Input.Organiser"] = "Община", ["Input.ConsultationId"] = Guid.NewGuid().ToString(), ["Input.RegistrationOpensAt"] = "вчера",
        };
        var response = await official.PostFormAsync("/events/new", "/events/new", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.FieldError("Input.Kind").ShouldBe("Попълнете полето.");
        page.FieldError("Input.Title").ShouldContain("непозволени знаци");
        page.FieldError("Input.Description").ShouldBe("Текстът е твърде дълъг.");
        page.FieldError("Input.EndsAt").ShouldBe("Краят трябва да е след началото.");
        page.FieldError("Input.OnlineUrl").ShouldBe("Въведете пълен адрес, започващ с https://.");
        page.FieldError("Input.Capacity").ShouldContain("цяло число");
        page.FieldError("Input.ConsultationId").ShouldBe("Изберете консултация от списъка.");
        page.FieldError("Input.RegistrationOpensAt").ShouldContain("ГГГГ-ММ-ДД");

        // A good form with markup and emoji is saved and shown as text.
        fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Forum", ["Input.Title"] = "<b>Форум</b> 🗳️ ' OR 1=1 --", ["Input.Description"] = "Описание", ["Input.StartsAt"] = "2026-12-10T18:00",
            ["Input.EndsAt"] = "2026-12-10T20:00", ["Input.Place"] = "Зала", ["Input.Capacity"] = "2", ["Input.Organiser"] = "Община",
        };
        var saved = await official.PostFormAsync("/events/new", "/events/new", fields);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var url = saved.Headers.Location!.ToString();
        var html = await (await official.GetAsync(url)).Content.ReadAsStringAsync();
        html.ShouldContain("&lt;b&gt;Форум&lt;/b&gt;");
        var id = Guid.Parse(url.Split('/').Last());
        var stored = await app.WithDbAsync(db => db.Events.SingleAsync(e => e.Id == id), "sliven");
        stored.StartsAt.ShouldBe(new DateTimeOffset(2026, 12, 10, 16, 0, 0, TimeSpan.Zero));

        // Two places taken: the organiser cannot shrink the event below them.
        await app.WithDbAsync(async db =>
        {
            foreach (var n in new[] { 1, 2 })
            {
                db.EventRegistrations.Add(new EventRegistration
                {
                    Id = Guid.NewGuid(), TenantId = stored.TenantId, EventId = id, Name = "Участник " + n, Email = $"p{n}-{id:N}@example.org", Status = RegistrationStatus.Confirmed,
                    Token = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N")[..16], RegisteredAt = app.Clock.GetUtcNow(),
                });
            }
            return await db.SaveChangesAsync();
        }, "sliven");
        fields["Input.Capacity"] = "1";
        var shrink = await official.PostFormAsync($"/events/{id}/edit", $"/events/{id}/edit", fields);
        (await shrink.ParseAsync()).FieldError("Input.Capacity").ShouldBe("Местата не може да са по-малко от вече потвърдените регистрации.");
    }

    [Fact]
    public async Task Only_the_administrations_officials_manage_events_and_see_attendees()
    {
        var id = await app.CreateEventAsync("sliven", "Събитие за права");
        var citizen = await app.As("citizen@example.org");
        foreach (var url in new[] { "/events/new", $"/events/{id}/edit", $"/events/{id}/attendees", $"/events/{id}/attendance.csv" })
        {
            (await citizen.GetAsync(url)).ShouldRedirectTo("access-denied");
        }
        (await (await app.As(null)).GetAsync($"/events/{id}/attendance.csv")).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        var levski = await app.As("official.levski@example.org", "/t/levski");
        foreach (var url in new[] { $"/t/sliven/events/{id}/edit", $"/t/sliven/events/{id}/attendees", $"/t/sliven/events/{id}/attendance.csv" })
        {
            (await levski.GetAsync(url)).ShouldRedirectTo("access-denied");
        }
        // Under Levski, the Sliven event does not exist: pages, files, API and forms.
        foreach (var url in new[] { $"/t/levski/events/{id}", $"/t/levski/events/{id}/event.ics", $"/t/levski/api/v1/events/{id}", $"/t/levski/events/{id}/edit",
                     $"/t/levski/events/{id}/attendees", $"/t/levski/events/{id}/attendance.csv" })
        {
            (await levski.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
        var token = Forms.Token(await levski.GetPageAsync("/t/levski/events/new"));
        var post = await levski.PostAsync($"/t/levski/events/{id}/edit", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Title", "Отвлечено")]));
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var official = await app.As("official.sliven@example.org");
        var citizenReg = await app.As("ngo@example.org");
        (await citizenReg.PostFormAsync($"/events/{id}", $"/events/{id}?handler=Register", NoFields)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var csv = await official.GetAsync($"/events/{id}/attendance.csv");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await csv.Content.ReadAsStringAsync()).ShouldContain("ngo@example.org");
        var attendees = await official.GetPageAsync($"/events/{id}/attendees");
        attendees.GetElementById("attendees")!.TextContent.ShouldContain("ngo@example.org");
        var registration = (await app.RegistrationsAsync("sliven", id)).Single();
        (await official.PostFormAsync($"/events/{id}/attendees", $"/events/{id}/attendees?handler=Attendance",
            new Dictionary<string, string> { ["registrationId"] = registration.Id.ToString(), ["attended"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.RegistrationsAsync("sliven", id)).Single().Attended.ShouldBeTrue();
    }

    [Fact]
    public async Task The_api_lists_a_months_events_with_counts_and_refuses_a_bad_filter()
    {
        var training = await app.WithDbAsync(db => db.Events.SingleAsync(e => e.Title == EventsDemoData.RuseTraining), "ruse-oblast");
        var month = Glas.Web.Platform.Localization.Formats.ToSofia(training.StartsAt).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var client = await app.As(null);
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/t/ruse-oblast/api/v1/events?month={month}&kind=Training"));
        var item = json.RootElement.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("title").GetString() == EventsDemoData.RuseTraining);
        item.GetProperty("registered").GetInt32().ShouldBe(3);
        item.GetProperty("waitlisted").GetInt32().ShouldBe(2);
        item.GetProperty("capacity").GetInt32().ShouldBe(3);
        item.ToString().ShouldNotContain("@example.org");

        foreach (var bad in new[] { "?kind=Party", "?month=2026-13", "?mode=both", "?month=' OR 1=1 --" })
        {
            var response = await client.GetAsync("/t/ruse-oblast/api/v1/events" + bad);
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, bad);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }
        (await client.GetAsync("/t/ruse-oblast/api/v1/events?page=abc")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_tenant_calendar_holds_its_events_and_its_bodies_meetings_and_parses()
    {
        var client = await app.As(null);
        var response = await client.GetAsync("/t/haskovo/events/calendar.ics");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        calendar.Events.Count(e => e.Summary!.StartsWith(Glas.Web.Bodies.BodiesDemoData.HaskovoCouncil, StringComparison.Ordinal)).ShouldBe(3);
        var sliven = Calendar.Load(await client.GetStringAsync("/events/calendar.ics"))!;
        sliven.Events.ShouldContain(e => e.Summary == EventsDemoData.SlivenDiscussion);
        sliven.Events.ShouldNotContain(e => e.Summary!.Contains("Хасково", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_demo_public_discussion_is_linked_to_Slivens_open_ordinance()
    {
        var discussion = await app.WithDbAsync(db => db.Events.SingleAsync(e => e.Title == EventsDemoData.SlivenDiscussion), "sliven");
        discussion.Kind.ShouldBe(EventKind.PublicDiscussion);
        var page = await (await app.As(null)).GetPageAsync($"/events/{discussion.Id}");
        page.GetElementById("facts")!.TextContent.ShouldContain("Наредба за обществения ред на територията на Община Сливен");
        var home = await (await app.As(null)).GetPageAsync("/");
        home.GetElementById("upcoming-events")!.ParentElement!.QuerySelectorAll("a[href*='/events/']").Length.ShouldBeGreaterThan(0);
    }
}
