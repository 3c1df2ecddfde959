using Glas.Web.Consultations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Browser;

/// <summary>
/// The main pages at a desktop and a phone width, saved to docs/screenshots/ of the repository so a
/// reviewer sees the look; every browser test run draws them again. Also: none of these pages
/// scrolls sideways at 320 px, and on a phone the navigation opens from the menu button.
/// </summary>
[Trait("Category", "Browser")]
public class ScreenshotTests(BrowserFactory app) : IClassFixture<BrowserFactory>
{
    private async Task<(string Name, string Path)[]> MainPagesAsync()
    {
        var consultation = await app.WithDbAsync(db => db.Consultations.Where(c => c.Status == ConsultationStatus.Open).OrderBy(c => c.OpensAt).Select(c => c.Id).FirstAsync(), "sliven");
        var project = await app.WithDbAsync(db => db.Projects.OrderBy(p => p.Title).Select(p => p.Id).FirstAsync(), "levski");
        return
        [
            ("home", "/"),
            ("consultations", "/consultations"),
            ("consultation", $"/consultations/{consultation}"),
            ("projects", "/t/levski/projects"),
            ("project", $"/t/levski/projects/{project}"),
            ("feedback", "/feedback"),
            ("surveys", "/t/ruse-oblast/surveys"),
            ("monitoring", "/monitoring"),
            ("events", "/events"),
            ("search", "/t/levski/search?q=%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82"),
            ("sign-in", "/account/login"),
        ];
    }

    /// <summary>The repository's root: the first folder above the test binaries that holds Glas.slnx.</summary>
    private static DirectoryInfo RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Glas.slnx")))
        {
            dir = dir.Parent;
        }
        return dir ?? throw new InvalidOperationException("Glas.slnx not found above " + AppContext.BaseDirectory);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_main_pages_are_drawn_into_docs_screenshots(int width)
    {
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryRoot().FullName, "docs", "screenshots"));
        var page = await app.NewPageAsync(width);
        foreach (var (name, path) in await MainPagesAsync())
        {
            var response = await page.GotoAsync(path);
            response.ShouldNotBeNull().Status.ShouldBe(200, path);
            await page.EvaluateAsync("() => document.fonts.ready");
            var file = Path.Combine(folder.FullName, $"{name}-{width}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Animations = ScreenshotAnimations.Disabled });
            new FileInfo(file).Length.ShouldBeGreaterThan(10_000);
        }
    }

    [Fact]
    public async Task No_main_page_scrolls_sideways_at_320px_and_the_menu_opens_without_script()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 320, Height = 700 }, Locale = "bg-BG", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        foreach (var (_, path) in await MainPagesAsync())
        {
            await page.GotoAsync(path);
            (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320, path);
        }

        await page.GotoAsync("/");
        var projects = page.Locator("nav.main-nav").GetByRole(AriaRole.Link, new() { Name = "Проекти", Exact = true });
        (await projects.IsVisibleAsync()).ShouldBeFalse();
        await page.Locator("summary", new() { HasText = "Меню" }).ClickAsync();
        (await projects.IsVisibleAsync()).ShouldBeTrue();
        await projects.ClickAsync();
        await page.WaitForURLAsync("**/projects");

        // On a desktop the same navigation is a plain row of links, with no menu button.
        var desktop = await app.NewPageAsync();
        await desktop.GotoAsync("/");
        (await desktop.Locator("summary", new() { HasText = "Меню" }).IsVisibleAsync()).ShouldBeFalse();
        (await desktop.Locator("nav.main-nav").GetByRole(AriaRole.Link, new() { Name = "Проекти", Exact = true }).IsVisibleAsync()).ShouldBeTrue();
        await BrowserFactory.AssertAccessibleAsync(desktop);
    }
}
