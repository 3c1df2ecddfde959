using Glas.Web.Platform.Jobs;
using Glas.Web.Search;
using Glas.Web.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Search;

[Trait("Category", "Browser")]
public class SearchBrowserTests(BrowserFactory app) : IClassFixture<BrowserFactory>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task A_visitor_searches_with_an_inflected_word_and_opens_the_result(int width)
    {
        for (var i = 0; i < 300 && !await app.WithDbAsync(db => db.Jobs.AnyAsync(j => j.Kind == SearchRebuildJob.JobKind && j.Status == JobStatus.Done)); i++)
        {
            await Task.Delay(100);
        }
        var page = await app.NewPageAsync(width);
        await page.GotoAsync("/t/levski/");
        if (width < 768)
        {
            // On a phone the navigation sits behind the menu button.
            await page.Locator("summary", new() { HasText = "Меню" }).ClickAsync();
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Търсене", Exact = true }).ClickAsync();
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Търсене");
        await BrowserFactory.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Търси" }).ClickAsync();
        (await page.Locator("#q-error").TextContentAsync()).ShouldBe("Въведете поне една дума за търсене.");
        await BrowserFactory.AssertAccessibleAsync(page);

        await page.GetByLabel("Какво търсите").FillAsync("бюджета");
        await page.GetByRole(AriaRole.Button, new() { Name = "Търси" }).ClickAsync();
        (await page.Locator("#results-h").TextContentAsync()).ShouldStartWith("Намерени резултати:");
        (await page.Locator(".search-results mark").First.TextContentAsync() ?? "").ToLowerInvariant().ShouldStartWith("бюджет");
        await BrowserFactory.AssertAccessibleAsync(page);

        await page.Locator(".search-results h3 a").First.ClickAsync();
        (await page.Locator("h1").TextContentAsync() ?? "").ShouldContain("бюджет", Case.Insensitive);
    }
}
