using Glas.Web.Tests.Browser;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.ParticipationIndex;

[Trait("Category", "Browser")]
public class IndexBrowserTests(BrowserFactory app) : IClassFixture<BrowserFactory>
{
    [Theory]
    [InlineData("/participation-index", 1280)]
    [InlineData("/t/yugoiztochen/participation-index", 1280)]
    [InlineData("/t/ruse-oblast/participation-index?culture=en", 1280)]
    [InlineData("/participation-index/methodology", 1280)]
    [InlineData("/participation-index/methodology?culture=en", 320)]
    [InlineData("/t/levski/participation-index", 320)]
    [InlineData("/t/levski/rules", 1280)]
    [InlineData("/rules/moderation", 320)]
    public async Task Index_and_rules_pages_are_accessible(string path, int width)
    {
        var page = await app.NewPageAsync(width);
        var response = await page.GotoAsync(path);
        response!.Status.ShouldBe(200);
        await BrowserFactory.AssertAccessibleAsync(page);
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(width);
    }

    [Fact]
    public async Task A_visitor_follows_a_period_and_an_administrator_sees_the_forms()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/t/haskovo/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Индекс на участието", Exact = true }).First.ClickAsync();
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Индекс на гражданското участие");
        await page.Locator("#quarters-table tbody tr a").Last.ClickAsync();
        (await page.Locator("#indicators-heading").TextContentAsync())!.ShouldStartWith("Показателите за");
        await BrowserFactory.AssertAccessibleAsync(page);

        await BrowserFactory.SignInAsync(page, "admin.sliven@example.org");
        await page.GotoAsync("/participation-index/manage");
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.Locator("#Items_0__Weight").FillAsync("50");
        await page.GetByRole(AriaRole.Button, new() { Name = "Запиши като нова версия" }).ClickAsync();
        (await page.Locator(".error-summary").TextContentAsync())!.ShouldContain("Теглата трябва да са общо 100 %");
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.GotoAsync("/rules/manage");
        await BrowserFactory.AssertAccessibleAsync(page);
    }
}
