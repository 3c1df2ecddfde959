using Glas.Web.Tests.Browser;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Surveys;

/// <summary>An official builds a survey with every question type; a citizen answers it without script; the official reads the results and downloads them.</summary>
[Trait("Category", "Browser")]
public class SurveysBrowserTests(BrowserFactory app) : IClassFixture<BrowserFactory>
{
    private static readonly (string Type, string Text, string? Options, string? Rows)[] Questions =
    [
        ("SingleChoice", "Откъде научихте?", "От сайта\nОт приятели", null),
        ("Dropdown", "Квартал", "Център\nКлуцохор\nНадежда", null),
        ("MultipleChoice", "Кои услуги ползвате?", "Данъци\nУдостоверения\nСтроителство", null),
        ("Likert", "Доволни ли сте?", null, null),
        ("Scale10", "Бихте ли препоръчали?", null, null),
        ("Matrix", "Оценете", null, "Бързина\nУчтивост"),
        ("ShortText", "Име на служителя", null, null),
        ("LongText", "Коментар", null, null),
        ("Number", "Минути чакане", null, null),
        ("Date", "Дата на посещението", null, null),
        ("Ranking", "Подредете", "Цена\nСрок", null),
    ];

    [Fact]
    public async Task An_official_builds_every_question_type_a_citizen_answers_without_script_and_the_official_reads_and_downloads_results()
    {
        var page = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(page, "official.sliven@example.org");
        await page.GotoAsync("/surveys/manage");
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.Locator("#NewTitle").FillAsync("Обслужване в центъра за услуги");
        await page.GetByRole(AriaRole.Button, new() { Name = "Създай" }).ClickAsync();
        await page.Locator("#question-form").WaitForAsync(new() { Timeout = 10000 });
        var edit = page.Url;
        var id = edit.Split('/')[^2];
        await BrowserFactory.AssertAccessibleAsync(page);

        foreach (var (type, text, options, rows) in Questions)
        {
            var form = page.Locator("#question-form form");
            await page.Locator("#Question_Type").SelectOptionAsync(type);
            await page.Locator("#Question_Text").FillAsync(text);
            if (options is not null)
            {
                await page.Locator("#Question_Options").FillAsync(options);
            }
            if (rows is not null)
            {
                await page.Locator("#Question_Rows").FillAsync(rows);
            }
            await form.GetByRole(AriaRole.Button, new() { Name = "Добави въпрос" }).ClickAsync();
            (await page.Locator("[role=status]").First.TextContentAsync() ?? "").ShouldContain("записани");
        }
        (await page.Locator(".survey-questions li").CountAsync()).ShouldBe(Questions.Length);
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Пусни анкетата" }).ClickAsync();
        (await page.Locator("[role=status]").First.TextContentAsync() ?? "").ShouldContain("пусната");

        await page.GotoAsync($"/surveys/{id}?preview=true");
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.GotoAsync("/surveys");
        await BrowserFactory.AssertAccessibleAsync(page);

        // A citizen, without script, at 320 px.
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 320, Height = 800 }, JavaScriptEnabled = false, Locale = "bg-BG" });
        var citizen = await context.NewPageAsync();
        await citizen.GotoAsync($"/surveys/{id}");
        await citizen.GetByLabel("От сайта").CheckAsync();
        await citizen.GetByLabel("Квартал").SelectOptionAsync(new SelectOptionValue { Label = "Надежда" });
        await citizen.GetByLabel("Данъци").CheckAsync();
        await citizen.GetByLabel("Удостоверения").CheckAsync();
        await citizen.Locator("#q4-4").CheckAsync();
        await citizen.Locator("#q5-9").CheckAsync();
        await citizen.Locator("#q6_r1-5").CheckAsync();
        await citizen.Locator("#q6_r2-4").CheckAsync();
        await citizen.GetByLabel("Име на служителя").FillAsync("Мария");
        await citizen.GetByLabel("Коментар").FillAsync("<script>alert('x')</script> Бързо и учтиво 🙂");
        await citizen.GetByLabel("Минути чакане").FillAsync("abc");
        await citizen.GetByLabel("Дата на посещението").FillAsync("2026-11-20");
        await citizen.GetByLabel("Цена").SelectOptionAsync("2");
        await citizen.GetByLabel("Срок").SelectOptionAsync("1");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Изпрати отговорите" }).ClickAsync();
        // The error sits beside its field and the other answers are kept.
        (await citizen.Locator("#q9-error").TextContentAsync() ?? "").ShouldContain("Въведете число");
        (await citizen.GetByLabel("Име на служителя").InputValueAsync()).ShouldBe("Мария");
        await citizen.GetByLabel("Минути чакане").FillAsync("12");
        await citizen.GetByRole(AriaRole.Button, new() { Name = "Изпрати отговорите" }).ClickAsync();
        (await citizen.Locator("[role=status]").TextContentAsync() ?? "").ShouldContain("записан");
        await context.CloseAsync();

        await page.GotoAsync($"/surveys/{id}/results");
        (await page.Locator("#total").TextContentAsync()).ShouldBe("Отговори: 1");
        await BrowserFactory.AssertAccessibleAsync(page);
        await page.Locator("a[href*='text=8']").ClickAsync();
        (await page.Locator(".survey-texts").TextContentAsync() ?? "").ShouldContain("<script>alert('x')</script> Бързо и учтиво");
        await BrowserFactory.AssertAccessibleAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-xlsx").ClickAsync());
        download.SuggestedFilename.ShouldEndWith(".xlsx");

        await page.GotoAsync(edit);
        await BrowserFactory.AssertAccessibleAsync(page);
    }
}
