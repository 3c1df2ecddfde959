using Glas.Web.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Consultations;

/// <summary>
/// A citizen reads the draft and comments on a paragraph beside it, without leaving the page: with
/// script (in place), without it (the page comes back with the article open), by keyboard alone, and
/// at 200 % zoom.
/// </summary>
[Trait("Category", "Browser")]
public class DraftBrowserTests(BrowserFactory app) : IClassFixture<BrowserFactory>
{
    private Task<Guid> OrdinanceAsync() =>
        app.WithDbAsync(db => db.Consultations.Where(c => c.Title.StartsWith("Наредба за обществения ред")).Select(c => c.Id).SingleAsync(), "sliven");

    private async Task<IPage> CitizenAsync(Guid id, bool javaScript = true, float zoom = 1)
    {
        var page = await app.NewPageAsync(javaScript: javaScript, zoom: zoom);
        await BrowserFactory.SignInAsync(page, "citizen@example.org");
        await page.GotoAsync($"/consultations/{id}");
        return page;
    }

    private async Task ShouldBeStoredOnParagraphOneAsync(Guid id, string text)
    {
        var unit = await app.WithDbAsync(db => db.Comments.Where(c => c.SubjectId == id && c.Text == text)
            .Join(db.DraftUnits, c => c.UnitId, u => u.Id, (c, u) => u.Path).SingleAsync(), "sliven");
        unit.ShouldBe("Чл. 3, ал. 1");
    }

    [Fact]
    public async Task A_citizen_comments_on_a_paragraph_of_article_3_in_place()
    {
        var id = await OrdinanceAsync();
        var page = await CitizenAsync(id);
        (await page.Locator("#art-5 .part").CountAsync()).ShouldBe(4);
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.EvaluateAsync("() => { window.stillHere = true; }");

        var before = await page.Locator("#d-art-3 summary .count").TextContentAsync();
        await page.GetByText("Коментари по чл. 3", new() { Exact = true }).ClickAsync();
        var discussion = page.Locator("#d-art-3");
        // Opening the discussion loads its comments in place.
        (await discussion.Locator(".comment", new() { HasText = "Предлагам часовете за тишина" }).First.TextContentAsync())!.ShouldContain("нека решим с анкета");
        await discussion.GetByLabel("Коментар по", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Чл. 3, ал. 1" });
        await discussion.GetByLabel("Вашият коментар по чл. 3").FillAsync("Тишината от 14:00 да важи само през лятото.");
        await discussion.GetByRole(AriaRole.Button, new() { Name = "Публикувай коментара" }).ClickAsync();

        (await page.Locator("#d-art-3 [role=status]").TextContentAsync()).ShouldBe("Коментарът е публикуван.");
        (await page.Locator("#d-art-3 .comment").First.TextContentAsync())!.ShouldContain("Тишината от 14:00 да важи само през лятото.");
        (await page.Locator("#d-art-3 summary .count").TextContentAsync()).ShouldNotBe(before);
        (await page.EvaluateAsync<bool>("() => window.stillHere === true")).ShouldBeTrue("the page must not have been reloaded");
        await ShouldBeStoredOnParagraphOneAsync(id, "Тишината от 14:00 да важи само през лятото.");
        await BrowserFactory.AssertAccessibleAsync(page);

        // An empty comment is answered beside the article, in place, with the field named.
        await page.Locator("#d-art-3").GetByRole(AriaRole.Button, new() { Name = "Публикувай коментара" }).ClickAsync();
        (await page.Locator("#d-art-3 .field-error").TextContentAsync())!.ShouldNotBeNullOrWhiteSpace();
        (await page.EvaluateAsync<bool>("() => window.stillHere === true")).ShouldBeTrue();
    }

    [Fact]
    public async Task Without_script_the_same_journey_works_and_comes_back_with_the_article_open()
    {
        var id = await OrdinanceAsync();
        var page = await CitizenAsync(id, javaScript: false);

        // Opening the discussion shows the link that brings the page back with it open.
        await page.GetByText("Коментари по чл. 3", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Покажи коментарите и формата за коментар по чл. 3" }).ClickAsync();
        page.Url.ShouldContain("open=art-3");
        var discussion = page.Locator("#d-art-3");
        await discussion.GetByLabel("Коментар по", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Чл. 3, ал. 1" });
        await discussion.GetByLabel("Вашият коментар по чл. 3").FillAsync("Без скрипт: тишината да започва от 13:30.");
        await discussion.GetByRole(AriaRole.Button, new() { Name = "Публикувай коментара" }).ClickAsync();

        page.Url.ShouldContain("open=art-3");
        (await page.Locator("main > [role=status]").TextContentAsync()).ShouldBe("Коментарът е публикуван.");
        (await page.Locator("#d-art-3").GetAttributeAsync("open")).ShouldNotBeNull();
        (await page.Locator("#d-art-3 .comment").First.TextContentAsync())!.ShouldContain("Без скрипт: тишината да започва от 13:30.");
        // (axe-core needs script, so it runs on this page in the journey with script.)
        await ShouldBeStoredOnParagraphOneAsync(id, "Без скрипт: тишината да започва от 13:30.");
    }

    [Fact]
    public async Task By_keyboard_alone_a_citizen_opens_the_discussion_and_comments()
    {
        var id = await OrdinanceAsync();
        var page = await CitizenAsync(id);

        // Tab to the discussion of чл. 3, open it with Enter, then tab through its form.
        await TabToAsync(page, "document.activeElement.matches('#d-art-3 > summary')");
        await page.Keyboard.PressAsync("Enter");
        await TabToAsync(page, "document.activeElement.matches('#d-art-3 select')");
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<bool>("() => document.activeElement.matches('#d-art-3 textarea')")).ShouldBeTrue();
        await page.Keyboard.TypeAsync("С клавиатура: ал. 1 е ясна.");
        await TabToAsync(page, "document.activeElement.matches('#d-art-3 form.comment-form button[type=submit]')");
        await page.Keyboard.PressAsync("Enter");

        (await page.Locator("#d-art-3 [role=status]").TextContentAsync()).ShouldBe("Коментарът е публикуван.");
        // Focus lands on the new comment, so a keyboard or screen-reader user is where they were.
        (await page.EvaluateAsync<string>("() => document.activeElement.closest('.comment')?.textContent ?? ''")).ShouldContain("С клавиатура: ал. 1 е ясна.");
        await ShouldBeStoredOnParagraphOneAsync(id, "С клавиатура: ал. 1 е ясна.");
    }

    [Fact]
    public async Task At_200_percent_zoom_the_page_does_not_scroll_sideways_and_the_journey_works()
    {
        var id = await OrdinanceAsync();
        var page = await CitizenAsync(id, zoom: 2);
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")).ShouldBeTrue("the page scrolls sideways at 200 %");

        await page.GetByText("Коментари по чл. 3", new() { Exact = true }).ClickAsync();
        var discussion = page.Locator("#d-art-3");
        await discussion.GetByLabel("Вашият коментар по чл. 3").FillAsync("При увеличение: всичко се чете.");
        await discussion.GetByRole(AriaRole.Button, new() { Name = "Публикувай коментара" }).ClickAsync();
        (await page.Locator("#d-art-3 [role=status]").TextContentAsync()).ShouldBe("Коментарът е публикуван.");
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")).ShouldBeTrue("the page scrolls sideways at 200 % with the discussion open");
        await ShouldBeStoredOnParagraphOneAsync(id, "При увеличение: всичко се чете.");
        await BrowserFactory.AssertAccessibleAsync(page);
    }

    private static async Task TabToAsync(IPage page, string condition)
    {
        for (var i = 0; i < 300; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>($"() => !!({condition})"))
            {
                return;
            }
        }
        throw new ShouldAssertException($"Tab never reached: {condition}");
    }
}
