using System.Net;
using System.Text.Json;
using Glas.Web.Bodies;
using Glas.Web.Tests.Events;
using Glas.Web.Tests.TestSupport;
using Calendar = Ical.Net.Calendar;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Bodies;

/// <summary>Bodies' public pages, Popolo and iCalendar output, the staff forms, authorization and isolation.</summary>
[Trait("Category", "Integration")]
public class BodiesTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private Task<Body> Council() => app.WithDbAsync(db => db.Bodies.SingleAsync(b => b.Name == BodiesDemoData.HaskovoCouncil), "haskovo");

    [Fact]
    public async Task The_Haskovo_council_shows_nine_members_by_public_name_its_history_and_three_meetings()
    {
        var council = await Council();
        var client = await app.As(null);
        var page = await client.GetPageAsync($"/t/haskovo/bodies/{council.Id}");
        page.QuerySelectorAll("#members tbody tr").Length.ShouldBe(9);
        page.GetElementById("members")!.TextContent.ShouldContain("Мария Петрова");
        page.GetElementById("former-members")!.TextContent.ShouldContain("Антон Василев");
        page.QuerySelectorAll("#meetings tbody tr").Length.ShouldBe(3);
        page.QuerySelector("#documents")!.TextContent.ShouldContain("Правила за работа");

        var held = await app.WithDbAsync(db => db.Meetings.Where(m => m.BodyId == council.Id && m.Status == MeetingStatus.Held).OrderBy(m => m.StartsAt).FirstAsync(), "haskovo");
        var meeting = await client.GetPageAsync($"/t/haskovo/bodies/{council.Id}/meetings/{held.Id}");
        meeting.QuerySelectorAll("#agenda > li").Length.ShouldBe(2);
        meeting.GetElementById("agenda")!.TextContent.ShouldContain("Правилата за работа се приемат.");
        meeting.QuerySelector("#documents")!.TextContent.ShouldContain("Протокол");
        // Linked accounts and e-mails never show; the list page counts present members.
        (await client.GetPageAsync("/t/haskovo/bodies")).QuerySelector(".card")!.TextContent.ShouldContain("членове: 9");
    }

    [Fact]
    public async Task Popolo_export_has_the_required_keys_and_public_names_only()
    {
        var client = await app.As(null);
        using var json = JsonDocument.Parse(await client.GetStringAsync("/t/yugoiztochen/api/v1/bodies/popolo.json"));
        var root = json.RootElement;
        var organization = root.GetProperty("organizations").EnumerateArray().Single();
        organization.GetProperty("name").GetString().ShouldBe(BodiesDemoData.RegionWorkingGroup);
        organization.GetProperty("id").GetString().ShouldStartWith("organization/");
        var persons = root.GetProperty("persons").EnumerateArray().ToList();
        persons.Count.ShouldBe(5);
        persons.ShouldAllBe(p => p.GetProperty("name").GetString()!.Length > 0 && p.EnumerateObject().Select(o => o.Name).SequenceEqual(new[] { "id", "name" }));
        var memberships = root.GetProperty("memberships").EnumerateArray().ToList();
        memberships.Select(m => m.GetProperty("label").GetString()).ShouldBe(["Община Бургас", "Община Сливен", "Община Стара Загора", "Община Ямбол", "Сдружение на общините от Югоизточен регион"], ignoreOrder: true);
        var ids = persons.Select(p => p.GetProperty("id").GetString()).ToHashSet();
        memberships.ShouldAllBe(m => ids.Contains(m.GetProperty("person_id").GetString()) && m.GetProperty("organization_id").GetString() == organization.GetProperty("id").GetString());
        var events = root.GetProperty("events").EnumerateArray().Single();
        events.GetProperty("name").GetString().ShouldBe("Встъпителна среща");
        events.GetProperty("start_date").GetString()!.ShouldEndWith("Z");
        root.ToString().ShouldNotContain("@");

        using var list = JsonDocument.Parse(await client.GetStringAsync("/t/haskovo/api/v1/bodies"));
        list.RootElement.GetProperty("items").EnumerateArray().Single().GetProperty("currentMembers").GetInt32().ShouldBe(9);
    }

    [Fact]
    public async Task A_bodys_meetings_are_an_ics_and_an_atom_feed_and_another_administration_sees_none_of_it()
    {
        var council = await Council();
        var client = await app.As(null);
        var calendar = Calendar.Load(await client.GetStringAsync($"/t/haskovo/bodies/{council.Id}/meetings.ics"))!;
        calendar.Events.Count.ShouldBe(3);
        calendar.Events.ShouldAllBe(e => e.DtStart!.TzId == "Europe/Sofia");
        (await client.GetStringAsync($"/t/haskovo/bodies/{council.Id}/feed.atom")).ShouldContain("Първо заседание");

        var meeting = await app.WithDbAsync(db => db.Meetings.FirstAsync(m => m.BodyId == council.Id), "haskovo");
        foreach (var url in new[] { $"/t/sliven/bodies/{council.Id}", $"/t/sliven/bodies/{council.Id}/meetings/{meeting.Id}", $"/t/sliven/bodies/{council.Id}/meetings.ics",
                     $"/t/sliven/bodies/{council.Id}/feed.atom" })
        {
            (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
        // A meeting under another body of the same administration is not found either.
        (await client.GetAsync($"/t/haskovo/bodies/{Guid.NewGuid()}/meetings/{meeting.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetStringAsync("/t/sliven/api/v1/bodies/popolo.json")).ShouldNotContain("Хасково");
    }

    [Fact]
    public async Task An_official_creates_a_body_adds_a_member_and_a_meeting_holds_it_and_records_a_decision()
    {
        var official = await app.As("official.levski@example.org", "/t/levski");
        var bad = await official.PostFormAsync("/t/levski/bodies/new", "/t/levski/bodies/new?handler=Body", new Dictionary<string, string>
        {
            ["Input.Kind"] = "Club", ["Input.Name"] = "", ["Input.Mandate"] = "Текст\u202E", ["Input.TermStart"] = "скоро", ["Input.TermEnd"] = "2020-01-01",
        });
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var badPage = await bad.ParseAsync();
        badPage.FieldError("Input.Kind").ShouldBe("Попълнете полето.");
        badPage.FieldError("Input.Name").ShouldBe("Попълнете полето.");
        badPage.FieldError("Input.Mandate").ShouldContain("непозволени знаци");
        badPage.FieldError("Input.TermStart").ShouldContain("ГГГГ-ММ-ДД");

        var created = await official.PostFormAsync("/t/levski/bodies/new", "/t/levski/bodies/new?handler=Body", new Dictionary<string, string>
        {
            ["Input.Kind"] = "CivicForum", ["Input.Name"] = "<i>Младежки форум</i>", ["Input.Mandate"] = "Младежите обсъждат политиките.", ["Input.TermStart"] = "2026-01-01",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var manage = created.Headers.Location!.ToString();
        var bodyId = Guid.Parse(manage.Split('/')[^2]);

        var noConsent = await official.PostFormAsync(manage, manage + "?handler=Member", new Dictionary<string, string>
        {
            ["Member.PublicName"] = "Иво Иванов", ["Member.Role"] = "Chair", ["Member.From"] = "2026-01-01", ["Member.Consent"] = "false",
        });
        (await noConsent.ParseAsync()).FieldError("Member.Consent").ShouldBe("Членът трябва да е съгласен името му да е публично.");
        (await official.PostFormAsync(manage, manage + "?handler=Member", new Dictionary<string, string>
        {
            ["Member.PublicName"] = "Иво Иванов", ["Member.Role"] = "Chair", ["Member.From"] = "2026-01-01", ["Member.Consent"] = "true",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var start = Glas.Web.Platform.Localization.Formats.ToSofia(app.Clock.GetUtcNow().AddHours(-3));
        var meetingPost = await official.PostFormAsync(manage, manage + "?handler=Meeting", new Dictionary<string, string>
        {
            ["NewMeeting.Title"] = "Първа среща", ["NewMeeting.StartsAt"] = start.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["NewMeeting.EndsAt"] = start.AddHours(1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture), ["NewMeeting.Place"] = "Читалище",
        });
        meetingPost.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var meetingManage = meetingPost.Headers.Location!.ToString();
        (await official.PostFormAsync(meetingManage, meetingManage + "?handler=Item", new Dictionary<string, string> { ["ItemTitle"] = "Правила" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var item = await app.WithDbAsync(db => db.AgendaItems.SingleAsync(a => db.Meetings.Any(m => m.Id == a.MeetingId && m.BodyId == bodyId)), "levski");

        // No decision before the meeting is held.
        var early = await official.PostFormAsync(meetingManage, meetingManage + "?handler=Decision", new Dictionary<string, string>
        {
            ["Decision.ItemId"] = item.Id.ToString(), ["Decision.Decision"] = "Приема", ["Decision.VotesFor"] = "1",
        });
        (await early.Content.ReadAsStringAsync()).ShouldContain("Решения се записват само за проведено заседание.");
        (await official.PostFormAsync(meetingManage, meetingManage + "?handler=Status", new Dictionary<string, string> { ["status"] = "Held", ["attendance"] = "1" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var tooMany = await official.PostFormAsync(meetingManage, meetingManage + "?handler=Decision", new Dictionary<string, string>
        {
            ["Decision.ItemId"] = item.Id.ToString(), ["Decision.Decision"] = "Приема", ["Decision.VotesFor"] = "2",
        });
        (await tooMany.ParseAsync()).FieldError("Decision.VotesFor").ShouldBe("Гласовете са повече от присъствалите членове.");
        var wrongType = await official.PostFormAsync(meetingManage, meetingManage + "?handler=Decision", new Dictionary<string, string>
        {
            ["Decision.ItemId"] = item.Id.ToString(), ["Decision.Decision"] = "Приема", ["Decision.VotesFor"] = "много",
        });
        wrongType.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await official.PostFormAsync(meetingManage, meetingManage + "?handler=Decision", new Dictionary<string, string>
        {
            ["Decision.ItemId"] = item.Id.ToString(), ["Decision.Decision"] = "Правилата се приемат.", ["Decision.VotesFor"] = "1", ["Decision.VotesAgainst"] = "0",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // Held is final.
        (await (await official.PostFormAsync(meetingManage, meetingManage + "?handler=Status", new Dictionary<string, string> { ["status"] = "Cancelled" })).Content.ReadAsStringAsync())
            .ShouldContain("Заседанието не може да премине в този статус.");

        var publicPage = await (await app.As(null)).GetAsync($"/t/levski/bodies/{bodyId}");
        var html = await publicPage.Content.ReadAsStringAsync();
        html.ShouldContain("&lt;i&gt;Младежки форум&lt;/i&gt;");
        html.ShouldContain("Иво Иванов");
        var meetingPage = await (await app.As(null)).GetStringAsync(meetingManage.Replace("/manage", "", StringComparison.Ordinal));
        meetingPage.ShouldContain("Правилата се приемат.");
    }

    [Fact]
    public async Task Only_officials_of_the_administration_reach_the_staff_pages()
    {
        var council = await Council();
        var meeting = await app.WithDbAsync(db => db.Meetings.FirstAsync(m => m.BodyId == council.Id), "haskovo");
        var pages = new[] { "/t/haskovo/bodies/new", $"/t/haskovo/bodies/{council.Id}/manage", $"/t/haskovo/bodies/{council.Id}/meetings/{meeting.Id}/manage" };
        var citizen = await app.As("citizen@example.org", "/t/haskovo");
        var sliven = await app.As("official.sliven@example.org");
        foreach (var url in pages)
        {
            (await citizen.GetAsync(url)).ShouldRedirectTo("access-denied");
            (await sliven.GetAsync(url)).ShouldRedirectTo("access-denied");
        }
        var haskovo = await app.As("official.haskovo@example.org", "/t/haskovo");
        foreach (var url in pages)
        {
            (await haskovo.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK, url);
        }
        // Sliven's official, with a valid Sliven form, cannot reach the Haskovo body through Sliven.
        var token = Forms.Token(await sliven.GetPageAsync("/bodies/new"));
        (await sliven.PostAsync($"/bodies/{council.Id}/manage?handler=Member", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Member.PublicName", "Натрапник"), new("Member.Role", "Member"), new("Member.From", "2026-01-01"), new("Member.Consent", "true")])))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sliven.PostAsync($"/bodies/{council.Id}/meetings/{meeting.Id}/manage?handler=Status", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("status", "Cancelled")]))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
