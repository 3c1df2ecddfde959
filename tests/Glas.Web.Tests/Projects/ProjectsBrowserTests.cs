using Glas.Web.Tests.Browser;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Projects;

[Trait("Category", "Browser")]
public class ProjectsBrowserTests(BrowserFactory app) : IClassFixture<BrowserFactory>
{
    private const string Nbsp = "\u00A0";

    [Fact]
    public async Task A_visitor_filters_the_register_and_opens_a_seed_project()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/t/ruse-oblast/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Проекти", Exact = true }).ClickAsync();
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Регистър на проекти");
        await BrowserFactory.AssertAccessibleAsync(page);

        await page.GetByLabel("Статус").SelectOptionAsync("InProgress");
        await page.GetByRole(AriaRole.Button, new() { Name = "Покажи" }).ClickAsync();
        (await page.Locator(".empty").TextContentAsync()).ShouldBe("Няма проекти, които отговарят на филтъра.");
        await BrowserFactory.AssertAccessibleAsync(page);

        await page.GetByLabel("Статус").SelectOptionAsync("Completed");
        await page.GetByLabel("Година").SelectOptionAsync("2020");
        await page.GetByRole(AriaRole.Button, new() { Name = "Покажи" }).ClickAsync();
        (await page.Locator("#totals-count").TextContentAsync()).ShouldBe("Проекти, отговарящи на филтъра: 1");
        (await page.Locator("#totals tbody").TextContentAsync() ?? "").ShouldContain($"84{Nbsp}004,63{Nbsp}лв.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Областна администрация - Русе през погледа на гражданското общество" }).ClickAsync();
        await BrowserFactory.AssertAccessibleAsync(page);
        var money = await page.Locator("#money").TextContentAsync() ?? "";
        money.ShouldContain($"89{Nbsp}316,00{Nbsp}лв.");
        money.ShouldContain($"84{Nbsp}004,63{Nbsp}лв.");
        money.ShouldContain($"85,0{Nbsp}%");
        (await page.Locator("#paid-progress").GetAttributeAsync("value")).ShouldBe("94");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        (await page.Locator("#money caption").TextContentAsync()).ShouldBe("Financial information (Bulgarian lev (BGN) and Euro (EUR))");
        (await page.Locator("#money").TextContentAsync() ?? "").ShouldContain($"BGN{Nbsp}89,316.00");
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Български" }).ClickAsync();
    }

    [Theory]
    [InlineData("/t/yugoiztochen/projects/summary")]
    [InlineData("/t/yugoiztochen/projects")]
    [InlineData("/projects?culture=en")]
    public async Task Register_pages_are_accessible_at_320px(string path)
    {
        var page = await app.NewPageAsync(width: 320);
        await page.GotoAsync(path);
        await BrowserFactory.AssertAccessibleAsync(page);
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320);
    }

    [Fact]
    public async Task A_seed_project_with_documents_is_accessible()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/t/yugoiztochen/projects");
        await page.Locator(".project-card-title a").ClickAsync();
        (await page.Locator("#documents li").CountAsync()).ShouldBe(9);
        (await page.Locator("#documents li").First.TextContentAsync() ?? "").ShouldContain("11.06.2020 г., 16:19");
        await BrowserFactory.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task An_official_edits_a_payment_and_the_history_shows_it()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/t/ruse-oblast/account/login");
        await page.GetByLabel("Имейл").FillAsync("official.ruse-oblast@example.org");
        await page.GetByLabel("Парола").FillAsync(Glas.Web.DemoData.DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Влез" }).ClickAsync();
        await page.GotoAsync("/t/ruse-oblast/projects");
        await page.Locator(".project-card-title a").ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Плащания по проекта" }).ClickAsync();
        await BrowserFactory.AssertAccessibleAsync(page);

        // Too much is refused with the numbers, accessibly.
        await page.Locator("form.payment-row").First.GetByLabel("Сума").FillAsync("90 000,00");
        await page.Locator("form.payment-row").First.GetByRole(AriaRole.Button, new() { Name = "Запази плащането" }).ClickAsync();
        (await page.Locator(".field-error").First.TextContentAsync()).ShouldBe($"Изплатените 90{Nbsp}000,00{Nbsp}лв. надхвърлят общата стойност 89{Nbsp}316,00{Nbsp}лв.");
        await BrowserFactory.AssertAccessibleAsync(page);

        await page.Locator("form.payment-row").First.GetByLabel("Сума").FillAsync("84 104,63");
        await page.Locator("form.payment-row").First.GetByLabel("Дата на плащането").FillAsync("2020-07-18");
        await page.Locator("form.payment-row").First.GetByRole(AriaRole.Button, new() { Name = "Запази плащането" }).ClickAsync();
        (await page.Locator("[role=status]").TextContentAsync()).ShouldBe("Плащанията са запазени.");

        await page.GetByRole(AriaRole.Link, new() { Name = "Областна администрация - Русе през погледа на гражданското общество" }).ClickAsync();
        var history = await page.Locator("#history").TextContentAsync() ?? "";
        history.ShouldContain($"84{Nbsp}004,63{Nbsp}лв.");
        history.ShouldContain($"18.07.2020 г.: 84{Nbsp}104,63{Nbsp}лв.");
        history.ShouldContain("Служител (ruse-oblast)");
        (await page.Locator("#paid-progress").GetAttributeAsync("value")).ShouldBe("94");
        await BrowserFactory.AssertAccessibleAsync(page);

        foreach (var path in new[] { "edit", "documents" })
        {
            await page.GotoAsync(page.Url.TrimEnd('/') + "/" + path);
            await BrowserFactory.AssertAccessibleAsync(page);
            await page.GoBackAsync();
        }
        await page.GotoAsync("/t/ruse-oblast/projects/new");
        await page.GetByRole(AriaRole.Button, new() { Name = "Запази" }).ClickAsync();
        (await page.Locator("#Input_Title-error").TextContentAsync()).ShouldBe("Полето е задължително.");
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.GotoAsync("/t/ruse-oblast/projects/import");
        await BrowserFactory.AssertAccessibleAsync(page);
    }
}
