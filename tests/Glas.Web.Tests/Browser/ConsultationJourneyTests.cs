using Glas.Web.Consultations;
using Glas.Web.DemoData;
using Glas.Web.Tests.Consultations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Browser;

[Trait("Category", "Browser")]
public class ConsultationJourneyTests(BrowserFactory app) : IClassFixture<BrowserFactory>
{
    private static Task Check(IPage page) => BrowserFactory.AssertAccessibleAsync(page);

    [Fact]
    public async Task From_draft_to_published_report()
    {
        var today = ConsultationLifecycle.TodayInSofia(app.Clock.GetUtcNow());

        // An official creates a consultation with a 15-unit draft, previews the split and saves it.
        var official = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(official, "official.sliven@example.org");
        await official.GetByRole(AriaRole.Link, new() { Name = "Нова консултация" }).ClickAsync();
        await Check(official);
        await official.GetByLabel("Заглавие").FillAsync("Наредба за паркирането в централната градска част");
        await official.GetByLabel("Кратко резюме").FillAsync("Нови правила за синята зона и за паркирането на живущите.");
        await official.GetByLabel("Област на политика").SelectOptionAsync("Transport");
        await official.GetByLabel("Отговорно звено").FillAsync("Дирекция „Транспорт“");
        await official.GetByLabel("Дата на откриване").FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await official.GetByLabel("Дата на закриване").FillAsync(today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await official.GetByLabel("Име (лице 1)").FillAsync("Петър Петров");
        await official.GetByLabel("Имейл (лице 1)").FillAsync("parking@sliven.example.org");
        await official.GetByLabel("Текст", new() { Exact = true }).FillAsync(ConsultationSteps.Draft(14));
        await official.GetByRole(AriaRole.Button, new() { Name = "Преглед на разделянето" }).ClickAsync();
        (await official.Locator("#preview-h").TextContentAsync()).ShouldBe("Преглед: 15 части");
        await Check(official);
        await official.GetByRole(AriaRole.Button, new() { Name = "Запази" }).ClickAsync();
        (await official.Locator("h1").TextContentAsync())!.ShouldStartWith("Управление");
        await Check(official);

        // Documents, then scheduling; the clock opens it.
        foreach (var (type, title) in new[] { ("Draft", "Проект на наредба"), ("Motives", "Мотиви към проекта") })
        {
            await official.GetByLabel("Вид документ").SelectOptionAsync(type);
            await official.GetByLabel("Заглавие", new() { Exact = true }).FillAsync(title);
            await official.GetByLabel("Файл").SetInputFilesAsync(new FilePayload { Name = title + ".pdf", MimeType = "application/pdf", Buffer = DemoPdf.Create(title) });
            await official.GetByRole(AriaRole.Button, new() { Name = "Качи" }).ClickAsync();
            (await official.Locator("[role=status]").TextContentAsync()).ShouldBe("Документът е качен.");
        }
        await official.GetByRole(AriaRole.Button, new() { Name = "Насрочи откриването" }).ClickAsync();
        (await official.Locator("[role=status]").TextContentAsync()).ShouldBe("Консултацията е насрочена.");
        await app.Services.GetRequiredService<ConsultationClock>().TickAsync(CancellationToken.None);
        var id = await app.WithDbAsync(db => db.Consultations.IgnoreQueryFilters().Where(c => c.Title.StartsWith("Наредба за паркирането")).Select(c => c.Id).SingleAsync());

        // Another participant has already commented on unit 4.
        var ngo = app.Client(followRedirects: false);
        await Glas.Web.Tests.TestSupport.Forms.SignInAsync(ngo, "ngo@example.org");
        await ConsultationSteps.CommentAsync(ngo, id, "Предлагаме безплатно паркиране за хора с увреждания.", unit: 4, shown: "Organisation");

        // A citizen comments on unit 3 and supports the organisation's comment.
        var citizen = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(citizen, "citizen@example.org");
        await citizen.GotoAsync($"/consultations/{id}");
        (await citizen.Locator(".badge").First.TextContentAsync()).ShouldBe("Отворена");
        await Check(citizen);
        // Unit 3 is чл. 2: its discussion opens beside it, and posting happens in place.
        await citizen.GetByText("Коментари по чл. 2", new() { Exact = true }).ClickAsync();
        await Check(citizen);
        await citizen.GetByLabel("Вашият коментар по чл. 2").FillAsync("Синята зона да не важи в неделя.");
        await citizen.Locator("#d-art-2").GetByRole(AriaRole.Button, new() { Name = "Публикувай коментара" }).ClickAsync();
        (await citizen.Locator("#d-art-2 [role=status]").TextContentAsync()).ShouldBe("Коментарът е публикуван.");
        await citizen.GetByText("Коментари по чл. 3", new() { Exact = true }).ClickAsync();
        await citizen.Locator("#d-art-3").GetByRole(AriaRole.Button, new() { Name = "Подкрепям" }).ClickAsync();
        (await citizen.Locator("#d-art-3 [role=status]").TextContentAsync()).ShouldBe("Подкрепата е отбелязана.");
        await Check(citizen);

        // A moderator hides the organisation's comment with a reason; it stays, marked.
        var moderator = await app.NewPageAsync();
        await BrowserFactory.SignInAsync(moderator, "moderator.sliven@example.org");
        await moderator.GotoAsync($"/consultations/{id}/units/4");
        await moderator.GetByText("Скрий (модератор)").ClickAsync();
        await moderator.GetByLabel("Причина за скриване (публикува се)").FillAsync("Рекламно съдържание");
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Скрий коментара" }).ClickAsync();
        (await moderator.Locator(".hidden-note").TextContentAsync()).ShouldBe("скрит от модератор: Рекламно съдържание");
        await Check(moderator);
        await moderator.GotoAsync("/moderation");
        await Check(moderator);

        // Time moves past the deadline.
        app.Clock.Advance(TimeSpan.FromDays(32));
        try
        {
            await app.Services.GetRequiredService<ConsultationClock>().TickAsync(CancellationToken.None);
            await citizen.GotoAsync($"/consultations/{id}/units/3");
            (await citizen.Locator(".notice-neutral").TextContentAsync() ?? "").ShouldContain("не е отворена");

            // The official answers every proposal and publishes the report.
            var official2 = await app.NewPageAsync();
            await BrowserFactory.SignInAsync(official2, "official.sliven@example.org");
            await official2.GotoAsync($"/consultations/{id}/manage");
            await official2.GetByRole(AriaRole.Link, new() { Name = "Отговори на предложенията" }).ClickAsync();
            await Check(official2);
            var proposals = official2.Locator("article.proposal");
            (await proposals.CountAsync()).ShouldBe(2);
            for (var i = 0; i < 2; i++)
            {
                var proposal = official2.Locator("article.proposal").Nth(i);
                await proposal.GetByLabel("Решение").SelectOptionAsync(i == 0 ? "PartiallyAccepted" : "NotAProposal");
                await proposal.GetByLabel("Мотиви").FillAsync(i == 0 ? "Приема се за празничните дни." : "Скрит като реклама.");
                await proposal.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Запази отговора") }).ClickAsync();
                (await official2.Locator("[role=status]").TextContentAsync()).ShouldBe("Отговорът е запазен.");
            }
            await official2.GetByRole(AriaRole.Button, new() { Name = "Публикувай справката" }).ClickAsync();
            (await official2.Locator("h1").TextContentAsync()).ShouldBe("Справка за получените предложения");

            // An anonymous visitor reads the report and downloads the .docx.
            var visitor = await app.NewPageAsync();
            await visitor.GotoAsync($"/consultations/{id}");
            // Each proposal shows its answer in the text, under it.
            await visitor.GetByText("Коментари по чл. 2", new() { Exact = true }).ClickAsync();
            (await visitor.Locator("#d-art-2 .comment-note").TextContentAsync())!.ShouldContain("Приема се частично");
            await Check(visitor);
            await visitor.GetByRole(AriaRole.Link, new() { Name = "Прочетете справката" }).ClickAsync();
            await Check(visitor);
            (await visitor.Locator("table.report").First.TextContentAsync())!.ShouldContain("Приема се частично");
            var download = await visitor.RunAndWaitForDownloadAsync(() => visitor.GetByRole(AriaRole.Link, new() { Name = "Изтегли (.docx)" }).ClickAsync());
            download.SuggestedFilename.ShouldEndWith(".docx");
            var path = await download.PathAsync();
            DocxText.Extract(File.OpenRead(path))!.ShouldContain("Синята зона да не важи в неделя.");
            await visitor.GotoAsync("/consultations");
            await Check(visitor);
            await visitor.GotoAsync("/");
            await Check(visitor);
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-32));
        }
    }
}
