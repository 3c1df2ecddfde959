using System.Net;
using AngleSharp.Html.Dom;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Projects;

/// <summary>The register's pages over HTTP, as a browser without JavaScript uses them.</summary>
[Trait("Category", "Integration")]
public class ProjectPagesTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private const string Nbsp = "\u00A0";

    private async Task<HttpClient> As(string? email, string prefix = "")
    {
        var client = app.Client(followRedirects: false);
        if (email is not null)
        {
            await client.SignInAsync(email, prefix: prefix);
        }
        return client;
    }

    private Task<Guid> SeedId(string slug) => app.WithDbAsync(db => db.Projects.OrderBy(p => p.CreatedAt).Select(p => p.Id).FirstAsync(), slug);

    /// <summary>Posts <paramref name="fields"/> to <paramref name="action"/> with the antiforgery token of <paramref name="page"/>.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, IDictionary<string, string> fields)
    {
        var token = Forms.Token(await client.GetPageAsync(page));
        return await client.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    private static string Text(IHtmlDocument page, string selector) => page.QuerySelector(selector)?.TextContent ?? throw new InvalidOperationException($"No {selector}");

    [Fact]
    public async Task Anyone_reads_the_register_with_totals_and_filters()
    {
        var client = await As(null);
        var page = await client.GetPageAsync("/projects");
        page.QuerySelector("h1")!.TextContent.ShouldBe("Регистър на проекти");
        page.QuerySelector(".project-card-title")!.TextContent.Trim().ShouldBe("Партньори за развитие на Община Сливен");
        page.QuerySelector(".project-card .money")!.TextContent.ShouldBe($"59{Nbsp}572,80{Nbsp}лв. (30{Nbsp}459,09{Nbsp}€)");
        Text(page, "#totals-count").ShouldBe("Проекти, отговарящи на филтъра: 1");
        Text(page, "#totals tbody").ShouldContain($"59{Nbsp}572,80{Nbsp}лв.");
        page.QuerySelector("nav.main-nav a[href='/projects']")!.TextContent.ShouldBe("Проекти");

        (await client.GetPageAsync("/projects?status=Completed&year=2023&role=Partner")).QuerySelectorAll(".project-card").Length.ShouldBe(1);
        var none = await client.GetPageAsync("/projects?status=InProgress");
        none.QuerySelectorAll(".project-card").Length.ShouldBe(0);
        Text(none, ".empty").ShouldBe("Няма проекти, които отговарят на филтъра.");
        (await client.GetPageAsync("/projects?year=2021")).QuerySelectorAll(".project-card").Length.ShouldBe(0);
        var bad = await client.GetPageAsync("/projects?status=%3Cscript%3E&sort=drop");
        Text(bad, ".filters [role=alert]").ShouldContain("Филтърът е невалиден");

        var english = await client.GetPageAsync("/projects?culture=en");
        english.QuerySelector("h1")!.TextContent.ShouldBe("Project register");
        english.QuerySelector(".project-card .money")!.TextContent.ShouldBe($"BGN{Nbsp}59,572.80 (€30,459.09)");
        // The projects' own text stays Bulgarian and says so to screen readers.
        english.QuerySelector(".project-card-title")!.GetAttribute("lang").ShouldBe("bg");
        page.QuerySelector(".project-card-title")!.HasAttribute("lang").ShouldBeFalse();
    }

    [Fact]
    public async Task Project_pages_show_the_seed_figures()
    {
        var client = await As(null);
        var levski = await client.GetPageAsync($"/t/levski/projects/{await SeedId("levski")}");
        var money = Text(levski, "#money");
        foreach (var figure in new[] { "57 834,00 лв.", "49 158,90 лв.", "8 675,10 лв." })
        {
            money.ShouldContain(figure.Replace(" ", Nbsp, StringComparison.Ordinal));
        }
        Text(levski, "#project-code").ShouldBe("BG05SFOP001-2.025-0218");
        levski.QuerySelector("main")!.TextContent.ShouldContain("BG05SFOP001-2.025-0218-С01 / 11.08.2022 г.");

        var haskovo = Text(await client.GetPageAsync($"/t/haskovo/projects/{await SeedId("haskovo")}"), "main");
        foreach (var figure in new[] { "52 405,20 лв.", "44 544,42 лв.", "7 860,78 лв." })
        {
            haskovo.ShouldContain(figure.Replace(" ", Nbsp, StringComparison.Ordinal));
        }
        haskovo.ShouldContain("Проект „Престиж“ за подобряване на взаимодействието");

        var ruse = await client.GetPageAsync($"/t/ruse-oblast/projects/{await SeedId("ruse-oblast")}");
        Text(ruse, "#money").ShouldContain($"89{Nbsp}316,00{Nbsp}лв.");
        Text(ruse, "#money").ShouldContain($"84{Nbsp}004,63{Nbsp}лв.");
        Text(ruse, "#money").ShouldContain($"85,0{Nbsp}%");
        ruse.QuerySelector("#paid-progress")!.GetAttribute("value").ShouldBe("94");
        Text(ruse, "label[for=paid-progress]").ShouldBe($"Изплатени 84{Nbsp}004,63{Nbsp}лв. от 89{Nbsp}316,00{Nbsp}лв. (94 %)");

        var south = await client.GetPageAsync($"/t/yugoiztochen/projects/{await SeedId("yugoiztochen")}");
        Text(south, "#money").ShouldContain($"87{Nbsp}657,14{Nbsp}лв.");
        var documents = south.QuerySelectorAll("#documents li").Select(li => li.TextContent).ToList();
        documents.Count.ShouldBe(9);
        documents[0].ShouldContain("Първи доклад");
        documents[0].ShouldContain("Доклад · Публикуван на: 11.06.2020 г., 16:19");
        documents[^1].ShouldContain("Казус");
        documents[^1].ShouldContain("04.06.2021 г., 09:16");

        var sliven = Text(await client.GetPageAsync($"/projects/{await SeedId("sliven")}"), "main");
        sliven.ShouldContain($"59{Nbsp}572,80{Nbsp}лв.");
        sliven.ShouldContain($"30{Nbsp}459,09{Nbsp}€");
        sliven.ShouldContain("2022, 2023");
        sliven.ShouldContain("Регионален център за икономическо развитие");
    }

    [Fact]
    public async Task The_summary_has_accessible_charts_with_the_same_data_in_tables()
    {
        var page = await (await As(null)).GetPageAsync("/t/ruse-oblast/projects/summary");
        var chart = page.QuerySelector("svg#by-year-chart")!;
        chart.GetAttribute("role").ShouldBe("img");
        chart.QuerySelector("title")!.TextContent.ShouldBe("Стойност по години");
        Text(page, "#by-year-table tbody").ShouldContain("2019");
        Text(page, "#by-year-table tbody").ShouldContain($"45{Nbsp}666,55{Nbsp}€");
        Text(page, "#by-year-table tbody").ShouldContain($"89{Nbsp}316,00{Nbsp}лв.");
        Text(page, "#by-programme-table tbody").ShouldContain("ОП „Добро управление”");
    }

    [Theory]
    [InlineData(null, "/account/login")]
    [InlineData("citizen@example.org", "/account/access-denied")]
    [InlineData("moderator.sliven@example.org", "/account/access-denied")]
    [InlineData("official.sliven@example.org", null)]
    [InlineData("admin.sliven@example.org", null)]
    public async Task Only_officials_and_administrators_reach_the_editing_pages(string? email, string? redirect)
    {
        var client = await As(email);
        var id = await SeedId("sliven");
        foreach (var url in new[] { "/projects/new", $"/projects/{id}/edit", $"/projects/{id}/payments", $"/projects/{id}/documents", "/projects/import" })
        {
            var response = await client.GetAsync(url);
            if (redirect is null)
            {
                response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
                response.Headers.Location!.ToString().ShouldContain(redirect);
            }
        }
        var details = await client.GetPageAsync($"/projects/{id}");
        (details.QuerySelector(".official-actions") is not null).ShouldBe(redirect is null);
    }

    [Fact]
    public async Task A_Levski_official_cannot_change_a_Sliven_project_through_any_page()
    {
        var client = await As("official.levski@example.org", "/t/levski");
        var id = await SeedId("sliven");
        foreach (var url in new[] { $"/t/sliven/projects/{id}/edit", $"/t/sliven/projects/{id}/payments", $"/t/sliven/projects/{id}/documents", "/t/sliven/projects/new", "/t/sliven/projects/import" })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, url);
            response.Headers.Location!.ToString().ShouldContain("/t/sliven/account/access-denied");
        }
        // With a valid Levski form, the Sliven project is simply not there.
        (await PostAsync(client, "/t/levski/projects/new", $"/t/levski/projects/{id}/edit", new Dictionary<string, string> { ["Input.Title"] = "Отвлечен", ["Input.Status"] = "Completed", ["Input.Role"] = "Partner", ["Input.Currency"] = "BGN" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostAsync(client, "/t/levski/projects/new", $"/t/levski/projects/{id}/payments", new Dictionary<string, string> { ["amount"] = "1,00" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostAsync(client, "/t/levski/projects/new", $"/t/levski/projects/{id}/edit?handler=Delete", new Dictionary<string, string> { ["confirm"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await PostAsync(client, "/t/levski/projects/new", $"/t/levski/projects/{id}/documents?handler=Document", new Dictionary<string, string> { ["Document.Title"] = "x", ["Document.Kind"] = "Report" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var project = await app.WithDbAsync(db => db.Projects.Include(p => p.Payments).SingleAsync(p => p.Id == id), "sliven");
        var documents = await app.WithDbAsync(db => db.Documents.CountAsync(d => d.SubjectKind == "project" && d.SubjectId == id), "sliven");
        (project.Title, project.Payments.Count, documents).ShouldBe(("Партньори за развитие на Община Сливен", 0, 0));
    }

    [Fact]
    public async Task An_official_edits_through_the_form_sums_are_checked_and_the_history_shows_old_and_new()
    {
        var client = await As("official.levski@example.org", "/t/levski");
        var id = await SeedId("levski");
        var edit = $"/t/levski/projects/{id}/edit";
        var form = (IHtmlFormElement)(await client.GetPageAsync(edit)).QuerySelector("form.project-form")!;
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type is "text" or "date" or "url" && i.Name is not null).ToDictionary(i => i.Name!, i => i.Value);
        foreach (var area in form.Elements.OfType<IHtmlTextAreaElement>())
        {
            fields[area.Name!] = area.Value;
        }
        foreach (var select in form.Elements.OfType<IHtmlSelectElement>())
        {
            fields[select.Name!] = select.Value!;
        }
        fields["Input.TotalValue"].ShouldBe("57834.00");
        fields["Input.Partners"].ShouldBe("Община Левски");

        fields["Input.GrantNational"] = "8 675,00";
        var refused = await (await PostAsync(client, edit, edit, fields)).ParseAsync();
        refused.FieldError("Input.Grant").ShouldBe($"Сумите не се равняват: ЕС 49{Nbsp}158,90{Nbsp}лв. + национално 8{Nbsp}675,00{Nbsp}лв. = 57{Nbsp}833,90{Nbsp}лв., а БФП е 57{Nbsp}834,00{Nbsp}лв.");
        refused.QuerySelector(".error-summary")!.TextContent.ShouldContain("Сумите не се равняват");

        fields["Input.GrantNational"] = "8 675,10";
        fields["Input.EndDate"] = "2024-03-31";
        fields["Input.Status"] = "Completed";
        var saved = await PostAsync(client, edit, edit, fields);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());

        var history = (await client.GetPageAsync($"/t/levski/projects/{id}")).QuerySelectorAll("#history tbody tr").Select(r => r.TextContent).ToList();
        history.ShouldContain(r => r.Contains("Крайна дата") && r.Contains("31.12.2023 г.") && r.Contains("31.03.2024 г.") && r.Contains("Служител (levski)"));
        history.ShouldContain(r => r.Contains("Статус") && r.Contains("Сключен договор") && r.Contains("Приключил"));
        history.ShouldNotContain(r => r.Contains("Национално"));
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "project.update"), "levski")).ShouldBe(1);
    }

    [Fact]
    public async Task Payments_are_added_corrected_and_removed_with_history()
    {
        var client = await As("official.ruse-oblast@example.org", "/t/ruse-oblast");
        var id = await SeedId("ruse-oblast");
        var url = $"/t/ruse-oblast/projects/{id}/payments";
        var over = await (await PostAsync(client, url, url, new Dictionary<string, string> { ["amount"] = "5 311,38", ["paidOn"] = "2020-08-01" })).ParseAsync();
        over.QuerySelector("#amount-new-error")!.TextContent.ShouldBe($"Изплатените 89{Nbsp}316,01{Nbsp}лв. надхвърлят общата стойност 89{Nbsp}316,00{Nbsp}лв.");
        over.QuerySelector("#amount-new")!.GetAttribute("value").ShouldBe("5 311,38");
        var garbage = await (await PostAsync(client, url, url, new Dictionary<string, string> { ["amount"] = "много", ["paidOn"] = "вчера" })).ParseAsync();
        garbage.QuerySelector("#amount-new-error").ShouldNotBeNull();
        garbage.QuerySelector("#paidOn-new-error").ShouldNotBeNull();

        (await PostAsync(client, url, url, new Dictionary<string, string> { ["amount"] = "5 311,37", ["paidOn"] = "2020-08-01", ["note"] = "Окончателно плащане" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var added = await app.WithDbAsync(db => db.ProjectPayments.SingleAsync(p => p.ProjectId == id && p.Amount == 5311.37m), "ruse-oblast");
        (await PostAsync(client, url, url, new Dictionary<string, string> { ["paymentId"] = added.Id.ToString(), ["amount"] = "5 000,00", ["paidOn"] = "2020-08-02" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(client, url, url, new Dictionary<string, string> { ["paymentId"] = added.Id.ToString(), ["remove"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var page = await client.GetPageAsync($"/t/ruse-oblast/projects/{id}");
        var rows = page.QuerySelectorAll("#history tbody tr").Select(r => r.TextContent).ToList();
        rows.ShouldContain(r => r.Contains("Плащане") && r.Contains($"01.08.2020 г.: 5{Nbsp}311,37{Nbsp}лв.") && r.Contains($"02.08.2020 г.: 5{Nbsp}000,00{Nbsp}лв."));
        rows.ShouldContain(r => r.Contains("Общо изплатени суми") && r.Contains($"84{Nbsp}004,63{Nbsp}лв.") && r.Contains($"89{Nbsp}316,00{Nbsp}лв."));
        rows.Count(r => r.Contains("Плащане")).ShouldBe(3);
        (await app.WithDbAsync(db => db.Projects.SingleAsync(p => p.Id == id), "ruse-oblast")).PaidTotal.ShouldBe(84004.63m);
    }

    [Fact]
    public async Task Comments_by_staff_of_the_administration_carry_a_badge()
    {
        var id = await SeedId("levski");
        var url = $"/t/levski/projects/{id}";
        var official = await As("official.levski@example.org", "/t/levski");
        (await PostAsync(official, url, $"{url}?handler=Comment", new Dictionary<string, string> { ["Comment"] = "Отговор от общината." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        // A staff member of another administration is an ordinary participant here.
        var other = await As("official.haskovo@example.org", "/t/levski");
        (await PostAsync(other, url, $"{url}?handler=Comment", new Dictionary<string, string> { ["Comment"] = "Въпрос от гражданин." })).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var comments = (await (await As(null)).GetPageAsync(url)).QuerySelectorAll(".comment").ToList();
        var byStaff = comments.Single(c => c.TextContent.Contains("Отговор от общината."));
        byStaff.QuerySelector(".staff-badge")!.TextContent.ShouldBe("служител на Община Левски");
        comments.Single(c => c.TextContent.Contains("Въпрос от гражданин.")).QuerySelector(".staff-badge").ShouldBeNull();
    }

    [Fact]
    public async Task Participants_comment_and_moderators_hide()
    {
        var id = await SeedId("sliven");
        var url = $"/projects/{id}";
        var anonymous = await As(null);
        var anonymousPost = await anonymous.PostAsync($"{url}?handler=Comment", new FormUrlEncodedContent(new Dictionary<string, string> { ["Comment"] = "x" }));
        anonymousPost.StatusCode.ShouldBe(HttpStatusCode.BadRequest); // no antiforgery token without a page; with one:
        var anonPage = await anonymous.GetPageAsync(url);
        anonPage.QuerySelector("form[action*=Comment]").ShouldBeNull();
        anonPage.QuerySelector(".comments a[href*='/account/login']").ShouldNotBeNull();

        var citizen = await As("citizen@example.org");
        var empty = await (await PostAsync(citizen, url, $"{url}?handler=Comment", new Dictionary<string, string> { ["Comment"] = "" })).ParseAsync();
        empty.FieldError("Comment").ShouldBe("Полето е задължително.");
        (await PostAsync(citizen, url, $"{url}?handler=Comment", new Dictionary<string, string> { ["Comment"] = "Кога ще бъде публикуван докладът? <b>важно</b>" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await citizen.GetPageAsync(url);
        var comment = page.QuerySelector(".comment")!;
        comment.TextContent.ShouldContain("Мария Гражданка");
        comment.TextContent.ShouldContain("<b>важно</b>");
        comment.QuerySelector("b").ShouldBeNull();
        page.QuerySelector(".hide-form").ShouldBeNull();
        var commentId = await app.WithDbAsync(db => db.Comments.Where(c => c.SubjectKind == "project").Select(c => c.Id).SingleAsync(), "sliven");

        var denied = await PostAsync(citizen, url, $"{url}?handler=Hide", new Dictionary<string, string> { ["commentId"] = commentId.ToString() });
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("access-denied");

        var moderator = await As("moderator.sliven@example.org");
        (await PostAsync(moderator, url, $"{url}?handler=Hide", new Dictionary<string, string> { ["commentId"] = commentId.ToString(), ["reason"] = "Извън темата" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var hidden = await anonymous.GetPageAsync(url);
        hidden.QuerySelector(".comment")!.TextContent.ShouldContain("Коментарът е скрит от модератор. Причина: Извън темата");
        hidden.QuerySelector(".comment")!.TextContent.ShouldNotContain("Кога ще бъде");
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "project.comment.hide"), "sliven")).ShouldBe(1);

        // A Levski moderator cannot hide Sliven comments.
        var levski = await As("moderator.levski@example.org", "/t/levski");
        (await PostAsync(levski, "/t/levski/projects", $"/t/levski/projects/{id}?handler=Hide", new Dictionary<string, string> { ["commentId"] = commentId.ToString() })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_official_imports_an_isun_file_through_the_page()
    {
        var client = await As("official.haskovo@example.org", "/t/haskovo");
        var token = Forms.Token(await client.GetPageAsync("/t/haskovo/projects/import"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("isun"), "format" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Projects", "Samples", "isun-partial.json"))), "file", "isun-partial.json" },
        };
        var page = await (await client.PostAsync("/t/haskovo/projects/import", form)).ParseAsync();
        Text(page, "#import-summary").ShouldBe("Създадени: 1; променени: 0; без промяна: 0; отхвърлени: 5.");
        Text(page, "#import-report").ShouldContain("E-404");

        token = Forms.Token(await client.GetPageAsync("/t/haskovo/projects/import"));
        using var bad = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("isun"), "format" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Projects", "Samples", "isun-malformed.json"))), "file", "isun-malformed.json" },
        };
        var refused = await (await client.PostAsync("/t/haskovo/projects/import", bad)).ParseAsync();
        Text(refused, "#file-error").ShouldStartWith("Файлът е отказан и нищо не е внесено.");
    }

    [Fact]
    public async Task An_official_creates_a_project_through_the_form()
    {
        var client = await As("admin.levski@example.org", "/t/levski");
        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "Млади граждани 🎉", ["Input.Code"] = "BG05SFOP001-2.025-0999", ["Input.Role"] = "Beneficiary", ["Input.Currency"] = "EUR",
            ["Input.Status"] = "ProposalSubmitted", ["Input.TotalValue"] = "30 459,09", ["Input.Grant"] = "25 000", ["Input.OwnCofinancing"] = "5 459,09",
            ["Input.Partners"] = "Община Левски\nЧиталище „Развитие“ [123456789]", ["Input.SpecificGoals"] = "Първа цел\nВтора цел",
            ["Input.Indicators"] = "Проведени обсъждания | 4 | 1", ["Input.StartDate"] = "2026-03-01", ["Input.EndDate"] = "01.03.2027",
        };
        var response = await PostAsync(client, "/t/levski/projects/new", "/t/levski/projects/new", fields);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var page = await client.GetPageAsync(response.Headers.Location!.ToString());
        Text(page, "h1").ShouldBe("Млади граждани 🎉");
        Text(page, "#money").ShouldContain($"30{Nbsp}459,09{Nbsp}€");
        Text(page, "#money").ShouldContain($"59{Nbsp}572,80{Nbsp}лв.");
        Text(page, "main").ShouldContain("Читалище „Развитие“ (ЕИК 123456789)");
        // "Община Левски" is the same organisation record as the seed project's partner.
        (await app.WithDbAsync(db => db.Organisations.CountAsync(o => o.Name == "Община Левски"), "levski")).ShouldBe(1);

        fields["Input.TotalValue"] = "-1";
        fields["Input.Code"] = "BG05SFOP001-2.025-0999";
        fields["Input.EndDate"] = "2020-01-01";
        var refused = await (await PostAsync(client, "/t/levski/projects/new", "/t/levski/projects/new", fields)).ParseAsync();
        refused.FieldError("Input.TotalValue").ShouldBe($"Сумата не може да е отрицателна (-1,00{Nbsp}€).");
        refused.FieldError("Input.EndDate").ShouldBe("Крайната дата е преди началната.");
        refused.FieldError("Input.Code").ShouldBe("Вече има проект с код BG05SFOP001-2.025-0999.");
    }
}
