using System.Net;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Participation.Comments;

/// <summary>Each rendered comment form is one submission: sent again, it adds nothing more.</summary>
[Trait("Category", "Integration")]
public class CommentSubmissionTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    [Fact]
    public async Task A_form_sent_again_adds_its_comment_once()
    {
        var citizen = app.Client(followRedirects: false);
        await citizen.SignInAsync("citizen@example.org");
        var id = await app.WithDbAsync(db => db.Projects.OrderBy(p => p.CreatedAt).Select(p => p.Id).FirstAsync(), "sliven");
        var url = $"/projects/{id}";
        var before = await app.WithDbAsync(db => db.Comments.CountAsync(c => c.SubjectKind == "project" && c.SubjectId == id), "sliven");
        var page = await citizen.GetPageAsync(url);
        var form = page.QuerySelector("form.comment-form")!;
        var submission = form.QuerySelector("input[name=Submission]")!.GetAttribute("value")!;
        Guid.TryParse(submission, out _).ShouldBeTrue();
        // Another rendering of the form is another submission.
        (await citizen.GetPageAsync(url)).QuerySelector("form.comment-form input[name=Submission]")!.GetAttribute("value").ShouldNotBe(submission);

        Task<HttpResponseMessage> Send(string key, string text) => citizen.PostAsync($"{url}?handler=Comment", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.Token(page), ["Comment"] = text, ["Submission"] = key,
        }));
        // Sent, then sent again (the answer was lost), then twice at once: each answered as done.
        (await Send(submission, "Ще има ли нови пейки?")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Send(submission, "Ще има ли нови пейки?")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var twin = Guid.NewGuid().ToString();
        var both = await Task.WhenAll(Send(twin, "А кошчета за отпадъци?"), Send(twin, "А кошчета за отпадъци?"));
        both.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.SubjectKind == "project" && c.SubjectId == id), "sliven")).ShouldBe(before + 2);

        // A submission id that is not one is ignored, not an error: the comment is posted.
        (await Send("'; DROP TABLE \"Comments\";--", "И осветление?")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.SubjectKind == "project" && c.SubjectId == id), "sliven")).ShouldBe(before + 3);
    }
}
