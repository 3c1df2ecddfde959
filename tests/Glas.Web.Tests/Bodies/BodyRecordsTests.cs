using System.Net;
using Glas.Web.Bodies;
using Glas.Web.DemoData;
using Glas.Web.Tests.Events;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Bodies;

/// <summary>The per-member attendance record of a body's meetings and the documents of each agenda item.</summary>
[Trait("Category", "Integration")]
public class BodyRecordsTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private Task<Body> Council() => app.WithDbAsync(db => db.Bodies.SingleAsync(b => b.Name == BodiesDemoData.HaskovoCouncil), "haskovo");

    private Task<Meeting> Held(Guid bodyId) =>
        app.WithDbAsync(db => db.Meetings.Where(m => m.BodyId == bodyId && m.Status == MeetingStatus.Held).OrderBy(m => m.StartsAt).FirstAsync(), "haskovo");

    [Fact]
    public async Task An_official_records_who_was_present_and_each_member_has_an_attendance_record()
    {
        var council = await Council();
        var meeting = await Held(council.Id);
        var manage = $"/t/haskovo/bodies/{council.Id}/meetings/{meeting.Id}/manage";
        var official = await app.As("official.haskovo@example.org", "/t/haskovo");
        var page = await official.GetPageAsync(manage);
        var boxes = page.QuerySelectorAll("input[name=present]").Select(i => i.GetAttribute("value")!).ToList();
        boxes.Count.ShouldBeGreaterThanOrEqualTo(3);

        var stranger = await app.WithDbAsync(db => db.BodyMembers.Where(m => m.BodyId != council.Id).Select(m => m.Id).FirstOrDefaultAsync(), "haskovo");
        var refused = await official.PostAsync(manage + "?handler=Present", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Forms.Token(page)), new("present", boxes[0]), new("present", (stranger == Guid.Empty ? Guid.NewGuid() : stranger).ToString())]));
        refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("Отбелязаните трябва да са членове на органа към датата на заседанието.");
        (await official.PostAsync(manage + "?handler=Present", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Forms.Token(page)), new("present", "не-е-идентификатор")]))).StatusCode.ShouldNotBe(HttpStatusCode.InternalServerError);

        (await official.PostAsync(manage + "?handler=Present", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Forms.Token(page)), new("present", boxes[0]), new("present", boxes[1]), new("present", boxes[1])]))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Meetings.Where(m => m.Id == meeting.Id).Select(m => m.Attendance).SingleAsync(), "haskovo")).ShouldBe(2);
        var present = await app.WithDbAsync(db => db.BodyMembers.Where(m => m.Id == Guid.Parse(boxes[0])).Select(m => m.PublicName).SingleAsync(), "haskovo");

        var anonymous = await app.As(null);
        var meetingPage = await anonymous.GetPageAsync($"/t/haskovo/bodies/{council.Id}/meetings/{meeting.Id}");
        meetingPage.QuerySelectorAll("#present li").Length.ShouldBe(2);
        meetingPage.GetElementById("present")!.TextContent.ShouldContain(present);
        var body = await anonymous.GetPageAsync($"/t/haskovo/bodies/{council.Id}");
        var row = body.QuerySelectorAll("#members tbody tr").Single(r => r.QuerySelector("td")!.TextContent == present);
        row.TextContent.ShouldContain("1 от 1 заседания");
        body.QuerySelectorAll("#members tbody tr").Count(r => r.TextContent.Contains("0 от 1 заседания", StringComparison.Ordinal)).ShouldBeGreaterThan(0);

        // A planned meeting has no attendance yet; another administration's official cannot record any.
        var planned = await app.WithDbAsync(db => db.Meetings.Where(m => m.BodyId == council.Id && m.Status == MeetingStatus.Planned).FirstOrDefaultAsync(), "haskovo");
        if (planned is not null)
        {
            var plannedUrl = $"/t/haskovo/bodies/{council.Id}/meetings/{planned.Id}/manage";
            (await official.PostAsync(plannedUrl + "?handler=Present", new FormUrlEncodedContent([new("__RequestVerificationToken", Forms.Token(page)), new("present", boxes[0])])))
                .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        }
        var sliven = await app.As("official.sliven@example.org");
        var token = Forms.Token(await sliven.GetPageAsync("/bodies/new"));
        (await sliven.PostAsync($"/bodies/{council.Id}/meetings/{meeting.Id}/manage?handler=Present", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("present", boxes[0])]))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Each_agenda_item_has_its_own_documents()
    {
        var council = await Council();
        var meeting = await Held(council.Id);
        var item = await app.WithDbAsync(db => db.AgendaItems.Where(a => a.MeetingId == meeting.Id).OrderBy(a => a.Number).FirstAsync(), "haskovo");
        var url = $"/t/haskovo/bodies/{council.Id}/meetings/{meeting.Id}/items/{item.Id}/documents";
        var official = await app.As("official.haskovo@example.org", "/t/haskovo");
        (await official.GetPageAsync($"/t/haskovo/bodies/{council.Id}/meetings/{meeting.Id}/manage")).QuerySelector($"a[href='{url}']").ShouldNotBeNull();
        var form = new MultipartFormDataContent
        {
            { new StringContent(Forms.Token(await official.GetPageAsync(url))), "__RequestVerificationToken" },
            { new StringContent("Проект на решение по точка 1"), "Document.Title" },
            { new StringContent("Draft"), "Document.Type" },
        };
        form.Add(new ByteArrayContent(DemoPdf.Create("item")), "DocumentFile", "reshenie.pdf");
        (await official.PostAsync(url + "?handler=Document", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var meetingPage = await (await app.As(null)).GetPageAsync($"/t/haskovo/bodies/{council.Id}/meetings/{meeting.Id}");
        var first = meetingPage.QuerySelector("#agenda > li")!;
        first.QuerySelector("#item-documents-1")!.TextContent.ShouldContain("Проект на решение по точка 1");
        // Not among the meeting's own documents.
        meetingPage.GetElementById("documents")!.TextContent.ShouldNotContain("Проект на решение по точка 1");

        (await (await app.As("citizen@example.org", "/t/haskovo")).GetAsync(url)).ShouldRedirectTo("access-denied");
        var sliven = await app.As("official.sliven@example.org");
        (await sliven.GetAsync(url.Replace("/t/haskovo", "", StringComparison.Ordinal))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // An item of another meeting under this meeting's address is not found.
        var other = await app.WithDbAsync(db => db.AgendaItems.Where(a => a.MeetingId != meeting.Id).Select(a => a.Id).FirstAsync(), "haskovo");
        (await official.GetAsync($"/t/haskovo/bodies/{council.Id}/meetings/{meeting.Id}/items/{other}/documents")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
