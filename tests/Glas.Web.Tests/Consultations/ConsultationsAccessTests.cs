using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Glas.Web.Consultations;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static Glas.Web.Tests.Consultations.ConsultationSteps;

namespace Glas.Web.Tests.Consultations;

/// <summary>Who may do what with consultations, across roles and tenants, and what the open data shows.</summary>
[Trait("Category", "Integration")]
public class ConsultationsAccessTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private async Task<HttpClient> As(string? email, string prefix = "")
    {
        var client = app.Client(followRedirects: false);
        if (email is not null)
        {
            await client.SignInAsync(email, prefix: prefix);
        }
        return client;
    }

    private Task<Guid> Demo(string slug) =>
        app.WithDbAsync(db => db.Consultations.Select(c => c.Id).SingleAsync(), slug);

    public static TheoryData<string?, bool> OfficialPages => new()
    {
        { null, false }, { "citizen@example.org", false }, { "moderator.sliven@example.org", false },
        { "official.sliven@example.org", true }, { "admin.sliven@example.org", true }, { "official.levski@example.org", false },
    };

    [Theory]
    [MemberData(nameof(OfficialPages))]
    public async Task Only_officials_of_the_tenant_create_and_manage(string? who, bool allowed)
    {
        var client = await As(who, who?.Contains("levski", StringComparison.Ordinal) == true ? "/t/levski" : "");
        var id = await Demo("sliven");
        foreach (var url in new[] { "/consultations/edit", $"/consultations/{id}/manage", $"/consultations/{id}/report/edit" })
        {
            var response = await client.GetAsync(url);
            if (allowed)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
                response.Headers.Location!.ToString().ShouldContain(who is null ? "/account/login" : "/account/access-denied");
            }
        }
        if (!allowed)
        {
            // A forged post with a valid antiforgery token of the caller's own session changes nothing.
            var token = await client.TokenAsync("/rules");
            var post = await client.PostAsync($"/consultations/{id}/manage?handler=withdraw", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["reason"] = "опит",
                ["confirm"] = "true",
            }));
            post.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await app.WithDbAsync(db => db.Consultations.Where(c => c.Id == id).Select(c => c.Status).SingleAsync(), "sliven")).ShouldBe(ConsultationStatus.Open);
        }
    }

    [Fact]
    public async Task Another_tenant_sees_nothing_of_a_consultation_by_its_id()
    {
        var sliven = await Demo("sliven");
        var levskiOfficial = await As("official.levski@example.org", "/t/levski");
        foreach (var url in new[]
        {
            $"/t/levski/consultations/{sliven}", $"/t/levski/consultations/{sliven}/units/1", $"/t/levski/consultations/{sliven}/manage",
            $"/t/levski/consultations/{sliven}/report", $"/t/levski/consultations/{sliven}/report.csv", $"/t/levski/api/v1/consultations/{sliven}",
            $"/t/levski/api/v1/consultations/{sliven}/comments", $"/t/levski/api/v1/consultations/{sliven}/strategy-bg",
        })
        {
            (await levskiOfficial.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
        }
        var token = Forms.Token(await levskiOfficial.GetPageAsync("/t/levski/rules"));
        var withdraw = await levskiOfficial.PostAsync($"/t/levski/consultations/{sliven}/manage?handler=withdraw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["reason"] = "чужда",
            ["confirm"] = "true",
        }));
        withdraw.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await levskiOfficial.GetFromJsonAsync<JsonElement>("/t/levski/api/v1/consultations");
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldNotContain(sliven);
    }

    [Fact]
    public async Task Open_data_shows_display_names_only_and_the_strategy_bg_keys()
    {
        var id = await Demo("sliven");
        var client = await As(null);
        var comments = await client.GetStringAsync($"/api/v1/consultations/{id}/comments");
        comments.ShouldNotContain("citizen@example.org");
        comments.ShouldNotContain("ngo@example.org");
        comments.ShouldContain("\"authorName\":\"Мария Гражданка\"");
        comments.ShouldContain("\"authorName\":\"Анонимно\"");

        var export = await client.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{id}/strategy-bg");
        var keys = export.EnumerateObject().Select(p => p.Name).ToList();
        keys.ShouldBe(["reg_num", "name", "description", "consultation_type", "act_type", "date_open", "date_close", "short_term_reason", "active", "policy_area",
            "responsible_institution", "proposal_ways", "contacts", "comments", "files"]);
        export.GetProperty("consultation_type").GetString().ShouldBe("Общинско");
        export.GetProperty("act_type").GetString().ShouldBe("Акт на общински съвет");
        export.GetProperty("active").GetBoolean().ShouldBeTrue();
        export.GetProperty("responsible_institution").GetProperty("name").GetString().ShouldBe("Община Сливен");
        export.GetProperty("comments")[0].EnumerateObject().Select(p => p.Name).ShouldBe(["date", "author_name", "text"]);
        export.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("type").GetString()).ShouldBe(["проект на акт", "мотиви"]);
        export.ToString().ShouldNotContain("citizen@example.org");

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/consultations/{id}");
        detail.GetProperty("units").GetArrayLength().ShouldBe(22);
        detail.GetProperty("status").GetString().ShouldBe("Open");
    }

    [Theory]
    [InlineData("status=Open", 1)]
    [InlineData("status=Closed", 0)]
    [InlineData("actType=Budget", 0)]
    [InlineData("policyArea=PublicOrder", 1)]
    [InlineData("q=обществения", 1)]
    [InlineData("q=ОБЩЕСТВЕНИЯ", 1)]
    [InlineData("q=%25", 0)]
    [InlineData("q=' OR 1=1 --", 0)]
    [InlineData("q=<script>", 0)]
    [InlineData("page=-4", 1)]
    public async Task The_list_filters_and_shrugs_off_hostile_parameters(string query, int expected)
    {
        var client = await As(null);
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/consultations?" + query);
        list.GetProperty("total").GetInt32().ShouldBe(expected, query);
        (await client.GetAsync("/consultations?" + query)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("status=Draft")] // drafts are never listed
    [InlineData("status=bogus")]
    [InlineData("status=%F0%9F%8E%89")]
    [InlineData("actType=1")]
    [InlineData("policyArea=<script>")]
    [InlineData("year=1800")]
    public async Task The_api_refuses_an_unknown_filter_value_and_the_page_shrugs_it_off(string query)
    {
        var client = await As(null);
        var response = await client.GetAsync("/api/v1/consultations?" + query);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await client.GetAsync("/consultations?" + query)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Hostile_and_oversized_comments_are_refused_or_rendered_inert()
    {
        var id = await Demo("sliven");
        var citizen = await As("citizen@example.org");
        const string hostile = "<img src=x onerror=alert(1)> '; DELETE FROM \"Comments\";-- Аdmin 🎉";
        (await CommentAsync(citizen, id, hostile, unit: 6)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var html = await (await client().GetAsync($"/consultations/{id}/units/6")).Content.ReadAsStringAsync();
        html.ShouldNotContain("<img src=x");
        html.ShouldContain("&lt;img src=x onerror=alert(1)&gt;");
        (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.Text == hostile), "sliven")).ShouldBe(1);

        var tooLong = await (await CommentAsync(citizen, id, new string('я', 5001), unit: 6)).ParseAsync();
        tooLong.FieldError("Comment.Text").ShouldBe("Коментарът е твърде дълъг: най-много 5000 знака, а сега са 5001.");
        var empty = await (await CommentAsync(citizen, id, "   ", unit: 6)).ParseAsync();
        empty.FieldError("Comment.Text").ShouldBe("Полето е задължително.");
        var control = await (await CommentAsync(citizen, id, "текст\u0007звънец", unit: 6)).ParseAsync();
        control.FieldError("Comment.Text").ShouldContain("управляващи знаци");
        var bidi = await (await CommentAsync(citizen, id, "Съгласен \u202Eотсреща\u202C и \u2066изолиран\u2069", unit: 6)).ParseAsync();
        bidi.FieldError("Comment.Text").ShouldContain("знаци за посока на текста");
        bidi.QuerySelector("textarea[name='Comment.Text']")!.TextContent.ShouldContain("отсреща");
        (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.Text.Contains("отсреща") || c.Text.Contains("изолиран")), "sliven")).ShouldBe(0);
        (await client().GetAsync($"/consultations/{id}/units/999")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        HttpClient client() => app.Client();
    }

    [Fact]
    public async Task Anonymous_visitors_cannot_comment_support_or_follow()
    {
        var id = await Demo("sliven");
        var anonymous = await As(null);
        var before = await app.WithDbAsync(db => db.Comments.CountAsync(c => c.SubjectId == id), "sliven");
        foreach (var handler in new[] { "comment", "support", "flag", "follow", "rate" })
        {
            var response = await PostAsync(anonymous, $"/consultations/{id}", handler, new() { ["Comment.Text"] = "x", ["commentId"] = Guid.NewGuid().ToString(), ["reason"] = "x", ["follow"] = "true", ["score"] = "5" });
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, handler);
            response.Headers.Location!.ToString().ShouldContain("/account/login");
        }
        (await app.WithDbAsync(db => db.Comments.CountAsync(c => c.SubjectId == id), "sliven")).ShouldBe(before);
        (await app.WithDbAsync(db => db.Follows.IgnoreQueryFilters().CountAsync(f => f.SubjectId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task The_atom_feed_lists_published_consultations()
    {
        var feed = await app.Client().GetAsync("/consultations/feed.atom");
        feed.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        var xml = System.Xml.Linq.XDocument.Parse(await feed.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        xml.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ShouldBe(["Наредба за обществения ред на територията на Община Сливен"]);
    }

    [Fact]
    public async Task Home_pages_show_what_is_open_and_flag_overdue_reports()
    {
        (await app.Client().GetPageAsync("/")).QuerySelector("#open-now + ul h3")!.TextContent.ShouldBe("Наредба за обществения ред на територията на Община Сливен");
        var haskovo = await app.Client().GetPageAsync("/t/haskovo/");
        haskovo.QuerySelector("#overdue").ShouldBeNull(); // closed 15 days ago: not overdue yet
        app.Clock.Advance(TimeSpan.FromDays(16));
        try
        {
            (await app.Client().GetPageAsync("/t/haskovo/")).QuerySelector("#overdue")!.ParentElement!.TextContent.ShouldContain("Програма за управление на отпадъците");
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-16));
        }
    }
}
