using System.Text;
using Glas.Web.Consultations;
using Glas.Web.Surveys;
using Glas.Web.Tests.Browser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Surveys;

/// <summary>An official uploads a list of addresses and reads the line-by-line report; the consultation's assessment form on its management page.</summary>
[Trait("Category", "Browser")]
public class SurveyInvitationsBrowserTests(BrowserFactory app) : IClassFixture<BrowserFactory>
{
    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task An_official_uploads_a_csv_of_addresses_and_reads_what_was_wrong_line_by_line(int width)
    {
        var id = await app.WithDbAsync(db => db.Surveys.Where(s => s.Audience == SurveyAudience.Invitation && s.Title.StartsWith("Нагласи")).Select(s => s.Id).SingleAsync(), "sliven");
        var page = await app.NewPageAsync(width);
        await BrowserFactory.SignInAsync(page, "official.sliven@example.org");
        await page.GotoAsync($"/surveys/{id}/edit");
        await page.GetByLabel("или файл с адреси (CSV)").SetInputFilesAsync(new FilePayload
        {
            Name = "sluzhiteli.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"Име;Имейл\nИван;ivan.{width}@example.org\nМария;maria@@example.org\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Изпрати поканите" }).ClickAsync();
        (await page.Locator(".invitation-report li").TextContentAsync() ?? "").ShouldBe("Ред 3: „maria@@example.org“ не е валиден адрес.");
        (await page.Locator("#EmailsFile-error").TextContentAsync() ?? "").ShouldContain("1 реда са с грешка");
        await BrowserFactory.AssertAccessibleAsync(page);

        await page.GetByLabel("или файл с адреси (CSV)").SetInputFilesAsync(new FilePayload
        {
            Name = "sluzhiteli.csv", MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes($"ivan.{width}@example.org\nIvan.{width}@example.org\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Изпрати поканите" }).ClickAsync();
        (await page.Locator("[role=status]").TextContentAsync() ?? "").ShouldContain("Изпратени са 1 покани");
        (await page.Locator(".invitation-report li").TextContentAsync() ?? "").ShouldContain("се повтаря (вече е на ред 1)");
        (await page.GetByRole(AriaRole.Button, new() { Name = "Напомни на неотговорилите" }).IsVisibleAsync()).ShouldBeTrue();
        await BrowserFactory.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_consultations_management_page_links_its_assessment_form()
    {
        var consultation = await app.WithDbAsync(db => db.Surveys.Where(s => s.SubjectKind == ConsultationComments.Kind).Select(s => s.SubjectId).SingleAsync(), "haskovo");
        var page = await app.NewPageAsync();
        await page.GotoAsync("/t/haskovo/account/login");
        await page.GetByLabel("Имейл").FillAsync("official.haskovo@example.org");
        await page.GetByLabel("Парола").FillAsync(Glas.Web.DemoData.DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Влез" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.GotoAsync($"/t/haskovo/consultations/{consultation}/manage");
        await page.GetByRole(AriaRole.Link, new() { Name = "Отворете формата за оценка" }).ClickAsync();
        (await page.Locator($"main a[href$='/consultations/{consultation}']").CountAsync()).ShouldBe(1);
        await BrowserFactory.AssertAccessibleAsync(page);
    }
}
