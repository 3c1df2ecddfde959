using Glas.Web.Tests.Browser;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Workspace;

[Trait("Category", "Browser")]
public class WorkspaceBrowserTests(BrowserFactory app) : IClassFixture<BrowserFactory>
{
    [Fact]
    public async Task An_official_opens_their_work_from_the_header_and_follows_a_task()
    {
        var page = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(page, "official.sliven@example.org");
        var link = page.Locator("#nav-work");
        (await link.TextContentAsync())!.ShouldStartWith("Моята работа (");
        await link.ClickAsync();
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Моята работа");
        (await page.Locator("#group-feedback-mine .work-item").CountAsync()).ShouldBeGreaterThan(0);
        await BrowserFactory.AssertAccessibleAsync(page);

        // The contents lead to a group; a task leads to the module's own page for it.
        await page.Locator(".work-contents a[href='#work-feedback-mine']").ClickAsync();
        await page.Locator("#group-feedback-mine .work-item a").First.ClickAsync();
        page.Url.ShouldContain("/feedback/");
        page.Url.ShouldEndWith("/manage");
    }

    [Fact]
    public async Task Nothing_to_do_says_so_and_the_page_fits_a_phone()
    {
        var page = await app.NewPageAsync(width: 320);
        await BrowserFactory.SignInAsync(page, "moderator.levski@example.org");
        await page.GotoAsync("/t/levski/work");
        (await page.Locator("#work-empty").TextContentAsync())!.ShouldStartWith("Нямате задачи в момента.");
        await BrowserFactory.AssertAccessibleAsync(page);

        await BrowserFactory.SignInAsync(page, "official.sliven@example.org");
        await page.GotoAsync("/work");
        await BrowserFactory.AssertAccessibleAsync(page);
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320);
    }
}
