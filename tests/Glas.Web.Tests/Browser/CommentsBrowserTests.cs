using Glas.Web.Consultations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Browser;

/// <summary>The comments component in a browser: a project's thread, and the moderation queue with reports from two modules, each page accessible.</summary>
[Trait("Category", "Browser")]
public class CommentsBrowserTests(BrowserFactory app) : IClassFixture<BrowserFactory>
{
    private static Task Check(IPage page) => BrowserFactory.AssertAccessibleAsync(page);

    [Fact]
    public async Task Project_comments_and_the_shared_moderation_queue()
    {
        var project = await app.WithDbAsync(db => db.Projects.OrderBy(p => p.CreatedAt).Select(p => p.Id).FirstAsync(), "sliven");
        var consultation = await app.WithDbAsync(db => db.Consultations.Where(c => c.Status == ConsultationStatus.Open).Select(c => c.Id).FirstAsync(), "sliven");

        // A citizen comments on a project, a little clumsily, and corrects it.
        var citizen = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(citizen, "citizen@example.org");
        await citizen.GotoAsync($"/projects/{project}");
        await citizen.GetByLabel("Вашият коментар").FillAsync("Кога ще започне ремонта?");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Публикувай коментара" }).ClickAsync();
        (await citizen.Locator("[role=status]").TextContentAsync()).ShouldBe("Коментарът е публикуван.");
        await citizen.GetByText("Редактирай").ClickAsync();
        await citizen.GetByLabel("Текст на коментара").FillAsync("Кога ще започне ремонтът?");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Запази промяната" }).ClickAsync();
        (await citizen.Locator("article.comment .prewrap").First.TextContentAsync()).ShouldBe("Кога ще започне ремонтът?");
        (await citizen.Locator("article.comment .edited").First.TextContentAsync()).ShouldBe("редактиран");
        await Check(citizen);

        // The organisation supports it, replies, and reports a comment on a consultation.
        var ngo = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(ngo, "ngo@example.org");
        await ngo.GotoAsync($"/projects/{project}");
        await ngo.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Подкрепям") }).ClickAsync();
        (await ngo.Locator("[role=status]").TextContentAsync()).ShouldBe("Подкрепата е отбелязана.");
        await ngo.Locator("details.reply summary").First.ClickAsync();
        await ngo.GetByLabel("Вашият отговор").First.FillAsync("Според графика — през пролетта.");
        await ngo.GetByRole(AriaRole.Button, new() { Name = "Публикувай отговора" }).First.ClickAsync();
        (await ngo.Locator("ol.replies .prewrap").First.TextContentAsync()).ShouldBe("Според графика — през пролетта.");
        await ngo.Locator("article.comment").First.GetByText("Сигнализирай на модератор").ClickAsync();
        await ngo.Locator("article.comment").First.GetByLabel("Причина").FillAsync("Проверка на опашката");
        await ngo.Locator("article.comment").First.GetByRole(AriaRole.Button, new() { Name = "Изпрати сигнала" }).ClickAsync();
        (await ngo.Locator("[role=status]").TextContentAsync()).ShouldBe("Сигналът е изпратен на модераторите.");
        await Check(ngo);
        await ngo.GotoAsync($"/consultations/{consultation}/units/13");
        await ngo.Locator("article.comment").First.GetByText("Сигнализирай на модератор").ClickAsync();
        await ngo.Locator("article.comment").First.GetByLabel("Причина").FillAsync("Извън темата");
        await ngo.Locator("article.comment").First.GetByRole(AriaRole.Button, new() { Name = "Изпрати сигнала" }).ClickAsync();
        (await ngo.Locator("[role=status]").TextContentAsync()).ShouldBe("Сигналът е изпратен на модераторите.");

        // The moderator sees both reports in one queue and hides the project's comment from there.
        var moderator = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(moderator, "moderator.sliven@example.org");
        await moderator.GotoAsync("/moderation");
        (await moderator.Locator("li.card").CountAsync()).ShouldBe(2);
        await Check(moderator);
        var row = moderator.Locator("li.card", new() { HasText = "Проверка на опашката" });
        await row.GetByLabel("Причина за скриване (публикува се)").FillAsync("Проверено");
        await row.GetByRole(AriaRole.Button, new() { Name = "Скрий коментара" }).ClickAsync();
        (await moderator.Locator("[role=status]").TextContentAsync()).ShouldBe("Коментарът е скрит. Той остава в записа и в броя на коментарите.");
        (await moderator.Locator("li.card").CountAsync()).ShouldBe(1);
        await Check(moderator);
        await moderator.GotoAsync($"/projects/{project}");
        (await moderator.Locator(".hidden-note").First.TextContentAsync()).ShouldBe("Коментарът е скрит от модератор. Причина: Проверено");
        await Check(moderator);
    }
}
