using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Glas.Web.ParticipationIndex;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.ParticipationIndex;

[Trait("Category", "Integration")]
public class IndexHttpTests(GlasFactory app) : IClassFixture<GlasFactory>
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

    private static Dictionary<string, string> Form(IReadOnlyList<IndicatorSetting> settings, string? note = null)
    {
        var form = new Dictionary<string, string>();
        for (var i = 0; i < settings.Count; i++)
        {
            form[$"Items[{i}].Code"] = settings[i].Code;
            form[$"Items[{i}].Weight"] = settings[i].Weight.ToString(System.Globalization.CultureInfo.InvariantCulture).Replace('.', ',');
            form[$"Items[{i}].Lower"] = settings[i].Lower.ToString(System.Globalization.CultureInfo.InvariantCulture);
            form[$"Items[{i}].Upper"] = settings[i].Upper.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (note is not null)
        {
            form["Note"] = note;
        }
        return form;
    }

    [Theory]
    [InlineData("sliven")]
    [InlineData("levski")]
    [InlineData("haskovo")]
    [InlineData("ruse-oblast")]
    [InlineData("yugoiztochen")]
    public async Task Every_demo_administration_has_an_index_for_at_least_two_periods(string slug)
    {
        var client = await As(null);
        var response = await client.GetAsync($"/t/{slug}/api/v1/participation-index");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        json.RootElement.GetProperty("administration").GetString().ShouldBe(slug);
        var periods = json.RootElement.GetProperty("periods").EnumerateArray().ToList();
        periods.Count.ShouldBe(11);
        periods.Count(p => p.GetProperty("index").ValueKind == JsonValueKind.Number).ShouldBeGreaterThanOrEqualTo(2);
        periods.ShouldAllBe(p => p.GetProperty("methodologyVersion").GetInt32() == 1);
        periods[0].GetProperty("indicators").GetArrayLength().ShouldBe(IndexIndicators.All.Count);

        var page = await client.GetPageAsync($"/t/{slug}/participation-index");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Индекс на гражданското участие");
        page.GetElementById("years-table").ShouldNotBeNull();
        page.GetElementById("indicators").ShouldNotBeNull();
        (await client.GetPageAsync($"/t/{slug}/participation-index/methodology")).GetElementById("methodology")!.QuerySelectorAll("tbody tr").Length.ShouldBe(IndexIndicators.All.Count);
    }

    [Fact]
    public async Task The_association_compares_its_member_municipalities()
    {
        var page = await (await As(null)).GetPageAsync("/t/yugoiztochen/participation-index");
        var rows = page.GetElementById("members")!.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        rows.Count.ShouldBe(4);
        rows.ShouldContain(r => r.Contains("Община Сливен", StringComparison.Ordinal));
        rows.Count(r => r.Contains("не използва платформата", StringComparison.Ordinal)).ShouldBe(3);
        page.GetElementById("members")!.QuerySelector("a")!.GetAttribute("href")!.ShouldEndWith("/participation-index");
    }

    [Fact]
    public async Task Csv_and_xlsx_hold_the_same_rows_as_the_api()
    {
        var client = await As(null);
        var csv = await client.GetAsync("/api/v1/participation-index.csv?kind=year");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldStartWith("period,kind,start,end,methodology_version,index");
        lines.Length.ShouldBe(1 + 3 * IndexIndicators.All.Count);
        lines.Skip(1).ShouldAllBe(l => l.Contains(",year,", StringComparison.Ordinal));

        var xlsx = await client.GetAsync("/api/v1/participation-index.xlsx");
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe(IndexApi.XlsxType);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var sheet = doc.WorkbookPart!.WorksheetParts.Single().Worksheet;
        sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count().ShouldBe(1 + 11 * IndexIndicators.All.Count);

        var bad = await client.GetAsync("/api/v1/participation-index?kind=<script>");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        bad.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await client.GetAsync("/api/v1/participation-index.csv?kind=1%27%20OR%201=1")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/participation-index?period=2025-Q9")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/participation-index?period=2031")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static void Denied(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }

    [Fact]
    public async Task Only_the_administrations_own_administrator_changes_the_methodology()
    {
        (await (await As(null)).GetAsync("/participation-index/manage")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        Denied(await (await As("citizen@example.org")).GetAsync("/participation-index/manage"));
        Denied(await (await As("official.sliven@example.org")).GetAsync("/participation-index/manage"));
        // Левски's administrator is nobody in Сливен: neither the page nor its post.
        var levski = await As("admin.levski@example.org", "/t/levski");
        Denied(await levski.GetAsync("/participation-index/manage"));
        var token = Forms.Token(await levski.GetPageAsync("/t/levski/participation-index/manage"));
        Denied(await levski.PostAsync("/participation-index/manage?handler=refresh", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token })));
        (await levski.GetAsync("/t/levski/participation-index/manage")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Weights_that_do_not_add_up_and_bad_bounds_are_refused_and_a_valid_change_is_a_new_version()
    {
        var admin = await As("admin.haskovo@example.org", "/t/haskovo");
        const string url = "/t/haskovo/participation-index/manage";
        var settings = MethodologyRules.Default.ToList();

        settings[0] = settings[0] with { Weight = settings[0].Weight + 5 };
        var response = await admin.SubmitAsync(url, Form(settings));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.ParseAsync();
        page.QuerySelector(".error-summary")!.TextContent.ShouldContain("Теглата трябва да са общо 100 %, а сега са 105 %.");

        settings = MethodologyRules.Default.ToList();
        settings[1] = settings[1] with { Lower = -5 };
        settings[2] = settings[2] with { Lower = 9, Upper = 3 };
        page = await (await admin.SubmitAsync(url, Form(settings))).ParseAsync();
        page.FieldError("Items[1].Lower").ShouldBe("Границите не могат да са отрицателни.");
        page.FieldError("Items[2].Lower").ShouldBe("Долната граница трябва да е по-малка от горната.");

        var form = Form(MethodologyRules.Default);
        form["Items[3].Weight"] = "десет";
        form["Items[4].Upper"] = "";
        page = await (await admin.SubmitAsync(url, form)).ParseAsync();
        page.FieldError("Items[3].Weight").ShouldBe("Въведете число, например 12,5.");
        page.FieldError("Items[4].Upper").ShouldBe("Полето е задължително.");

        form = Form(MethodologyRules.Default, "Бележка\u202E");
        page = await (await admin.SubmitAsync(url, form)).ParseAsync();
        page.FieldError("Note").ShouldNotBeEmpty();

        (await app.WithDbAsync(db => db.IndexMethodologies.CountAsync(), "haskovo")).ShouldBe(1);

        settings = MethodologyRules.Default.ToList();
        settings[0] = settings[0] with { Weight = settings[0].Weight + 2.5m };
        settings[1] = settings[1] with { Weight = settings[1].Weight - 2.5m, Upper = 90 };
        response = await admin.SubmitAsync(url, Form(settings, "Повече тежест на консултациите <script>alert(1)</script>"));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, Forms.Trim(await response.Content.ReadAsStringAsync()));

        var versions = await app.WithDbAsync(db => db.IndexMethodologies.OrderBy(m => m.Version).ToListAsync(), "haskovo");
        versions.Select(v => v.Version).ShouldBe([1, 2]);
        versions[1].Indicators()[0].Weight.ShouldBe(10.5m);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "index.methodology"), "haskovo")).ShouldBe(1);

        using var json = JsonDocument.Parse(await (await As(null)).GetStringAsync("/t/haskovo/api/v1/participation-index"));
        json.RootElement.GetProperty("methodologyVersion").GetInt32().ShouldBe(2);
        json.RootElement.GetProperty("periods").EnumerateArray().ShouldAllBe(p => p.GetProperty("methodologyVersion").GetInt32() == 2);
        var methodology = await (await As(null)).GetPageAsync("/t/haskovo/participation-index/methodology");
        methodology.GetElementById("versions")!.TextContent.ShouldContain("Повече тежест на консултациите <script>alert(1)</script>");
        methodology.Source.Text.ShouldNotContain("<script>alert(1)</script>");

        // Another administration keeps its own methodology.
        using var other = JsonDocument.Parse(await (await As(null)).GetStringAsync("/t/levski/api/v1/participation-index"));
        other.RootElement.GetProperty("methodologyVersion").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task The_administrator_computes_the_index_again_on_demand()
    {
        var admin = await As("admin.sliven@example.org");
        await admin.GetStringAsync("/api/v1/participation-index");
        var before = await app.WithDbAsync(db => db.IndexValues.MaxAsync(v => v.ComputedAt), "sliven");
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var response = await admin.SubmitAsync("/participation-index/manage", new Dictionary<string, string>(), "refresh");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.IndexValues.MinAsync(v => v.ComputedAt), "sliven")).ShouldBeGreaterThan(before);
    }
}
