using Glas.Web.Tests.TestSupport;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Browser;

[Trait("Category", "Browser")]
public class NewcomerJourneyTests(BrowserFactory app) : IClassFixture<BrowserFactory>
{
    [Fact]
    public async Task A_newcomer_registers_confirms_signs_in_renames_and_switches_language()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserFactory.AssertAccessibleAsync(page);
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Община Сливен");

        // The first Tab reaches the skip link.
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<string>("() => document.activeElement.className")).ShouldBe("skip-link");

        await page.GetByRole(AriaRole.Link, new() { Name = "Регистрация" }).First.ClickAsync();
        await BrowserFactory.AssertAccessibleAsync(page);

        // Submitting empty shows field errors, and the error page state is accessible too.
        await page.GetByRole(AriaRole.Button, new() { Name = "Регистрирай ме" }).ClickAsync();
        (await page.Locator("#Input_Email-error").TextContentAsync()).ShouldBe("Полето е задължително.");
        await BrowserFactory.AssertAccessibleAsync(page);

        await page.GetByLabel("Имейл").FillAsync("nova@example.org");
        await page.GetByLabel("Публично име").FillAsync("Нова Участничка");
        await page.Locator("#Input_Password").FillAsync("сигурна-фраза-2026");
        await page.GetByLabel("Повторете паролата").FillAsync("сигурна-фраза-2026");
        await page.GetByLabel("Приемам правилата на платформата и кодекса на поведение").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Регистрирай ме" }).ClickAsync();
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Проверете пощата си");
        await BrowserFactory.AssertAccessibleAsync(page);

        var link = Mail.Link(await app.WaitForMailAsync("nova@example.org"), "/account/confirm-email");
        await page.GotoAsync(link);
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Потвърди имейла" }).ClickAsync();
        (await page.Locator("[role=status]").TextContentAsync() ?? "").ShouldContain("Имейлът е потвърден");

        await page.GetByRole(AriaRole.Link, new() { Name = "Вход" }).Last.ClickAsync();
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.GetByLabel("Имейл").FillAsync("nova@example.org");
        await page.GetByLabel("Парола").FillAsync("сигурна-фраза-2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Влез" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Моят профил" }).ClickAsync();
        await BrowserFactory.AssertAccessibleAsync(page);

        await page.GetByLabel("Публично име").FillAsync("Нова Участничка от Сливен");
        await page.GetByRole(AriaRole.Button, new() { Name = "Запази" }).ClickAsync();
        (await page.Locator("[role=status]").TextContentAsync()).ShouldBe("Профилът е запазен.");
        (await page.GetByLabel("Публично име").InputValueAsync()).ShouldBe("Нова Участничка от Сливен");

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        (await page.Locator("h1").TextContentAsync()).ShouldBe("My profile");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Български" }).ClickAsync();
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Моят профил");

        foreach (var path in new[] { "/account/password", "/account/personal-data" })
        {
            await page.GotoAsync(path);
            await BrowserFactory.AssertAccessibleAsync(page);
        }
    }

    [Theory]
    [InlineData("/rules")]
    [InlineData("/accessibility")]
    [InlineData("/privacy")]
    [InlineData("/administrations")]
    [InlineData("/account/forgot-password")]
    [InlineData("/account/resend-confirmation")]
    [InlineData("/account/reset-password?userId=x&code=y")]
    [InlineData("/no-such-page")]
    [InlineData("/t/yugoiztochen/")]
    public async Task Public_pages_are_accessible_in_both_languages_and_at_320px(string path)
    {
        var page = await app.NewPageAsync(width: 320);
        await page.GotoAsync(path);
        await BrowserFactory.AssertAccessibleAsync(page);
        // Reflow (WCAG 1.4.10): nothing scrolls sideways at 320 CSS pixels.
        (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(320);
        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        await BrowserFactory.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task An_administrator_manages_roles_in_accessible_admin_pages()
    {
        var page = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(page, "admin.sliven@example.org");
        await page.GetByRole(AriaRole.Link, new() { Name = "Администриране" }).ClickAsync();
        await BrowserFactory.AssertAccessibleAsync(page);

        await page.GotoAsync("/admin/users");
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.GetByLabel("Роля на Мария Гражданка").SelectOptionAsync("Moderator");
        await page.Locator("tr", new() { HasText = "Мария Гражданка" }).GetByRole(AriaRole.Button, new() { Name = "Смени ролята" }).ClickAsync();
        (await page.Locator("[role=status]").TextContentAsync()).ShouldBe("Ролята е сменена.");

        await page.GotoAsync("/admin/audit");
        await BrowserFactory.AssertAccessibleAsync(page);
        (await page.Locator("tbody tr").First.TextContentAsync() ?? "").ShouldContain("Participant → Moderator");
    }

    [Fact]
    public async Task The_installation_administrator_adds_an_administration_in_accessible_pages()
    {
        var page = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(page, "operator@example.org");
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "Администрации", Exact = true }).Last.ClickAsync();
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Нова администрация" }).ClickAsync();
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Запази" }).ClickAsync();
        await BrowserFactory.AssertAccessibleAsync(page);
        (await page.Locator(".error-summary").TextContentAsync() ?? "").ShouldContain("Полето е задължително");
        await page.GetByLabel("Кратко име в адреса").FillAsync("novo-selo");
        await page.GetByLabel("Наименование на български").FillAsync("Община Ново село");
        await page.GetByLabel("Наименование на английски").FillAsync("Novo Selo Municipality");
        await page.GetByLabel("Население").FillAsync("2900");
        await page.GetByRole(AriaRole.Button, new() { Name = "Запази" }).ClickAsync();
        (await page.Locator("tbody").TextContentAsync() ?? "").ShouldContain("Община Ново село");
        await page.GotoAsync("/t/novo-selo/");
        (await page.Locator("h1").TextContentAsync()).ShouldBe("Община Ново село");
        await BrowserFactory.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_accessibility_check_itself_fails_on_a_violation()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/rules");
        await page.EvaluateAsync("() => { const i = document.createElement('input'); i.type = 'text'; document.querySelector('main').appendChild(i); }");
        string? failure = null;
        try
        {
            await BrowserFactory.AssertAccessibleAsync(page);
        }
        catch (ShouldAssertException e)
        {
            failure = e.Message;
        }
        (failure ?? "no violation reported").ShouldContain("Form elements must have labels");
    }
}
