using System.Globalization;
using Glas.Web.Bodies;
using Glas.Web.Events;
using Glas.Web.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Events;

[Trait("Category", "Browser")]
public class EventsBrowserTests(BrowserFactory app) : IClassFixture<BrowserFactory>
{
    private static Task Check(IPage page) => BrowserFactory.AssertAccessibleAsync(page);

    [Fact]
    public async Task An_official_creates_a_public_discussion_a_citizen_registers_and_cancels_and_the_first_waiting_moves_up()
    {
        var official = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(official, "official.sliven@example.org");
        await official.GotoAsync("/events");
        await Check(official);
        await official.GetByRole(AriaRole.Link, new() { Name = "Ново събитие" }).ClickAsync();
        await Check(official);
        var start = Glas.Web.Platform.Localization.Formats.ToSofia(app.Clock.GetUtcNow().AddDays(7)).Date.AddHours(18);
        await official.Locator("#Input_Kind").SelectOptionAsync("PublicDiscussion");
        await official.Locator("#Input_Title").FillAsync("Обсъждане на наредбата в квартал „Дружба“");
        await official.Locator("#Input_Description").FillAsync("Представяне на проекта и въпроси на жителите.");
        await official.Locator("#Input_ConsultationId").SelectOptionAsync(new SelectOptionValue { Label = "Наредба за обществения ред на територията на Община Сливен" });
        await official.Locator("#Input_StartsAt").FillAsync(start.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await official.Locator("#Input_EndsAt").FillAsync(start.AddHours(2).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await official.Locator("#Input_Place").FillAsync("Сливен, читалище в кв. „Дружба“");
        await official.Locator("#Input_Capacity").FillAsync("1");
        await official.GetByRole(AriaRole.Button, new() { Name = "Запази" }).ClickAsync();
        (await official.Locator("h1").TextContentAsync()).ShouldBe("Обсъждане на наредбата в квартал „Дружба“");
        (await official.Locator("#facts").TextContentAsync() ?? "").ShouldContain("Наредба за обществения ред на територията на Община Сливен");
        (await official.Locator("#facts").TextContentAsync() ?? "").ShouldContain(start.ToString("HH:mm", CultureInfo.InvariantCulture));
        await Check(official);
        var eventUrl = new Uri(official.Url).AbsolutePath;
        var id = Guid.Parse(eventUrl.Split('/').Last());

        var citizen = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(citizen, "citizen@example.org");
        await citizen.GotoAsync(eventUrl);
        await Check(citizen);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Регистрирай се" }).ClickAsync();
        (await citizen.Locator(".notice").TextContentAsync()).ShouldBe("Регистрирахте се. Изпратихме ви писмо с файл за календара.");
        await Check(citizen);
        var confirmation = await app.WaitForMessageAsync("citizen@example.org", "Потвърдена регистрация: Обсъждане на наредбата");
        Ical.Net.Calendar.Load(EventSteps.IcsOf(confirmation).ShouldNotBeNull())!.Events.Single().Summary.ShouldBe("Обсъждане на наредбата в квартал „Дружба“");

        var ngo = await app.NewPageAsync(width: 375);
        await BrowserFactory.SignInAsync(ngo, "ngo@example.org");
        await ngo.GotoAsync(eventUrl);
        (await ngo.Locator("#registration").Locator("..").TextContentAsync() ?? "").ShouldContain("Местата са заети");
        await ngo.GetByRole(AriaRole.Button, new() { Name = "Регистрирай се" }).ClickAsync();
        (await ngo.Locator("#my-registration").TextContentAsync()).ShouldBe("В списъка на чакащите сте.");
        await Check(ngo);

        await citizen.GetByRole(AriaRole.Button, new() { Name = "Откажи регистрацията" }).ClickAsync();
        (await citizen.Locator(".notice").TextContentAsync()).ShouldBe("Регистрацията е отменена.");
        await ngo.ReloadAsync();
        (await ngo.Locator("#my-registration").TextContentAsync()).ShouldBe("Регистрирани сте за събитието.");
        await app.WaitForMessageAsync("ngo@example.org", "Имате място: Обсъждане на наредбата");

        await official.GotoAsync($"/events/{id}/attendees");
        (await official.Locator("#attendees").TextContentAsync() ?? "").ShouldContain("ngo@example.org");
        await Check(official);
        await official.GotoAsync($"/events/{id}/edit");
        await Check(official);
    }

    [Fact]
    public async Task Every_bodies_and_events_page_is_accessible()
    {
        var (council, meeting, training, token) = await app.WithDbAsync(async db =>
        {
            var c = await db.Bodies.IgnoreQueryFilters().SingleAsync(b => b.Name == BodiesDemoData.HaskovoCouncil);
            var m = await db.Meetings.IgnoreQueryFilters().Where(x => x.BodyId == c.Id && x.Status == MeetingStatus.Held).OrderBy(x => x.StartsAt).FirstAsync();
            var t = await db.Events.IgnoreQueryFilters().SingleAsync(e => e.Title == EventsDemoData.RuseTraining);
            var r = await db.EventRegistrations.IgnoreQueryFilters().Where(x => x.EventId == t.Id).Select(x => x.Token).FirstAsync();
            return (c.Id, m.Id, t.Id, r);
        });
        var item = await app.WithDbAsync(db => db.AgendaItems.IgnoreQueryFilters().Where(a => a.MeetingId == meeting).OrderBy(a => a.Number).Select(a => a.Id).FirstAsync());
        var visitor = await app.NewPageAsync(width: 375);
        foreach (var path in new[] { "/t/haskovo/bodies", $"/t/haskovo/bodies/{council}", $"/t/haskovo/bodies/{council}/meetings/{meeting}", "/t/ruse-oblast/events",
                     $"/t/ruse-oblast/events/{training}", $"/t/ruse-oblast/events/{training}/registration/{token}", "/t/haskovo/bodies?culture=en" })
        {
            await visitor.GotoAsync(path);
            await Check(visitor);
            (await visitor.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(375, path);
        }
        var official = await app.NewPageAsync();
        await official.GotoAsync("/t/haskovo/account/login");
        await official.GetByLabel("Имейл").FillAsync("official.haskovo@example.org");
        await official.GetByLabel("Парола").FillAsync(Glas.Web.DemoData.DemoSeeder.Password);
        await official.GetByRole(AriaRole.Button, new() { Name = "Влез" }).ClickAsync();
        await official.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        foreach (var path in new[] { "/t/haskovo/bodies/new", $"/t/haskovo/bodies/{council}/manage", $"/t/haskovo/bodies/{council}/meetings/{meeting}/manage",
                     $"/t/haskovo/bodies/{council}/meetings/{meeting}/items/{item}/documents" })
        {
            await official.GotoAsync(path);
            await Check(official);
        }
        // A form sent empty shows its errors accessibly.
        await official.GotoAsync($"/t/haskovo/bodies/{council}/manage");
        await official.GetByRole(AriaRole.Button, new() { Name = "Добави член" }).ClickAsync();
        (await official.Locator(".error-summary").CountAsync()).ShouldBe(1);
        await Check(official);
    }
}
