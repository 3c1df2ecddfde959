using System.Net;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static Glas.Web.Tests.Consultations.ConsultationSteps;

namespace Glas.Web.Tests.Consultations;

public sealed class StrictParticipationFactory : GlasFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Glas:RateLimits:ParticipationPerMinute"] = "3",
        ["Glas:RateLimits:ParticipationPerAddressPerMinute"] = "5",
    };
}

/// <summary>One account, and one address, can only write so often; a refused form keeps its text and says when to try again.</summary>
[Trait("Category", "Integration")]
public class ParticipationLimitTests(StrictParticipationFactory app) : IClassFixture<StrictParticipationFactory>
{
    private async Task<HttpClient> As(string email)
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync(email);
        return client;
    }

    [Fact]
    public async Task Writes_beyond_the_limits_are_refused_with_429_a_message_and_the_text_kept()
    {
        var official = await As("official.sliven@example.org");
        var id = await OpenAsync(app, official);
        var citizen = await As("citizen@example.org");

        for (var i = 1; i <= 3; i++)
        {
            (await CommentAsync(citizen, id, $"Предложение {i}.", unit: 2)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var refused = await CommentAsync(citizen, id, "Четвърто предложение, което не бива да се губи.", unit: 2);
        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        var seconds = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        seconds.ShouldBeInRange(1, 60);
        var page = await refused.ParseAsync();
        page.FieldError("Comment.Text").ShouldBe($"Твърде много действия за кратко време: това не е записано. Опитайте отново след {seconds} секунди; написаното остава във формата.");
        page.QuerySelector("textarea[name='Comment.Text']")!.TextContent.ShouldContain("Четвърто предложение, което не бива да се губи.");
        (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.SubjectId == id), "sliven")).ShouldBe(3);

        // Supports count too; another account from the same address meets the address limit.
        var proposal = await app.WithDbAsync(db => db.Comments.Where(c => c.SubjectId == id).Select(c => c.Id).FirstAsync(), "sliven");
        var ngo = await As("ngo@example.org");
        (await PostAsync(ngo, $"/consultations/{id}/units/2", "support", new() { ["commentId"] = proposal.ToString() })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var support = await PostAsync(ngo, $"/consultations/{id}/units/2", "support", new() { ["commentId"] = proposal.ToString() });
        support.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        (await support.ParseAsync()).QuerySelector(".error-summary")!.TextContent.ShouldContain("Твърде много действия за кратко време");

        // A minute later the window is new.
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        (await CommentAsync(citizen, id, "Четвърто предложение, което не бива да се губи.", unit: 2)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Project comments share the limit.
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var project = await app.WithDbAsync(db => db.Projects.OrderBy(p => p.CreatedAt).Select(p => p.Id).FirstAsync(), "sliven");
        var url = $"/projects/{project}";
        async Task<HttpResponseMessage> ProjectComment(string text)
        {
            var token = Forms.Token(await citizen.GetPageAsync(url));
            return await citizen.PostAsync($"{url}?handler=Comment", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Comment"] = text }));
        }
        for (var i = 1; i <= 3; i++)
        {
            (await ProjectComment($"Въпрос {i} по проекта.")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var late = await ProjectComment("Четвърти въпрос по проекта.");
        late.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        late.Headers.Contains("Retry-After").ShouldBeTrue();
        var latePage = await late.ParseAsync();
        latePage.FieldError("Comment").ShouldStartWith("Твърде много действия за кратко време: коментарът не е записан.");
        latePage.QuerySelector("textarea[name='Comment']")!.TextContent.ShouldContain("Четвърти въпрос по проекта.");
        (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.SubjectKind == "project" && c.SubjectId == project), "sliven")).ShouldBe(3);
    }
}
