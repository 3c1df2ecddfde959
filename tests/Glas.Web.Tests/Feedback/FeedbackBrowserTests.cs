using Glas.Web.Tests.Browser;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Feedback;

[Trait("Category", "Browser")]
public class FeedbackBrowserTests(BrowserFactory app) : IClassFixture<BrowserFactory>
{
    [Fact]
    public async Task A_citizen_reports_a_broken_streetlight_an_official_answers_and_the_citizen_rates_it()
    {
        var citizen = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(citizen, "citizen@example.org");
        await citizen.GotoAsync("/feedback");
        await BrowserFactory.AssertAccessibleAsync(citizen);
        await citizen.GetByRole(AriaRole.Link, new() { Name = "Нов сигнал или предложение" }).First.ClickAsync();
        await BrowserFactory.AssertAccessibleAsync(citizen);
        await citizen.GetByLabel("Категория").SelectOptionAsync("street-lighting");
        await citizen.GetByLabel("Заглавие").FillAsync("Не свети уличната лампа");
        await citizen.GetByLabel("Описание").FillAsync("Лампата пред блок 4 не свети от седмица.");
        await citizen.GetByLabel("Адрес или място").FillAsync("кв. „Дружба“, бл. 4");
        // The map (drawn by the script) fills the coordinates from its centre for keyboard users.
        await citizen.Locator(".feedback-map-canvas.leaflet-container").WaitForAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Постави точката в центъра на картата" }).ClickAsync();
        (await citizen.GetByLabel("Географска ширина").InputValueAsync()).ShouldMatch(@"^4\d\.\d{6}$");
        await citizen.GetByLabel("Географска ширина").FillAsync("42.6824");
        await citizen.GetByLabel("Географска дължина").FillAsync("26.3225");
        await citizen.GetByLabel("Снимки").SetInputFilesAsync(new FilePayload { Name = "lamp.png", MimeType = "image/png", Buffer = Glas.Web.Tests.Platform.Files.ImagesTests.Drawn(640, 480) });
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Изпрати" }).ClickAsync();
        var number = (await citizen.Locator("#report-number").TextContentAsync())!;
        number.ShouldMatch(@"^\d{4}-\d{6}$");
        (await citizen.Locator("#photos img").CountAsync()).ShouldBe(1);
        await citizen.Locator(".feedback-map-canvas.leaflet-container").WaitForAsync();
        await BrowserFactory.AssertAccessibleAsync(citizen);
        var url = citizen.Url;
        await citizen.GotoAsync("/feedback/mine");
        await BrowserFactory.AssertAccessibleAsync(citizen);

        var official = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(official, "official.sliven@example.org");
        await official.GotoAsync("/feedback/inbox?status=Received");
        await BrowserFactory.AssertAccessibleAsync(official);
        await official.GotoAsync("/feedback/dashboard");
        await BrowserFactory.AssertAccessibleAsync(official);
        await official.GotoAsync(url + "/manage");
        await BrowserFactory.AssertAccessibleAsync(official);
        await official.GetByRole(AriaRole.Button, new() { Name = "Публикувай снимка 1" }).ClickAsync();
        (await official.Locator("#photos .hint").CountAsync()).ShouldBe(0);
        await official.GetByRole(AriaRole.Button, new() { Name = "Разпредели" }).ClickAsync();
        (await official.Locator("#report-status").TextContentAsync()).ShouldBe("разпределен");
        await official.GetByLabel("Отговор").FillAsync("Лампата е сменена.");
        await official.GetByRole(AriaRole.Button, new() { Name = "Изпрати отговора" }).ClickAsync();
        (await official.Locator("#report-status").TextContentAsync()).ShouldBe("отговорен");
        // The answer's notice to the sender, with its 7-day term, now stands among the facts.
        (await official.Locator("#report-notice").TextContentAsync())!.ShouldContain("чл. 123, ал. 1");
        await BrowserFactory.AssertAccessibleAsync(official);

        await citizen.GotoAsync(url);
        (await citizen.Locator("#report-answer").TextContentAsync()).ShouldBe("Лампата е сменена.");
        await BrowserFactory.AssertAccessibleAsync(citizen);
        await citizen.GetByLabel("5 – напълно").CheckAsync();
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Оцени отговора" }).ClickAsync();
        (await citizen.Locator("#my-rating").TextContentAsync()).ShouldBe("Вашата оценка: 5 от 5.");
        await BrowserFactory.AssertAccessibleAsync(citizen);
    }

    [Theory]
    [InlineData("/feedback", 375)]
    [InlineData("/t/haskovo/feedback?culture=en", 1280)]
    public async Task The_public_list_is_accessible(string path, int width)
    {
        var page = await app.NewPageAsync(width);
        await page.GotoAsync(path);
        await BrowserFactory.AssertAccessibleAsync(page);
    }
}
