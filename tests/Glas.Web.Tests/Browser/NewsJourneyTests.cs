using System.Text.RegularExpressions;
using Glas.Web.Participation.Subscriptions;
using Glas.Web.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Browser;

[Trait("Category", "Browser")]
public partial class NewsJourneyTests(BrowserFactory app) : IClassFixture<BrowserFactory>
{
    private static Task Check(IPage page) => BrowserFactory.AssertAccessibleAsync(page);

    [Fact]
    public async Task A_visitor_subscribes_by_email_confirms_receives_a_news_email_and_unsubscribes_in_one_click()
    {
        var email = $"visitor-{Guid.NewGuid():N}@example.org";

        // The visitor subscribes to news at once.
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync("/news");
        await Check(visitor);
        await visitor.GetByRole(AriaRole.Link, new() { Name = "Абонирайте се за новини по имейл" }).ClickAsync();
        (await visitor.Locator("h1").TextContentAsync()).ShouldBe("Абонамент за новости");
        await Check(visitor);
        await visitor.GetByLabel("Имейл").FillAsync(email);
        await visitor.GetByLabel("Веднага, по едно писмо за всяка новост").CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Абонирай се" }).ClickAsync();
        (await visitor.Locator("[role=status]").TextContentAsync())!.ShouldContain("Изпратихме писмо за потвърждение");
        await Check(visitor);

        // …confirms from the e-mail in the pickup folder.
        var confirmation = await app.WaitForMailAsync(email);
        var confirm = TestSupport.Mail.Link(confirmation, "/subscriptions/confirm/");
        confirm.ShouldStartWith(app.BaseUrl + "/subscriptions/confirm/");
        await visitor.GotoAsync(confirm);
        await Check(visitor);
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Потвърди абонамента" }).ClickAsync();
        await visitor.Locator("#subscription-done").WaitForAsync();
        await Check(visitor);

        // An official publishes a post.
        var official = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(official, "official.sliven@example.org");
        await official.GotoAsync("/news/new");
        await Check(official);
        var title = "Нова детска площадка " + Guid.NewGuid().ToString("N")[..6];
        await official.GetByLabel("Заглавие").FillAsync(title);
        await official.GetByLabel("Кратко резюме").FillAsync("Площадката в кв. „Речица“ е готова.");
        await official.GetByLabel("Текст").FillAsync("Площадката е **отворена** от днес. Вижте [плана](https://sliven.bg/plan).");
        await official.GetByLabel("Градска среда").CheckAsync();
        await official.GetByRole(AriaRole.Button, new() { Name = "Запази" }).ClickAsync();
        (await official.Locator("h1").TextContentAsync()).ShouldBe(title);
        (await official.Locator("#post-body strong").TextContentAsync()).ShouldBe("отворена");
        await Check(official);
        await official.GotoAsync("/news/manage");
        await Check(official);

        // The announcement job notices it and the visitor gets an e-mail with the one-click unsubscribe.
        await app.Services.GetServices<IJobHandler>().OfType<AnnounceJob>().Single().RunAsync("{}", CancellationToken.None);
        var mail = await app.WaitForMailAsync(email, title);
        mail.ShouldContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        var unsubscribe = UnsubscribeHeader().Match(mail).Groups[1].Value;
        unsubscribe.ShouldStartWith(app.BaseUrl + "/subscriptions/unsubscribe/");

        // Opening the link shows the button; the mail program's one-click POST ends the subscription.
        var reader = await app.NewPageAsync();
        await reader.GotoAsync(unsubscribe);
        await reader.GetByRole(AriaRole.Button, new() { Name = "Отпиши ме" }).WaitForAsync();
        await Check(reader);
        var response = await reader.APIRequest.PostAsync(unsubscribe, new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
            Data = "List-Unsubscribe=One-Click",
        });
        response.Status.ShouldBe(200);
        (await app.WithDbAsync(db => db.Subscriptions.IgnoreQueryFilters().AnyAsync(s => s.Email == email))).ShouldBeFalse();
        await reader.ReloadAsync();
        await reader.Locator("#unsubscribe-gone").WaitForAsync();
        await Check(reader);

        // The post on the public list and its page.
        await visitor.GotoAsync("/news?topic=urban");
        (await visitor.Locator(".news-list h3 a").First.TextContentAsync()).ShouldBe(title);
        await Check(visitor);
        await visitor.Locator(".news-list h3 a").First.ClickAsync();
        await Check(visitor);
    }

    [Fact]
    public async Task The_library_pages_pass_axe()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/t/yugoiztochen/library");
        (await page.Locator(".library-list h3 a").CountAsync()).ShouldBe(5);
        await Check(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Първи доклад" }).ClickAsync();
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Първи доклад");
        await Check(page);

        var official = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(official, "official.sliven@example.org");
        await official.GotoAsync("/library/new");
        await Check(official);
        await official.GetByLabel("Заглавие").FillAsync("Наръчник за обществени обсъждания");
        await official.GetByLabel("Вид").SelectOptionAsync("Guide");
        await official.GetByLabel("Дата на документа").FillAsync("2026-11-01");
        await official.GetByRole(AriaRole.Button, new() { Name = "Запази" }).ClickAsync();
        (await official.Locator("h1").TextContentAsync()).ShouldBe("Наръчник за обществени обсъждания");
        await Check(official); // with the upload form
        await official.GetByRole(AriaRole.Link, new() { Name = "Редактиране на документа" }).ClickAsync();
        await Check(official);
    }

    [GeneratedRegex(@"List-Unsubscribe: <([^>]+)>")]
    private static partial Regex UnsubscribeHeader();
}
