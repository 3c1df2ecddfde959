using System.Net;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Projects;

/// <summary>What a project comment may contain, and the same comment twice.</summary>
[Trait("Category", "Integration")]
public class ProjectCommentsTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private async Task<(HttpClient Client, string Url, Guid Id)> CitizenOnProjectAsync()
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("citizen@example.org");
        var id = await app.WithDbAsync(db => db.Projects.OrderBy(p => p.CreatedAt).Select(p => p.Id).FirstAsync(), "sliven");
        return (client, $"/projects/{id}", id);
    }

    private static async Task<HttpResponseMessage> CommentAsync(HttpClient client, string url, string text)
    {
        var token = Forms.Token(await client.GetPageAsync(url));
        return await client.PostAsync($"{url}?handler=Comment", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Comment"] = text }));
    }

    [Fact]
    public async Task Direction_and_control_characters_are_refused_and_the_text_kept()
    {
        var (citizen, url, id) = await CitizenOnProjectAsync();
        foreach (var text in new[] { "Кой плаща \u202Eтова\u202C?", "изолиран \u2067текст\u2069", "звънец\u0007" })
        {
            var page = await (await CommentAsync(citizen, url, text)).ParseAsync();
            page.FieldError("Comment").ShouldBe("Текстът съдържа непозволени управляващи знаци.");
            page.QuerySelector("textarea[name='Comment']")!.TextContent.ShouldNotBeEmpty();
        }
        (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.SubjectKind == "project" && c.SubjectId == id), "sliven")).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_comment_twice_on_a_project_within_a_day_is_refused()
    {
        var (citizen, url, id) = await CitizenOnProjectAsync();
        (await CommentAsync(citizen, url, "Кога  започва ремонтът?")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = await (await CommentAsync(citizen, url, "Кога започва\r\nремонтът? ")).ParseAsync();
        again.FieldError("Comment").ShouldBe("Вече публикувахте същия текст тук през последните 24 часа.");
        again.QuerySelector("textarea[name='Comment']")!.TextContent.ShouldContain("Кога започва");
        var other = app.Client(followRedirects: false);
        await other.SignInAsync("ngo@example.org");
        (await CommentAsync(other, url, "Кога започва ремонтът?")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        app.Clock.Advance(TimeSpan.FromHours(25));
        try
        {
            (await CommentAsync(citizen, url, "Кога започва ремонтът?")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromHours(-25));
        }
        (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.SubjectKind == "project" && c.SubjectId == id), "sliven")).ShouldBe(3);
    }
}
