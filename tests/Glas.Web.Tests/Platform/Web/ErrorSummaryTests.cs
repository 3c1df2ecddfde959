using System.Net;
using Glas.Web.Tests.TestSupport;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.Web;

[Trait("Category", "Integration")]
public class ErrorSummaryTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    [Fact]
    public async Task The_error_summary_names_the_field_of_each_message_and_links_to_it()
    {
        var client = app.Client(followRedirects: false);
        await client.SignInAsync("admin.levski@example.org", prefix: "/t/levski");
        var form = await client.GetPageAsync("/t/levski/admin");
        var response = await client.PostAsync("/t/levski/admin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.Token(form),
            ["Input.NameBg"] = "",
            ["Input.NameEn"] = "Levski Municipality",
            ["Input.ContactEmail"] = "not an address",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        var lines = page.QuerySelectorAll(".error-summary li a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        lines.ShouldContain(("#Input_NameBg", "Наименование на български: Полето е задължително."));
        lines.ShouldContain(l => l.Item1 == "#Input_ContactEmail" && l.Item2.StartsWith("Имейл за контакт: ", StringComparison.Ordinal));
        // Beside the field itself the message stays short: the label is right above it.
        page.FieldError("Input.NameBg").ShouldBe("Полето е задължително.");
    }
}
