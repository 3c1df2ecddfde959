using System.Net;
using Glas.Web.DemoData;
using Glas.Web.Monitoring;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Monitoring;

/// <summary>A policy's links (consultation, projects) and documents, report documents, and the association's comparison page.</summary>
[Trait("Category", "Integration")]
public class MonitoringLinksTests(GlasFactory app) : IClassFixture<GlasFactory>
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

    private Task<Guid> SlivenPolicy() => app.WithDbAsync(db => db.Policies.Where(p => p.Title == MonitoringDemoData.SlivenPolicy).Select(p => p.Id).SingleAsync(), "sliven");

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string page, string action, string title, string type, byte[] content)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(Forms.Token(await client.GetPageAsync(page))), "__RequestVerificationToken" },
            { new StringContent(title), "Document.Title" },
            { new StringContent(type), "Document.Type" },
        };
        form.Add(new ByteArrayContent(content), "DocumentFile", "doklad.pdf");
        return await client.PostAsync(action, form);
    }

    [Fact]
    public async Task The_association_compares_its_members_indicators_that_share_a_code()
    {
        var page = await (await As(null)).GetPageAsync("/t/yugoiztochen/monitoring/compare");
        var tables = page.QuerySelectorAll("table.compare");
        var codes = tables.Select(t => t.QuerySelector("caption")!.TextContent).ToList();
        foreach (var code in new[] { "FBK-02", "PAR-01", "PAR-03" })
        {
            codes.ShouldContain(c => c.Contains(code, StringComparison.Ordinal));
        }
        // Codes only Сливен has are not compared.
        codes.ShouldNotContain(c => c.Contains("MON-01", StringComparison.Ordinal));
        var par01 = tables.Single(t => t.QuerySelector("caption")!.TextContent.Contains("PAR-01", StringComparison.Ordinal));
        par01.QuerySelectorAll("tbody th").Select(th => th.TextContent).ShouldBe(["Бургас", "Сливен", "Стара Загора", "Ямбол"]);
        // Сливен's own programme is read from its administration; the others from the association's.
        var sliven = par01.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent == "Сливен").TextContent;
        sliven.ShouldContain("300\u00A0бр. (2025)");
        sliven.ShouldContain("Политика на общината в Глас");
        par01.TextContent.ShouldContain("700\u00A0бр. (2025)");
        (await (await As(null)).GetPageAsync("/t/yugoiztochen/monitoring")).QuerySelector("a[href='/t/yugoiztochen/monitoring/compare']").ShouldNotBeNull();
        // Only an association has the page.
        (await (await As(null)).GetAsync("/monitoring/compare")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_associations_indicator_names_one_of_its_members()
    {
        var policy = await app.WithDbAsync(db => db.Policies.Where(p => p.Title == MonitoringDemoData.AssociationPolicy).Select(p => p.Id).SingleAsync(), "yugoiztochen");
        var goal = await app.WithDbAsync(db => db.PolicyGoals.Where(g => g.PolicyId == policy).Select(g => g.Id).SingleAsync(), "yugoiztochen");
        var official = await As("official.yugoiztochen@example.org", "/t/yugoiztochen");
        var url = $"/t/yugoiztochen/monitoring/policies/{policy}/manage";
        Dictionary<string, string> Fields(string municipality) => new()
        {
            ["Indicator.GoalId"] = goal.ToString(), ["Indicator.Name"] = "Становища по проекти", ["Indicator.Code"] = "PAR-02", ["Indicator.Unit"] = "Count",
            ["Indicator.UnitLabel"] = "бр.", ["Indicator.BaselineValue"] = "5", ["Indicator.BaselineYear"] = "2022", ["Indicator.TargetValue"] = "20",
            ["Indicator.TargetYear"] = "2027", ["Indicator.Direction"] = "HigherIsBetter", ["Indicator.Municipality"] = municipality,
        };
        var bad = await official.SubmitAsync(url, Fields("Пловдив<script>"), "handler=Indicator");
        bad.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await bad.ParseAsync()).FieldError("Indicator.Municipality").ShouldBe("Изберете една от общините членки.");
        (await official.SubmitAsync(url, Fields("Ямбол"), "handler=Indicator")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.PolicyIndicators.Where(i => i.Code == "PAR-02").Select(i => i.Municipality).SingleAsync(), "yugoiztochen")).ShouldBe("Ямбол");
        // Now Сливен's PAR-02 and Ямбол's share a code.
        (await (await As(null)).GetPageAsync("/t/yugoiztochen/monitoring/compare")).QuerySelectorAll("table.compare caption")
            .ShouldContain(c => c.TextContent.Contains("PAR-02", StringComparison.Ordinal));
        // A municipality has no members to name.
        var sliven = await As("official.sliven@example.org");
        var slivenPolicy = await SlivenPolicy();
        var slivenGoal = await app.WithDbAsync(db => db.PolicyGoals.Where(g => g.PolicyId == slivenPolicy).OrderBy(g => g.Position).Select(g => g.Id).FirstAsync(), "sliven");
        var fields = Fields("Ямбол");
        fields["Indicator.GoalId"] = slivenGoal.ToString();
        (await sliven.SubmitAsync($"/monitoring/policies/{slivenPolicy}/manage", fields, "handler=Indicator")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await app.WithDbAsync(db => db.PolicyIndicators.CountAsync(i => i.Code == "PAR-02"), "sliven")).ShouldBe(1);
    }

    [Fact]
    public async Task An_official_links_the_policy_to_its_consultation_and_projects()
    {
        var id = await SlivenPolicy();
        var url = $"/monitoring/policies/{id}/manage";
        var official = await As("official.sliven@example.org");
        // The demo programme is already linked to the project that finances it.
        var page = await (await As(null)).GetPageAsync($"/monitoring/policies/{id}");
        page.GetElementById("policy-projects")!.TextContent.ShouldContain("Партньори за развитие на Община Сливен");

        var consultation = await app.WithDbAsync(db => db.Consultations.Where(c => c.Status != Glas.Web.Consultations.ConsultationStatus.Draft).OrderBy(c => c.RegNumber).Select(c => new { c.Id, c.Title }).FirstAsync(), "sliven");
        (await official.SubmitAsync(url, new Dictionary<string, string> { ["Link.ConsultationId"] = consultation.Id.ToString() }, "handler=Consultation")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var levskiConsultation = await app.WithDbAsync(db => db.Consultations.Select(c => c.Id).FirstOrDefaultAsync(), "levski");
        var foreign = await official.SubmitAsync(url, new Dictionary<string, string> { ["Link.ConsultationId"] = (levskiConsultation == Guid.Empty ? Guid.NewGuid() : levskiConsultation).ToString() }, "handler=Consultation");
        foreign.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await foreign.ParseAsync()).FieldError("Link.ConsultationId").ShouldBe("Изберете обществена консултация на администрацията.");
        var unreadable = await official.SubmitAsync(url, new Dictionary<string, string> { ["Link.ConsultationId"] = "не-е-идентификатор" }, "handler=Consultation");
        unreadable.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        (await unreadable.ParseAsync()).FieldError("Link.ConsultationId").ShouldBe("Изберете обществена консултация на администрацията.");
        (await app.WithDbAsync(db => db.Policies.Where(p => p.Id == id).Select(p => p.ConsultationId).SingleAsync(), "sliven")).ShouldBe(consultation.Id);

        foreach (var hostile in new[] { "", "'; DROP TABLE \"Projects\";--", "<script>alert(1)</script>", "BG05\u202ESFOP", "😀", new string('x', 5000) })
        {
            var refused = await official.SubmitAsync(url, new Dictionary<string, string> { ["Link.Project"] = hostile }, "handler=Project");
            refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, hostile.Length > 20 ? hostile[..20] : hostile);
            (await refused.ParseAsync()).FieldError("Link.Project").ShouldNotBeEmpty();
        }
        // Another administration's project is not found here.
        var yugo = await app.WithDbAsync(db => db.Projects.Select(p => p.Id).FirstAsync(), "yugoiztochen");
        (await official.SubmitAsync(url, new Dictionary<string, string> { ["Link.Project"] = yugo.ToString() }, "handler=Project")).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        // Сливен's demo project gets a register code; the demo programme is linked to it already, so linking again adds nothing.
        var project = await app.WithDbAsync(async db =>
        {
            var p = await db.Projects.SingleAsync(x => x.Title == "Партньори за развитие на Община Сливен");
            p.Code = "BG05SFOP001-2.025-0999";
            await db.SaveChangesAsync();
            return new { p.Id, p.Code, p.Title };
        }, "sliven");
        (await official.SubmitAsync(url, new Dictionary<string, string> { ["Link.Project"] = project.Code }, "handler=Project")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.PolicyProjects.CountAsync(x => x.PolicyId == id), "sliven")).ShouldBe(1);
        (await official.SubmitAsync(url, new Dictionary<string, string>(), $"projectId={project.Id}")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.PolicyProjects.CountAsync(x => x.PolicyId == id), "sliven")).ShouldBe(0);
        (await official.SubmitAsync(url, new Dictionary<string, string> { ["Link.Project"] = $"https://sliven.example.org/projects/{project.Id}" }, "handler=Project")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.PolicyProjects.CountAsync(x => x.PolicyId == id), "sliven")).ShouldBe(1);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action.StartsWith("policy.project")), "sliven")).ShouldBe(2);

        page = await (await As(null)).GetPageAsync($"/monitoring/policies/{id}");
        page.GetElementById("policy-consultation")!.TextContent.ShouldContain(consultation.Title);
        page.QuerySelector($"#policy-consultation a[href='/consultations/{consultation.Id}']").ShouldNotBeNull();
        page.GetElementById("policy-projects")!.TextContent.ShouldContain(project.Title);

        // Only officials of the administration: a citizen is refused, another administration's official gets nothing.
        (await (await As("citizen@example.org")).GetAsync(url)).Headers.Location!.ToString().ShouldContain("access-denied");
        var levski = await As("official.levski@example.org", "/t/levski");
        var token = Forms.Token(await levski.GetPageAsync("/t/levski/monitoring/policies/new"));
        (await levski.PostAsync($"/t/levski{url}?handler=Project", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Link.Project"] = project.Code!,
        }))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Documents_are_added_to_policies_by_officials_and_to_reports_by_their_authors()
    {
        var id = await SlivenPolicy();
        var official = await As("official.sliven@example.org");
        var manage = $"/monitoring/policies/{id}/manage";
        var added = await UploadAsync(official, manage, manage + "?handler=Document", "Годишен доклад за изпълнението 2025", "Report", DemoPdf.Create("policy-report"));
        added.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await (await As(null)).GetPageAsync($"/monitoring/policies/{id}");
        page.QuerySelector("#documents")!.TextContent.ShouldContain("Годишен доклад за изпълнението 2025");
        var disguised = await UploadAsync(official, manage, manage + "?handler=Document", "Фалшив", "Report", "<script>alert(1)</script>"u8.ToArray());
        (await disguised.ParseAsync()).FieldError("DocumentFile").ShouldNotBeEmpty();

        // The organisation that wrote a report adds its documents; nobody else does.
        var ngo = await As("ngo@example.org");
        var created = await ngo.SubmitAsync("/monitoring/reports/new", new Dictionary<string, string>
        {
            ["Report.Title"] = "Мониторинг на достъпа до информация", ["Report.Summary"] = "Резюме на доклада.", ["Report.Recommendations"] = "",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var report = await app.WithDbAsync(db => db.MonitoringReports.Where(r => r.Title == "Мониторинг на достъпа до информация").Select(r => r.Id).SingleAsync(), "sliven");
        var reportUrl = $"/monitoring/reports/{report}";
        (await UploadAsync(ngo, reportUrl, reportUrl + "?handler=Document", "Пълен текст на доклада", "Report", DemoPdf.Create("ngo-report"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await (await As(null)).GetPageAsync(reportUrl)).QuerySelector("#documents")!.TextContent.ShouldContain("Пълен текст на доклада");
        var citizen = await As("citizen@example.org");
        (await UploadAsync(citizen, reportUrl, reportUrl + "?handler=Document", "Чужд", "Report", DemoPdf.Create("other"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await UploadAsync(official, reportUrl, reportUrl + "?handler=Document", "Служебен", "Report", DemoPdf.Create("other"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.WithDbAsync(db => db.Documents.CountAsync(d => d.SubjectKind == ReportDocumentSubjects.SubjectKind && d.SubjectId == report), "sliven")).ShouldBe(1);
    }

    [Fact]
    public async Task The_authoring_organisation_rates_each_measure_on_one_scale()
    {
        var policy = await SlivenPolicy();
        var ngo = await As("ngo@example.org");
        (await ngo.SubmitAsync("/monitoring/reports/new", new Dictionary<string, string>
        {
            ["Report.Title"] = "Мониторинг на мерките за участие", ["Report.PolicyId"] = policy.ToString(), ["Report.Summary"] = "Оценяваме мерките.", ["Report.Recommendations"] = "",
        })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var report = await app.WithDbAsync(db => db.MonitoringReports.Where(r => r.Title == "Мониторинг на мерките за участие").Select(r => r.Id).SingleAsync(), "sliven");
        var url = $"/monitoring/reports/{report}";
        var page = await ngo.GetPageAsync(url);
        var selects = page.QuerySelectorAll("#ratings select").Select(s => s.GetAttribute("name")!).ToList();
        selects.Count.ShouldBe(8); // the programme's 8 measures
        async Task<HttpResponseMessage> Rate(HttpClient client, params (string Name, string Value)[] values) =>
            await client.PostAsync(url + "?handler=Ratings", new FormUrlEncodedContent(
                values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)).Append(new("__RequestVerificationToken", Forms.Token(await client.GetPageAsync(url))))));

        foreach (var bad in new[] { "0", "6", "3.5", "<script>", "٣" })
        {
            var refused = await Rate(ngo, (selects[0], bad));
            refused.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, bad);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("Оценката е цяло число от 1 до 5.");
        }
        var otherMeasure = await app.WithDbAsync(db => db.PolicyMeasures.Where(m => !db.PolicyGoals.Any(g => g.Id == m.GoalId && g.PolicyId == policy)).Select(m => m.Id).FirstOrDefaultAsync(), "sliven");
        (await Rate(ngo, ($"Rate[{(otherMeasure == Guid.Empty ? Guid.NewGuid() : otherMeasure)}]", "3"))).StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);

        (await Rate(ngo, (selects[0], "4"), (selects[1], "2"), (selects[2], ""))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.ReportRatings.Where(r => r.ReportId == report).OrderBy(r => r.Rating).Select(r => r.Rating).ToListAsync(), "sliven")).ShouldBe([2, 4]);
        var visitor = await (await As(null)).GetPageAsync(url);
        visitor.QuerySelectorAll("#ratings tbody tr").Length.ShouldBe(2);
        visitor.GetElementById("ratings")!.TextContent.ShouldContain("4 — добро");
        visitor.QuerySelector("#ratings select").ShouldBeNull();

        // Only the author rates.
        var citizen = await As("citizen@example.org");
        (await Rate(citizen, (selects[0], "1"))).Headers.Location!.ToString().ShouldContain("access-denied");
        (await app.WithDbAsync(db => db.ReportRatings.CountAsync(r => r.ReportId == report && r.Rating == 1), "sliven")).ShouldBe(0);
    }
}
