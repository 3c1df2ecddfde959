using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Browser;

[Trait("Category", "Browser")]
public partial class NotificationJourneyTests(BrowserFactory app) : IClassFixture<BrowserFactory>
{
    private static Task Check(IPage page) => BrowserFactory.AssertAccessibleAsync(page);

    [Fact]
    public async Task A_citizen_follows_a_project_is_notified_of_a_payment_and_unsubscribes_in_one_click()
    {
        var project = await app.WithDbAsync(db => db.Projects.Select(p => p.Id).FirstAsync(), "sliven");

        // The citizen follows the project.
        var citizen = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(citizen, "citizen@example.org");
        await citizen.GotoAsync($"/projects/{project}");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Следвай" }).ClickAsync();
        (await citizen.Locator("[role=status]").TextContentAsync()).ShouldBe("Следите това. Ще получавате известия за промените.");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Спри да следваш" }).WaitForAsync();

        // An official adds a payment.
        var official = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(official, "official.sliven@example.org");
        await official.GotoAsync($"/projects/{project}/payments");
        var add = official.Locator("form.payment-row").Last;
        await add.GetByLabel("Сума").FillAsync("1500");
        await add.GetByRole(AriaRole.Button, new() { Name = "Добави плащане" }).ClickAsync();
        await official.Locator("[role=status]").WaitForAsync();

        // The citizen sees the unread count, in words for screen readers, and the notice.
        var link = citizen.Locator("#nav-notifications");
        for (var i = 0; i < 50 && await citizen.Locator("#nav-notifications .badge").CountAsync() == 0; i++)
        {
            await Task.Delay(200);
            await citizen.ReloadAsync();
        }
        (await citizen.GetByRole(AriaRole.Link, new() { Name = "Известия (1 непрочетени)" }).CountAsync()).ShouldBe(1);
        await link.ClickAsync();
        (await citizen.Locator("h1").TextContentAsync()).ShouldBe("Известия");
        (await citizen.Locator(".notifications li.unread a").TextContentAsync())!.ShouldStartWith("Промяна в плащанията по проекта: ");
        await Check(citizen);
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Отбележи всички като прочетени" }).ClickAsync();
        (await citizen.Locator("[role=status]").TextContentAsync()).ShouldBe("Всички известия са отбелязани като прочетени.");
        (await citizen.Locator("#nav-notifications .badge").CountAsync()).ShouldBe(0);
        await Check(citizen);

        // The e-mail arrives in the pickup folder with the one-click unsubscribe.
        var mail = await app.WaitForMailAsync("citizen@example.org");
        mail.ShouldContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        var unsubscribe = UnsubscribeHeader().Match(mail).Groups[1].Value;
        unsubscribe.ShouldStartWith(app.BaseUrl + "/unsubscribe/");

        // Someone opening the link, not signed in, sees the choice; the page is accessible.
        var visitor = await app.NewPageAsync();
        await visitor.GotoAsync(unsubscribe);
        (await visitor.Locator("h1").TextContentAsync()).ShouldBe("Отписване от писмата");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Спри да следваш това" }).WaitForAsync();
        await Check(visitor);

        // The mail program's one-click POST (RFC 8058) unsubscribes from this project.
        var response = await visitor.APIRequest.PostAsync(unsubscribe, new() { Form = visitor.APIRequest.CreateFormData().Set("List-Unsubscribe", "One-Click") });
        response.Status.ShouldBe(200);
        var citizenId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "citizen@example.org").Select(u => u.Id).SingleAsync());
        (await app.WithDbAsync(db => db.Follows.IgnoreQueryFilters().AnyAsync(f => f.UserId == citizenId && f.SubjectId == project))).ShouldBeFalse();
        await citizen.GotoAsync($"/projects/{project}");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Следвай" }).WaitForAsync();

        // The page's other button stops all notification e-mail.
        await visitor.ReloadAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Спри всички писма за известия" }).ClickAsync();
        (await visitor.Locator("#unsubscribe-done").TextContentAsync())!.ShouldStartWith("Готово: няма да получавате писма за известия.");
        await Check(visitor);
    }

    [GeneratedRegex(@"List-Unsubscribe: <([^>]+)>")]
    private static partial Regex UnsubscribeHeader();
}
