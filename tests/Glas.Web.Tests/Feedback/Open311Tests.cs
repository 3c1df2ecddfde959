using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Feedback;

/// <summary>Хасково asks for an api_key on Open311 submissions; Сливен does not.</summary>
public sealed class Open311Factory : GlasFactory
{
    public const string ApiKey = "haskovo-open311-key";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Glas:Feedback:ApiKeys:haskovo"] = ApiKey,
        ["Glas:Feedback:Areas:sliven"] = "42.55,26.15,42.80,26.50",
    };
}

/// <summary>Open311 GeoReport v2 as a client written against the specification uses it, in both formats.</summary>
[Trait("Category", "Integration")]
public class Open311Tests(Open311Factory app) : IClassFixture<Open311Factory>
{
    private readonly HttpClient client = app.Client(followRedirects: false);

    private static JsonElement[] Array(string json) => JsonDocument.Parse(json).RootElement.EnumerateArray().ToArray();

    private async Task<(HttpStatusCode Status, string Body)> Post(string url, Dictionary<string, string> fields)
    {
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static Dictionary<string, string> Good(string description = "Не свети уличната лампа пред блок 4.") => new()
    {
        ["service_code"] = "street-lighting",
        ["lat"] = "42.6824",
        ["long"] = "26.3225",
        ["email"] = "ivan@example.net",
        ["first_name"] = "Иван",
        ["last_name"] = "Петров",
        ["description"] = description,
    };

    [Fact]
    public async Task Services_and_their_definitions_in_JSON_and_XML()
    {
        var services = Array(await client.GetStringAsync("/open311/v2/services.json"));
        services.Length.ShouldBe(8);
        var lighting = services.Single(s => s.GetProperty("service_code").GetString() == "street-lighting");
        lighting.GetProperty("service_name").GetString().ShouldBe("Улично осветление");
        lighting.GetProperty("metadata").GetBoolean().ShouldBeTrue();
        lighting.GetProperty("type").GetString().ShouldBe("realtime");

        var xml = XDocument.Parse(await client.GetStringAsync("/t/haskovo/open311/v2/services.xml?jurisdiction_id=haskovo"));
        xml.Root!.Name.LocalName.ShouldBe("services");
        xml.Root.Elements("service").Count().ShouldBe(8);

        var definition = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/services/street-lighting.json")).RootElement;
        definition.GetProperty("service_code").GetString().ShouldBe("street-lighting");
        var attribute = definition.GetProperty("attributes")[0];
        attribute.GetProperty("code").GetString().ShouldBe("kind");
        attribute.GetProperty("values").EnumerateArray().Select(v => v.GetProperty("key").GetString()).ShouldBe(["signal", "proposal"]);
        var definitionXml = XDocument.Parse(await client.GetStringAsync("/open311/v2/services/street-lighting.xml"));
        definitionXml.Root!.Name.LocalName.ShouldBe("service_definition");
        definitionXml.Root.Element("attributes")!.Element("attribute")!.Element("values")!.Elements("value").Count().ShouldBe(2);

        var missing = await client.GetAsync("/open311/v2/services/nope.json");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Array(await missing.Content.ReadAsStringAsync())[0].GetProperty("code").GetInt32().ShouldBe(404);
        var wrongJurisdiction = await client.GetAsync("/open311/v2/services.xml?jurisdiction_id=haskovo");
        wrongJurisdiction.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        XDocument.Parse(await wrongJurisdiction.Content.ReadAsStringAsync()).Root!.Element("error")!.Element("code")!.Value.ShouldBe("404");
        (await client.GetAsync("/open311/v2/services.html")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var discovery = JsonDocument.Parse(await client.GetStringAsync("/open311/v2/discovery.json")).RootElement;
        discovery.GetProperty("endpoints")[0].GetProperty("url").GetString().ShouldBe("http://localhost:5080/open311/v2");
    }

    [Fact]
    public async Task Requests_are_listed_with_filters_only_public_and_without_the_sender()
    {
        var body = await client.GetStringAsync("/t/haskovo/open311/v2/requests.json");
        var all = Array(body);
        all.Length.ShouldBeGreaterThan(5);
        body.ShouldNotContain("example.org");
        body.ShouldNotContain("Мария");
        var publicCount = await app.WithDbAsync(db => db.FeedbackReports.CountAsync(r => r.IsPublic && r.CreatedAt >= app.Clock.GetUtcNow().AddDays(-90)), "haskovo");
        all.Length.ShouldBe(publicCount);
        var first = all[0];
        first.GetProperty("status").GetString().ShouldBeOneOf("open", "closed");
        first.GetProperty("requested_datetime").GetString()!.ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$");
        foreach (var name in new[] { "service_request_id", "status_notes", "service_name", "service_code", "description", "agency_responsible", "service_notice", "updated_datetime", "expected_datetime", "address", "lat", "long", "media_url" })
        {
            first.TryGetProperty(name, out _).ShouldBeTrue(name);
        }

        var closed = Array(await client.GetStringAsync("/t/haskovo/open311/v2/requests.json?status=closed&start_date=2000-01-01T00:00:00Z"));
        closed.ShouldNotBeEmpty();
        closed.ShouldAllBe(r => r.GetProperty("status").GetString() == "closed");
        closed.ShouldContain(r => r.GetProperty("status_notes").ValueKind == JsonValueKind.String);
        var older = Array(await client.GetStringAsync("/t/haskovo/open311/v2/requests.json?start_date=2000-01-01T00:00:00%2B02:00"));
        older.Length.ShouldBeGreaterThan(all.Length);
        var lights = Array(await client.GetStringAsync("/t/haskovo/open311/v2/requests.json?service_code=street-lighting&start_date=2000-01-01T00:00:00Z"));
        lights.ShouldAllBe(r => r.GetProperty("service_code").GetString() == "street-lighting");
        var ids = string.Join(',', older.Take(2).Select(r => r.GetProperty("service_request_id").GetString()));
        Array(await client.GetStringAsync($"/t/haskovo/open311/v2/requests.json?service_request_id={ids}")).Length.ShouldBe(2);

        var bad = await client.GetAsync("/t/haskovo/open311/v2/requests.json?start_date=yesterday");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Array(await bad.Content.ReadAsStringAsync())[0].GetProperty("description").GetString()!.ShouldContain("ISO 8601");
        (await client.GetAsync("/t/haskovo/open311/v2/requests.json?status=pending")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var xml = XDocument.Parse(await client.GetStringAsync("/t/haskovo/open311/v2/requests.xml"));
        xml.Root!.Name.LocalName.ShouldBe("service_requests");
        xml.Root.Elements("request").Count().ShouldBe(all.Length);

        var id = all[0].GetProperty("service_request_id").GetString();
        Array(await client.GetStringAsync($"/t/haskovo/open311/v2/requests/{id}.json"))[0].GetProperty("service_request_id").GetString().ShouldBe(id);
        XDocument.Parse(await client.GetStringAsync($"/t/haskovo/open311/v2/requests/{id}.xml")).Root!.Element("request")!.Element("service_request_id")!.Value.ShouldBe(id);
        // The same number in another administration is another report, or none.
        var hidden = await app.WithDbAsync(db => db.FeedbackReports.Where(r => !r.IsPublic).Select(r => r.Number).FirstAsync(), "haskovo");
        (await client.GetAsync($"/t/haskovo/open311/v2/requests/{hidden}.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Submissions_are_checked_field_by_field_and_nothing_half_is_stored()
    {
        var before = await app.WithDbAsync(db => db.FeedbackReports.CountAsync(), "sliven");
        var noEmail = Good();
        noEmail.Remove("email");
        noEmail["description"] = "";
        var (status, body) = await Post("/open311/v2/requests.json", noEmail);
        status.ShouldBe(HttpStatusCode.BadRequest);
        var errors = Array(body).Select(e => e.GetProperty("description").GetString()).ToList();
        errors.ShouldContain(e => e!.StartsWith("email:", StringComparison.Ordinal));
        errors.ShouldContain(e => e!.StartsWith("description:", StringComparison.Ordinal));
        Array(body)[0].GetProperty("code").GetInt32().ShouldBe(400);

        foreach (var (field, value, expected) in new[]
        {
            ("service_code", "potholes", "service_code:"),
            ("lat", "42.1354", "lat/long:"), // Пловдив: in Bulgaria, outside Сливен's area
            ("lat", "x' OR 1=1 --", "lat/long:"),
            ("description", "Лампа\u202E", "description:"),
            ("description", new string('а', 5001), "description:"),
            ("email", "not-an-address", "email:"),
            ("first_name", "Иван\u200F\u202D", "first_name:"),
        })
        {
            var fields = Good();
            fields[field] = value;
            var (s, b) = await Post("/open311/v2/requests.xml", fields);
            s.ShouldBe(HttpStatusCode.BadRequest, $"{field}={value}");
            XDocument.Parse(b).Root!.Name.LocalName.ShouldBe("errors");
            b.ShouldContain(expected);
        }
        var noPlace = Good();
        noPlace.Remove("lat");
        noPlace.Remove("long");
        (await Post("/open311/v2/requests.json", noPlace)).Body.ShouldContain("address_string:");
        (await client.PostAsync("/open311/v2/requests.json", new StringContent("{\"description\":\"x\"}", System.Text.Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.WithDbAsync(db => db.FeedbackReports.CountAsync(), "sliven")).ShouldBe(before);

        var good = Good("<img src=x onerror=alert(1)> Не свети лампата 💡");
        good["attribute[kind]"] = "proposal";
        var (created, json) = await Post("/open311/v2/requests.json", good);
        created.ShouldBe(HttpStatusCode.OK, json);
        var answer = Array(json)[0];
        var id = answer.GetProperty("service_request_id").GetString()!;
        answer.GetProperty("service_notice").GetString().ShouldBe($"Регистриран под № {id}.");
        var token = answer.GetProperty("token").GetString();
        Array(await client.GetStringAsync($"/open311/v2/tokens/{token}.json"))[0].GetProperty("service_request_id").GetString().ShouldBe(id);
        (await client.GetAsync("/open311/v2/tokens/nope.json")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var read = Array(await client.GetStringAsync($"/open311/v2/requests/{id}.json"))[0];
        read.GetProperty("status").GetString().ShouldBe("open");
        read.GetProperty("description").GetString().ShouldBe("<img src=x onerror=alert(1)> Не свети лампата 💡");
        var stored = await app.WithDbAsync(db => db.FeedbackReports.SingleAsync(r => r.Number == id), "sliven");
        stored.ReporterEmail.ShouldBe("ivan@example.net");
        stored.ReporterUserId.ShouldBeNull();
        stored.Kind.ShouldBe(Glas.Web.Feedback.FeedbackKind.Proposal);
        (await app.WaitForMailAsync("ivan@example.net", id)).ShouldContain("Регистриран");
    }

    [Fact]
    public async Task An_administration_with_an_api_key_refuses_submissions_without_it()
    {
        var fields = Good();
        fields["lat"] = "41.9344";
        fields["long"] = "25.5555";
        var (none, body) = await Post("/t/haskovo/open311/v2/requests.json", fields);
        none.ShouldBe(HttpStatusCode.Forbidden);
        Array(body)[0].GetProperty("code").GetInt32().ShouldBe(403);
        fields["api_key"] = "haskovo-open311-kez";
        (await Post("/t/haskovo/open311/v2/requests.json", fields)).Status.ShouldBe(HttpStatusCode.Forbidden);
        fields["api_key"] = Open311Factory.ApiKey;
        fields["jurisdiction_id"] = "sliven";
        (await Post("/t/haskovo/open311/v2/requests.xml", fields)).Status.ShouldBe(HttpStatusCode.NotFound);
        fields["jurisdiction_id"] = "haskovo";
        var (ok, xml) = await Post("/t/haskovo/open311/v2/requests.xml", fields);
        ok.ShouldBe(HttpStatusCode.OK, xml);
        XDocument.Parse(xml).Root!.Element("request")!.Element("service_request_id")!.Value.ShouldMatch(@"^\d{4}-\d{6}$");
    }

    [Fact]
    public async Task Concurrent_submissions_get_consecutive_numbers_without_gaps_or_twins()
    {
        // Another sender than the other tests', whose e-mails they read.
        Dictionary<string, string> Fields(string description) => new(Good(description)) { ["email"] = "maria.numbers@example.net" };
        var posts = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Post("/open311/v2/requests.json", Fields($"Не свети лампа № {i} на ул. „Цар Освободител“."))));
        posts.ShouldAllBe(p => p.Status == HttpStatusCode.OK);
        var numbers = posts.Select(p => Array(p.Body)[0].GetProperty("service_request_id").GetString()!).Order(StringComparer.Ordinal).ToList();
        numbers.Distinct().Count().ShouldBe(8);
        var sequences = numbers.Select(n => int.Parse(n[5..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        sequences.ShouldBe(Enumerable.Range(sequences[0], 8).ToList());
        // The next one continues from there.
        var (status, body) = await Post("/open311/v2/requests.json", Fields("Не свети и лампата на ъгъла."));
        status.ShouldBe(HttpStatusCode.OK, body);
        int.Parse(Array(body)[0].GetProperty("service_request_id").GetString()![5..], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(sequences[^1] + 1);
    }
}
