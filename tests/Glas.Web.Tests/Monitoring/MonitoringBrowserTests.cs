using Glas.Web.Tests.Browser;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Monitoring;

[Trait("Category", "Browser")]
public class MonitoringBrowserTests(BrowserFactory app) : IClassFixture<BrowserFactory>
{
    [Fact]
    public async Task A_visitor_reads_the_scorecard_the_tracker_and_a_report()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Мониторинг", Exact = true }).ClickAsync();
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Мониторинг на политики");
        await BrowserFactory.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = Glas.Web.Monitoring.MonitoringDemoData.SlivenPolicy }).ClickAsync();
        (await page.Locator("#scorecard caption").TextContentAsync()).ShouldBe("Мерки и индикатори по цели и оценка");
        (await page.Locator("svg.indicator-chart").CountAsync()).ShouldBe(12);
        await BrowserFactory.AssertAccessibleAsync(page);

        await page.GotoAsync("/t/levski/monitoring/recommendations");
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.Locator("#stage").SelectOptionAsync("Implemented");
        await page.GetByRole(AriaRole.Button, new() { Name = "Покажи" }).ClickAsync();
        (await page.Locator(".recommendation-card").CountAsync()).ShouldBe(2);
        await page.Locator(".recommendation-card a").First.ClickAsync();
        (await page.Locator("#timeline li").CountAsync()).ShouldBe(3);
        await BrowserFactory.AssertAccessibleAsync(page);

        await page.GotoAsync("/t/ruse-oblast/monitoring/reports");
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.Locator("#reports a").First.ClickAsync();
        (await page.Locator("#report-author").TextContentAsync()).ShouldBe("Сдружение Клуб „Отворено общество“ – Русе");
        await BrowserFactory.AssertAccessibleAsync(page);
    }

    [Theory]
    [InlineData("/monitoring")]
    [InlineData("/t/levski/monitoring/recommendations")]
    [InlineData("/t/levski/monitoring/reports")]
    [InlineData("/t/yugoiztochen/monitoring/compare")]
    public async Task Pages_are_accessible_at_320px(string path)
    {
        var page = await app.NewPageAsync(width: 320);
        await page.GotoAsync(path);
        await BrowserFactory.AssertAccessibleAsync(page);
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320);
    }

    [Fact]
    public async Task An_official_reports_a_value_and_answers_a_recommendation()
    {
        var page = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(page, "official.sliven@example.org");
        await page.GotoAsync("/monitoring");
        await page.GetByRole(AriaRole.Link, new() { Name = Glas.Web.Monitoring.MonitoringDemoData.SlivenPolicy }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Отчитане и редактиране" }).ClickAsync();
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.Locator("#Value_IndicatorId").SelectOptionAsync(new SelectOptionValue { Label = "Участници в обществени обсъждания (бр.)" });
        await page.Locator("#Value_Year").FillAsync("2025");
        await page.Locator("#Value_Value").FillAsync("12,5");
        await page.Locator("#Value_SourceNote").FillAsync("Протоколи от обсъжданията");
        await page.GetByRole(AriaRole.Button, new() { Name = "Запиши стойността" }).ClickAsync();
        (await page.Locator("#Value_Value-error").TextContentAsync()).ShouldBe("Броят трябва да е цяло неотрицателно число.");
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.Locator("#Value_Value").FillAsync("320");
        await page.GetByRole(AriaRole.Button, new() { Name = "Запиши стойността" }).ClickAsync();
        (await page.Locator("#corrections").TextContentAsync() ?? "").ShouldContain("Участници в обществени обсъждания");
        await BrowserFactory.AssertAccessibleAsync(page);

        await BrowserFactory.SignInAsync(page, "official.levski@example.org");
        await page.GotoAsync("/t/levski/monitoring/recommendations?source=Organisation");
        await page.Locator(".recommendation-card a").First.ClickAsync();
        await page.Locator("#Answer_Answer").SelectOptionAsync("NotAccepted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Публикувай отговора" }).ClickAsync();
        (await page.Locator("#Answer_Reason-error").TextContentAsync()).ShouldBe("Посочете мотиви, когато препоръката не е приета изцяло.");
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.Locator("#Answer_Reason").FillAsync("Отчетът се изготвя веднъж годишно по закон.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Публикувай отговора" }).ClickAsync();
        (await page.Locator("#stage").TextContentAsync()).ShouldBe("Неприета");
        await BrowserFactory.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task An_organisation_publishes_a_monitoring_report()
    {
        var page = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(page, "ngo@example.org");
        await page.GotoAsync("/monitoring/reports");
        await page.GetByRole(AriaRole.Link, new() { Name = "Публикуване на доклад от мониторинг" }).ClickAsync();
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.Locator("#Report_Title").FillAsync("Граждански мониторинг 2025");
        await page.Locator("#Report_PolicyId").SelectOptionAsync(new SelectOptionValue { Label = Glas.Web.Monitoring.MonitoringDemoData.SlivenPolicy });
        await page.Locator("#Report_Summary").FillAsync("Програмата напредва неравномерно.");
        await page.Locator("#Report_Recommendations").FillAsync("Да се публикуват тримесечни отчети\nДа се ускори гражданският съвет");
        await page.GetByRole(AriaRole.Button, new() { Name = "Публикувай" }).ClickAsync();
        (await page.Locator("#report-author").TextContentAsync()).ShouldBe("Сдружение „Демо“");
        (await page.Locator("#report-recommendations tbody tr").CountAsync()).ShouldBe(2);
        await BrowserFactory.AssertAccessibleAsync(page);
    }
}
