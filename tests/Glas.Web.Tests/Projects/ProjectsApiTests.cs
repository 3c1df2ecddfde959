using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Glas.Web.Projects;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Projects;

/// <summary>The register's JSON API, imports and exports: authorization, tenant isolation, history, hostile input.</summary>
[Trait("Category", "Integration")]
public class ProjectsApiTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private async Task<HttpClient> As(string? email, string prefix = "")
    {
        var client = app.Client(followRedirects: false);
        if (email is not null)
        {
            await client.SignInAsync(email, prefix: prefix);
        }
        return client;
    }

    private Task<Guid> ProjectId(string slug, string title) =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Title == title).Select(p => p.Id).SingleAsync(), slug);

    private static object NewProject(string code, string title = "Тестов проект", decimal total = 1000.00m) => new
    {
        code,
        title,
        role = "Beneficiary",
        currency = "EUR",
        status = "InProgress",
        totalValue = total,
        grant = total,
        ownCofinancing = 0.00m,
        startDate = "2026-02-01",
        endDate = "2027-01-31",
        programme = "Програма „Тест“",
        partners = new[] { new { name = "Сдружение „Тест“", eik = "123456789" } },
    };

    private static async Task<ProjectDto> Read(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<ProjectDto>(Web))!;

    private static async Task ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status, string? contains = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        if (contains is not null)
        {
            // The JSON may escape non-ASCII text; compare what it says, not how it is written.
            using var json = JsonDocument.Parse(body);
            var text = json.RootElement.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
            if (json.RootElement.TryGetProperty("errors", out var errors))
            {
                text += " " + string.Join(" ", errors.EnumerateObject().SelectMany(e => e.Value.EnumerateArray()).Select(e => e.GetString()));
            }
            text.ShouldContain(contains, Case.Sensitive, body);
        }
    }

    [Fact]
    public async Task The_seed_projects_have_their_exact_numbers()
    {
        var client = await As(null);
        async Task<ProjectDto> Seed(string slug)
        {
            var list = await client.GetFromJsonAsync<ProjectListDto>($"/t/{slug}/api/v1/projects", Web);
            list!.Total.ShouldBe(1);
            return (await client.GetFromJsonAsync<ProjectDto>($"/t/{slug}/api/v1/projects/{list.Items[0].Id}", Web))!;
        }

        var sliven = await Seed("sliven");
        (sliven.Currency, sliven.TotalValue, sliven.Grant, sliven.OwnContribution, sliven.OwnBudgetSpent).ShouldBe(("BGN", 59572.80m, 59572.80m, 0.00m, 0.00m));
        sliven.Years.ShouldBe([2022, 2023]);
        sliven.Role.ShouldBe("Partner");
        sliven.LeadOrganisation!.Name.ShouldBe("Регионален център за икономическо развитие");
        sliven.Partners.Select(p => p.Name).ShouldBe(["Община Сливен"]);
        sliven.SpecificGoals.Count.ShouldBe(5);

        var levski = await Seed("levski");
        (levski.Code, levski.TotalValue, levski.GrantEu, levski.GrantNational).ShouldBe(("BG05SFOP001-2.025-0218", 57834.00m, 49158.90m, 8675.10m));
        (levski.GrantEu + levski.GrantNational).ShouldBe(levski.Grant);
        (levski.ContractNumber, levski.ContractDate).ShouldBe(("BG05SFOP001-2.025-0218-С01", new DateOnly(2022, 8, 11)));
        (levski.StartDate, levski.EndDate).ShouldBe((new DateOnly(2022, 8, 11), new DateOnly(2023, 12, 31)));
        levski.LeadOrganisation!.Name.ShouldBe("Сдружение „Без граници“");
        (levski.SpecificGoals.Count, levski.Activities.Count, levski.TargetGroups.Count, levski.ExpectedResults.Count).ShouldBe((5, 5, 4, 4));

        var haskovo = await Seed("haskovo");
        (haskovo.TotalValue, haskovo.GrantEu, haskovo.GrantNational, haskovo.EndDate).ShouldBe((52405.20m, 44544.42m, 7860.78m, new DateOnly(2023, 12, 31)));

        var yugoiztochen = await Seed("yugoiztochen");
        (yugoiztochen.TotalValue, yugoiztochen.StartDate, yugoiztochen.EndDate).ShouldBe((87657.14m, new DateOnly(2018, 12, 14), new DateOnly(2020, 12, 14)));
        yugoiztochen.Documents.Count.ShouldBe(9);
        yugoiztochen.Documents[0].Title.ShouldBe("Първи доклад");
        yugoiztochen.Documents[0].PublishedAt.ShouldBe(new DateTimeOffset(2020, 6, 11, 13, 19, 0, TimeSpan.Zero)); // 16:19 in Sofia
        yugoiztochen.Documents.Select(d => d.Title).ShouldContain("Казус");
        yugoiztochen.Documents[^1].PublishedAt.ShouldBe(new DateTimeOffset(2021, 6, 4, 6, 16, 0, TimeSpan.Zero)); // 09:16 in Sofia

        var ruse = await Seed("ruse-oblast");
        (ruse.TotalValue, ruse.Grant, ruse.OwnCofinancing, ruse.Paid, ruse.EuSharePercent).ShouldBe((89316.00m, 89316.00m, 0.00m, 84004.63m, 85.0m));
        (ruse.StartDate, ruse.EndDate, ruse.ContractDate, ruse.Status).ShouldBe((new DateOnly(2019, 1, 18), new DateOnly(2020, 7, 18), new DateOnly(2019, 1, 18), "Completed"));
    }

    [Fact]
    public async Task Anonymous_visitors_read_but_cannot_change()
    {
        var client = await As(null);
        var id = await ProjectId("sliven", "Партньори за развитие на Община Сливен");
        var before = await app.WithDbAsync(db => db.Projects.CountAsync(), "sliven");
        (await client.GetAsync($"/api/v1/projects/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync($"/api/v1/projects/{id}/history")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.PostAsJsonAsync("/api/v1/projects", NewProject("ANON-1"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PutAsJsonAsync($"/api/v1/projects/{id}", NewProject("ANON-1"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.DeleteAsync($"/api/v1/projects/{id}")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync($"/api/v1/projects/{id}/payments", new { amount = 1m })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsync("/api/v1/projects/import/isun", new StringContent("{\"projects\":[]}", Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsync("/api/v1/projects/import/csv", new StringContent("code,title", Encoding.UTF8, "text/csv"))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.WithDbAsync(db => db.Projects.CountAsync(), "sliven")).ShouldBe(before);
    }

    [Theory]
    [InlineData("citizen@example.org", HttpStatusCode.Forbidden)]
    [InlineData("moderator.sliven@example.org", HttpStatusCode.Forbidden)]
    [InlineData("official.sliven@example.org", HttpStatusCode.Created)]
    [InlineData("admin.sliven@example.org", HttpStatusCode.Created)]
    [InlineData("official.levski@example.org", HttpStatusCode.Forbidden)]
    public async Task Only_officials_and_administrators_of_the_tenant_create(string email, HttpStatusCode expected)
    {
        var client = await As(email, email.Contains("levski", StringComparison.Ordinal) ? "/t/levski" : "");
        var code = "ROLE-" + email.Split('@')[0].Replace('.', '-').ToUpperInvariant();
        var response = await client.PostAsJsonAsync("/t/sliven/api/v1/projects", NewProject(code));
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        (await app.WithDbAsync(db => db.Projects.AnyAsync(p => p.Code == code), "sliven")).ShouldBe(expected == HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_official_of_another_tenant_cannot_change_a_project_through_any_endpoint()
    {
        var client = await As("official.levski@example.org", "/t/levski");
        var id = await ProjectId("sliven", "Партньори за развитие на Община Сливен");
        var body = NewProject("HIJACK-1", "Отвлечен");
        (await client.PutAsJsonAsync($"/t/sliven/api/v1/projects/{id}", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.DeleteAsync($"/t/sliven/api/v1/projects/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsJsonAsync($"/t/sliven/api/v1/projects/{id}/payments", new { amount = 1m })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.PostAsync("/t/sliven/api/v1/projects/import/isun", new StringContent("{\"projects\":[]}", Encoding.UTF8, "application/json"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        // Through Levski, where the official has the role, the Sliven project does not exist.
        (await client.PutAsJsonAsync($"/t/levski/api/v1/projects/{id}", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.DeleteAsync($"/t/levski/api/v1/projects/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PostAsJsonAsync($"/t/levski/api/v1/projects/{id}/payments", new { amount = 1m })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/t/levski/api/v1/projects/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var project = await app.WithDbAsync(db => db.Projects.Include(p => p.Payments).SingleAsync(p => p.Id == id), "sliven");
        (project.Title, project.TotalValue, project.Payments.Count).ShouldBe(("Партньори за развитие на Община Сливен", 59572.80m, 0));
    }

    [Fact]
    public async Task Changes_to_money_dates_status_and_payments_go_into_the_public_history()
    {
        var client = await As("official.sliven@example.org");
        var created = await Read(await client.PostAsJsonAsync("/api/v1/projects", NewProject("HIST-1", "История", 1000.00m)));
        var update = new
        {
            code = "HIST-1", title = "История", role = "Beneficiary", currency = "EUR", status = "Completed",
            totalValue = 1200.00m, grant = 1200.00m, ownCofinancing = 0.00m, startDate = "2026-02-01", endDate = "2027-03-31",
            payments = new[] { new { amount = 500.00m, paidOn = "2026-05-04" } },
        };
        var response = await client.PutAsJsonAsync($"/api/v1/projects/{created.Id}", update);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await client.PostAsJsonAsync($"/api/v1/projects/{created.Id}/payments", new { amount = 250.50m, paidOn = "2026-06-01" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var history = (await (await As(null)).GetFromJsonAsync<List<ChangeDto>>($"/api/v1/projects/{created.Id}/history", Web))!;
        history.ShouldAllBe(c => c.Who == "Служител (sliven)");
        history.Select(c => (c.Field, c.OldValue, c.NewValue)).ShouldBe(
        [
            ("Created", null, "История"),
            ("TotalValue", "1000.00", "1200.00"),
            ("Grant", "1000.00", "1200.00"),
            ("PaidTotal", "0.00", "500.00"),
            ("EndDate", "2027-01-31", "2027-03-31"),
            ("Status", "InProgress", "Completed"),
            ("Payment", null, "2026-06-01|250.50"),
            ("PaidTotal", "500.00", "750.50"),
        ], ignoreOrder: true);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Subject == $"project:{created.Id}"), "sliven")).ShouldBe(3);

        // Saving the same again (payments left out: kept) changes nothing and writes no history.
        var same = new
        {
            code = "HIST-1", title = "История", role = "Beneficiary", currency = "EUR", status = "Completed",
            totalValue = 1200.00m, grant = 1200.00m, ownCofinancing = 0.00m, startDate = "2026-02-01", endDate = "2027-03-31",
        };
        var unchanged = await Read(await client.PutAsJsonAsync($"/api/v1/projects/{created.Id}", same));
        (unchanged.Paid, unchanged.Payments.Count).ShouldBe((750.50m, 2));
        (await app.WithDbAsync(db => db.ProjectChanges.CountAsync(c => c.ProjectId == created.Id), "sliven")).ShouldBe(history.Count);
    }

    [Fact]
    public async Task Sums_that_do_not_reconcile_are_refused_with_the_numbers_unless_overridden_with_a_reason()
    {
        var client = await As("official.sliven@example.org");
        var body = new Dictionary<string, object?>
        {
            ["code"] = "RECON-1", ["title"] = "Несъответствие", ["role"] = "Partner", ["currency"] = "BGN", ["status"] = "Completed",
            ["totalValue"] = 57834.00m, ["grant"] = 57834.00m, ["grantEu"] = 49158.90m, ["grantNational"] = 8675.00m,
        };
        var refused = await client.PostAsJsonAsync("/api/v1/projects", body);
        await ShouldBeProblem(refused, HttpStatusCode.BadRequest, "ЕС 49\u00A0158,90\u00A0лв. + национално 8\u00A0675,00\u00A0лв. = 57\u00A0833,90\u00A0лв., а БФП е 57\u00A0834,00\u00A0лв.");

        body["reconciliationOverride"] = true;
        await ShouldBeProblem(await client.PostAsJsonAsync("/api/v1/projects", body), HttpStatusCode.BadRequest, "Посочете защо");

        body["overrideReason"] = "Така е в договора от 2022 г.";
        var saved = await Read(await client.PostAsJsonAsync("/api/v1/projects", body));
        (saved.ReconciliationOverride, saved.OverrideReason, saved.GrantNational).ShouldBe((true, "Така е в договора от 2022 г.", 8675.00m));

        // Negative amounts and paid over total without override.
        await ShouldBeProblem(await client.PostAsJsonAsync("/api/v1/projects", NewProject("NEG-1", total: -1m)), HttpStatusCode.BadRequest, "отрицателна");
        var over = await client.PostAsJsonAsync($"/api/v1/projects/{(await Read(await client.PostAsJsonAsync("/api/v1/projects", NewProject("OVER-1", total: 100m)))).Id}/payments", new { amount = 100.01m });
        await ShouldBeProblem(over, HttpStatusCode.BadRequest, "Изплатените 100,01");
        await ShouldBeProblem(await client.PostAsJsonAsync("/api/v1/projects", new { code = "DATES-1", title = "Дати", startDate = "2026-05-01", endDate = "2026-04-30" }), HttpStatusCode.BadRequest, "Крайната дата е преди началната");
    }

    /// <summary>The problem's errors, keyed by field.</summary>
    private static async Task<Dictionary<string, string[]>> Errors(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("errors").EnumerateObject()
            .ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray());
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Unreadable_json_names_the_field_in_Bulgarian()
    {
        var client = await As("official.sliven@example.org");
        var status = await Errors(await client.PostAsync("/api/v1/projects", Json("""{"code":"JSON-1","title":"Т","status":"Finished"}""")));
        status.Keys.ShouldBe(["status"]);
        status["status"].ShouldHaveSingleItem().ShouldContain("Стойността на това поле е невалидна");

        var date = await Errors(await client.PostAsync("/api/v1/projects", Json("""{"code":"JSON-2","title":"Т","startDate":"2026-13-45"}""")));
        date.Keys.ShouldBe(["startDate"]);

        var nested = await Errors(await client.PostAsync("/api/v1/projects", Json("""{"code":"JSON-3","title":"Т","payments":[{"amount":"много"}]}""")));
        nested.Keys.ShouldBe(["payments[0].amount"]);

        var broken = await Errors(await client.PostAsync("/api/v1/projects", Json("""{"code": "JSON-4", """)));
        broken.Keys.ShouldHaveSingleItem();

        var notJson = await Errors(await client.PostAsync("/api/v1/projects", Json("не е json")));
        notJson.Keys.ShouldBe(["$"]);
        notJson["$"].ShouldHaveSingleItem().ShouldBe("Тялото на заявката не е валиден JSON.");
    }

    [Fact]
    public async Task Dates_out_of_range_are_refused_per_field()
    {
        var client = await As("official.sliven@example.org");
        var project = await Errors(await client.PostAsync("/api/v1/projects", Json("""{"code":"DATE-1","title":"Т","role":"Beneficiary","currency":"EUR","status":"InProgress","startDate":"0001-01-01","endDate":"9999-12-31"}""")));
        project["startDate"].ShouldHaveSingleItem().ShouldBe("Датата трябва да е между 01.01.1990 и 31.12.2100.");
        project["endDate"].ShouldHaveSingleItem().ShouldBe("Датата трябва да е между 01.01.1990 и 31.12.2100.");

        var id = (await Read(await client.PostAsJsonAsync("/api/v1/projects", NewProject("DATE-2")))).Id;
        var future = await Errors(await client.PostAsJsonAsync($"/api/v1/projects/{id}/payments", new { amount = 10m, paidOn = "2999-01-01" }));
        future["paidOn"].ShouldHaveSingleItem().ShouldContain("от 01.01.1990 до година напред");
        var past = await Errors(await client.PostAsJsonAsync($"/api/v1/projects/{id}/payments", new { amount = 10m, paidOn = "1989-12-31" }));
        past.Keys.ShouldBe(["paidOn"]);
        var inList = await Errors(await client.PutAsJsonAsync($"/api/v1/projects/{id}", new { code = "DATE-2", title = "Т", role = "Beneficiary", currency = "EUR", status = "InProgress", payments = new[] { new { amount = 1m, paidOn = "2999-01-01" } } }));
        inList.Keys.ShouldContain("payments");

        var nextYear = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddMonths(11).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (await client.PostAsJsonAsync($"/api/v1/projects/{id}/payments", new { amount = 10m, paidOn = nextYear })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_project_code_is_unique_within_a_tenant_only()
    {
        var sliven = await As("official.sliven@example.org");
        (await sliven.PostAsJsonAsync("/api/v1/projects", NewProject("UNIQ-1"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await ShouldBeProblem(await sliven.PostAsJsonAsync("/api/v1/projects", NewProject("UNIQ-1")), HttpStatusCode.BadRequest, "Вече има проект с код UNIQ-1");
        var levski = await As("official.levski@example.org", "/t/levski");
        (await levski.PostAsJsonAsync("/t/levski/api/v1/projects", NewProject("UNIQ-1"))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task An_official_deletes_a_project_and_the_audit_log_keeps_it()
    {
        var client = await As("admin.sliven@example.org");
        var created = await Read(await client.PostAsJsonAsync("/api/v1/projects", NewProject("DEL-1")));
        (await client.DeleteAsync($"/api/v1/projects/{created.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await client.GetAsync($"/api/v1/projects/{created.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "project.delete" && a.Subject == $"project:{created.Id}"), "sliven")).ShouldBe(1);
    }

    [Fact]
    public async Task The_list_filters_sorts_and_totals_in_each_currency()
    {
        var client = await As("official.yugoiztochen@example.org", "/t/yugoiztochen");
        foreach (var (code, currency, total, status, start) in new[]
                 {
                     ("LIST-1", "EUR", 100.00m, "InProgress", "2026-03-01"), ("LIST-2", "EUR", 300.00m, "Completed", "2026-04-01"),
                     ("LIST-3", "BGN", 195.58m, "InProgress", "2025-01-01"),
                 })
        {
            var response = await client.PostAsJsonAsync("/t/yugoiztochen/api/v1/projects", new { code, title = code, role = "Partner", currency, status, totalValue = total, startDate = start });
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }
        var all = (await client.GetFromJsonAsync<ProjectListDto>("/t/yugoiztochen/api/v1/projects?sort=value-desc", Web))!;
        all.Total.ShouldBe(4);
        all.Items.Select(i => i.Title).First().ShouldContain("Прилагане"); // 87 657,14 лв. is the largest in euro
        all.Items.Select(i => i.Code).Skip(1).ShouldBe(["LIST-2", "LIST-1", "LIST-3"]);
        all.Totals.Single(t => t.Currency == "BGN").TotalValue.ShouldBe(87657.14m + 195.58m);
        all.Totals.Single(t => t.Currency == "EUR").TotalValue.ShouldBe(400.00m);
        all.TotalValueEur.ShouldBe(400.00m + Currencies.ToEur(87852.72m, Currency.BGN));

        var inProgress2026 = (await client.GetFromJsonAsync<ProjectListDto>("/t/yugoiztochen/api/v1/projects?status=InProgress&year=2026", Web))!;
        inProgress2026.Items.Select(i => i.Code).ShouldBe(["LIST-1"]);
        var year2019 = (await client.GetFromJsonAsync<ProjectListDto>("/t/yugoiztochen/api/v1/projects?year=2019", Web))!;
        year2019.Items.ShouldHaveSingleItem().TotalValue.ShouldBe(87657.14m);
        var partner = (await client.GetFromJsonAsync<ProjectListDto>("/t/yugoiztochen/api/v1/projects?role=Partner&sort=date-asc", Web))!;
        partner.Items.Select(i => i.Code).ShouldBe(["LIST-3", "LIST-1", "LIST-2"]);
    }

    [Fact]
    public async Task Isun_import_creates_then_is_idempotent_then_updates_with_history()
    {
        var client = await As("official.haskovo@example.org", "/t/haskovo");
        async Task<ImportReportDto> Import(string sample)
        {
            var content = new StreamContent(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Projects", "Samples", sample)));
            content.Headers.ContentType = new("application/json");
            var response = await client.PostAsync("/t/haskovo/api/v1/projects/import/isun", content);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<ImportReportDto>(Web))!;
        }

        var first = await Import("isun-good.json");
        (first.Created, first.Changed, first.Unchanged, first.Rejected).ShouldBe((3, 0, 0, 0));
        var imported = await app.WithDbAsync(db => db.Projects.Include(p => p.LeadOrganisation).Include(p => p.Payments).SingleAsync(p => p.Code == "BG05SFOP001-2.025-0101"), "haskovo");
        (imported.TotalValue, imported.PaidTotal, imported.LeadOrganisation!.Name, imported.LeadOrganisation.Eik, imported.Status).ShouldBe((120000.50m, 100000.25m, "Община Сливен", "000590050", ProjectStatus.Completed));
        (await app.WithDbAsync(db => db.Projects.SingleAsync(p => p.Code == "BG16RFOP002-1.001-0003"), "haskovo")).Currency.ShouldBe(Currency.EUR);
        var changesAfterFirst = await app.WithDbAsync(db => db.ProjectChanges.CountAsync(), "haskovo");
        // One audit entry for the file; the public history has a line per project.
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "project.import" && a.Details == "created 3, changed 0, unchanged 0, rejected 0"), "haskovo")).ShouldBe(1);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Subject == $"project:{imported.Id}"), "haskovo")).ShouldBe(0);

        var again = await Import("isun-good.json");
        (again.Created, again.Changed, again.Unchanged, again.Rejected).ShouldBe((0, 0, 3, 0));
        (await app.WithDbAsync(db => db.ProjectChanges.CountAsync(), "haskovo")).ShouldBe(changesAfterFirst);
        (await app.WithDbAsync(db => db.Organisations.CountAsync(o => o.Name == "Община Сливен"), "haskovo")).ShouldBe(1);

        var changed = await Import("isun-changed.json");
        (changed.Created, changed.Changed, changed.Unchanged).ShouldBe((0, 1, 0));
        var history = await app.WithDbAsync(db => db.ProjectChanges.Where(c => c.ProjectId == imported.Id && c.Field != "Created").Select(c => new { c.Field, c.OldValue, c.NewValue, c.ActorName }).ToListAsync(), "haskovo");
        history.Select(h => (h.Field, h.OldValue, h.NewValue)).ShouldBe([("PaidTotal", "100000.25", "120000.00"), ("EndDate", "2021-09-30", "2021-12-31")], ignoreOrder: true);
        history.ShouldAllBe(h => h.ActorName == "Служител (haskovo)");
    }

    [Fact]
    public async Task A_partial_isun_file_imports_the_good_projects_and_says_why_the_others_were_rejected()
    {
        var client = await As("official.haskovo@example.org", "/t/haskovo");
        var content = new StreamContent(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Projects", "Samples", "isun-partial.json")));
        content.Headers.ContentType = new("application/json");
        var report = (await (await client.PostAsync("/t/haskovo/api/v1/projects/import/isun", content)).Content.ReadFromJsonAsync<ImportReportDto>(Web))!;
        (report.Created, report.Rejected).ShouldBe((1, 5));
        var reasons = report.Lines.Where(l => l.Result == "Rejected").ToDictionary(l => l.Number, l => l.Reason!);
        reasons[2].ShouldContain("отрицателна");
        reasons[3].ShouldContain("Изплатените 150,00\u00A0лв. надхвърлят общата стойност 100,00\u00A0лв.");
        reasons[4].ShouldContain("Крайната дата е преди началната");
        reasons[5].ShouldContain("E-404");
        reasons[6].ShouldContain("Липсва код");
        (await app.WithDbAsync(db => db.Projects.CountAsync(p => p.Code!.StartsWith("BG05SFOP001-2.025-02")), "haskovo")).ShouldBe(1);
    }

    [Theory]
    [InlineData("isun-malformed.json", "не е валиден JSON")]
    [InlineData("isun-truncated.json", "totalProjects е 3, а проектите са 2")]
    public async Task A_malformed_isun_file_is_refused_whole(string sample, string message)
    {
        var client = await As("official.ruse-oblast@example.org", "/t/ruse-oblast");
        var before = await app.WithDbAsync(db => db.Projects.CountAsync(), "ruse-oblast");
        var content = new StreamContent(File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Projects", "Samples", sample)));
        content.Headers.ContentType = new("application/json");
        await ShouldBeProblem(await client.PostAsync("/t/ruse-oblast/api/v1/projects/import/isun", content), HttpStatusCode.BadRequest, message);
        (await app.WithDbAsync(db => db.Projects.CountAsync(), "ruse-oblast")).ShouldBe(before);
    }

    [Fact]
    public async Task Csv_export_imports_into_another_tenant_and_exports_the_same()
    {
        var anonymous = await As(null);
        var export = await anonymous.GetAsync("/t/levski/api/v1/projects/export.csv");
        export.Content.Headers.ContentType!.ToString().ShouldBe("text/csv; charset=utf-8");
        var exported = await export.Content.ReadAsByteArrayAsync();
        exported.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var levskiCsv = Encoding.UTF8.GetString(exported);
        // Only the seed project (other tests add to Levski too): the header and its row.
        var lines = levskiCsv.Split("\r\n");
        var bytes = Encoding.UTF8.GetBytes(lines[0] + "\r\n" + lines.Single(l => l.StartsWith("BG05SFOP001-2.025-0218,", StringComparison.Ordinal)) + "\r\n");
        levskiCsv.ShouldContain("BG05SFOP001-2.025-0218,Гражданското общество в партньорство с местната власт,ContractSigned,Partner");
        levskiCsv.ShouldContain(",57834.00,57834.00,49158.90,8675.10,");

        // Into Ruse, whose register does not have it: created, with the same row when exported again.
        var ruse = await As("admin.ruse-oblast@example.org", "/t/ruse-oblast");
        var imported = await ruse.PostAsync("/t/ruse-oblast/api/v1/projects/import/csv", new ByteArrayContent(bytes) { Headers = { ContentType = new("text/csv") } });
        imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var report = (await imported.Content.ReadFromJsonAsync<ImportReportDto>(Web))!;
        (report.Created, report.Rejected).ShouldBe((1, 0));
        var ruseCsv = await anonymous.GetStringAsync("/t/ruse-oblast/api/v1/projects/export.csv");
        var levskiRow = lines.Single(l => l.StartsWith("BG05SFOP001-2.025-0218,", StringComparison.Ordinal));
        ruseCsv.Split("\r\n").ShouldContain(levskiRow);

        // Back into Levski: nothing changes.
        var levski = await As("official.levski@example.org", "/t/levski");
        var again = (await (await levski.PostAsync("/t/levski/api/v1/projects/import/csv", new ByteArrayContent(bytes) { Headers = { ContentType = new("text/csv") } })).Content.ReadFromJsonAsync<ImportReportDto>(Web))!;
        (again.Created, again.Changed, again.Unchanged).ShouldBe((0, 0, 1));

        await ShouldBeProblem(await levski.PostAsync("/t/levski/api/v1/projects/import/csv", new StringContent("name;sum\nx;1", Encoding.UTF8, "text/csv")), HttpStatusCode.BadRequest, "Заглавният ред");
        await ShouldBeProblem(await levski.PostAsync("/t/levski/api/v1/projects/import/csv", new StringContent("code,title\n\"X-1,Незатворени кавички", Encoding.UTF8, "text/csv")), HttpStatusCode.BadRequest, "повреден");
    }

    [Fact]
    public async Task Csv_export_neutralises_spreadsheet_formulas_and_reads_them_back()
    {
        var client = await As("official.sliven@example.org");
        (await client.PostAsJsonAsync("/api/v1/projects", NewProject("FORMULA-1", "=HYPERLINK(\"http://evil\")"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var csv = await client.GetStringAsync("/api/v1/projects/export.csv");
        csv.ShouldContain("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        var records = ProjectsCsv.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), new NullText());
        records.Single(r => r.Code == "FORMULA-1").Input!.Title.ShouldBe("=HYPERLINK(\"http://evil\")");
    }

    private sealed class NullText : Microsoft.Extensions.Localization.IStringLocalizer
    {
        public Microsoft.Extensions.Localization.LocalizedString this[string name] => new(name, name);
        public Microsoft.Extensions.Localization.LocalizedString this[string name, params object[] arguments] => new(name, name);
        public IEnumerable<Microsoft.Extensions.Localization.LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    [Fact]
    public async Task The_atom_feed_lists_new_and_updated_projects()
    {
        var official = await As("official.levski@example.org", "/t/levski");
        (await official.PostAsJsonAsync("/t/levski/api/v1/projects", NewProject("FEED-1", "Нов проект за емисията"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var response = await (await As(null)).GetAsync("/t/levski/projects/feed.atom");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/atom+xml");
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var titles = feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        titles.ShouldContain("Нов проект за емисията");
        titles.ShouldContain("Гражданското общество в партньорство с местната власт");
        titles.ShouldNotContain("Партньори за развитие на Община Сливен");
        titles[0].ShouldBe("Нов проект за емисията");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("'; DROP TABLE \"Projects\"; --")]
    [InlineData("Проект 🎉 с емоджи")]
    [InlineData("Ѐ̀ комбинирани знаци")]
    public async Task Hostile_titles_are_stored_exactly_and_shown_encoded(string title)
    {
        var client = await As("official.sliven@example.org");
        var response = await client.PostAsJsonAsync("/api/v1/projects", NewProject(null!, title));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var created = await Read(response);
        created.Title.ShouldBe(title);
        var html = await (await client.GetAsync($"/projects/{created.Id}")).Content.ReadAsStringAsync();
        html.ShouldNotContain("<script>alert(1)</script>");
        (await app.WithDbAsync(db => db.Projects.CountAsync(p => p.Title == title), "sliven")).ShouldBe(1);
    }

    [Theory]
    [InlineData("ВG05SFOP001-2.025-0218")] // Cyrillic В
    [InlineData("BG05 SFOP")]
    [InlineData("../../etc/passwd")]
    [InlineData("<b>")]
    public async Task Codes_allow_only_latin_letters_digits_and_separators(string code)
    {
        var client = await As("official.sliven@example.org");
        await ShouldBeProblem(await client.PostAsJsonAsync("/api/v1/projects", NewProject(code)), HttpStatusCode.BadRequest, "латински букви");
    }

    [Fact]
    public async Task Malformed_oversized_and_wrong_type_input_gets_a_problem_never_a_500()
    {
        var client = await As("official.sliven@example.org");
        await ShouldBeProblem(await client.PostAsync("/api/v1/projects", new StringContent("{\"title\": ", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await ShouldBeProblem(await client.PostAsync("/api/v1/projects", new StringContent("{\"title\": \"x\", \"status\": \"Done\"}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await ShouldBeProblem(await client.PostAsync("/api/v1/projects", new StringContent("{\"title\": \"x\", \"totalValue\": \"много\"}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await ShouldBeProblem(await client.PostAsync("/api/v1/projects", new StringContent("{\"title\": \"x\", \"totalValue\": 1e400}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await ShouldBeProblem(await client.PostAsync("/api/v1/projects", new StringContent("title=x", Encoding.UTF8, "text/plain")), HttpStatusCode.UnsupportedMediaType);
        await ShouldBeProblem(await client.PostAsJsonAsync("/api/v1/projects", NewProject("LONG-1", new string('я', 501))), HttpStatusCode.BadRequest, "най-много 500 знака");
        await ShouldBeProblem(await client.PostAsJsonAsync("/api/v1/projects", new { title = "Бидирекционален \u202Eтекст" }), HttpStatusCode.BadRequest, "управляващи знаци");
        await ShouldBeProblem(await client.PostAsJsonAsync("/api/v1/projects", new { title = "x", isunUrl = "javascript:alert(1)" }), HttpStatusCode.BadRequest, "https://");
        await ShouldBeProblem(await client.PostAsJsonAsync("/api/v1/projects", new { title = "x", totalValue = 10.001m }), HttpStatusCode.BadRequest, "два знака");
        var huge = "{\"title\":\"" + new string('я', 1_200_000) + "\"}";
        await ShouldBeProblem(await client.PostAsync("/api/v1/projects", new StringContent(huge, Encoding.UTF8, "application/json")), HttpStatusCode.RequestEntityTooLarge);
        await ShouldBeProblem(await client.PostAsync("/api/v1/projects/import/isun", new StringContent("{\"projects\": [", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        await ShouldBeProblem(await client.GetAsync("/api/v1/projects?status=' OR 1=1 --"), HttpStatusCode.BadRequest);
        await ShouldBeProblem(await client.GetAsync("/api/v1/projects?year=abc"), HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/v1/projects/not-a-guid")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.GetAsync($"/api/v1/projects/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
