using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Consultations;

/// <summary>The published справка as a document officials can sign, and in the strategy.bg export.</summary>
[Trait("Category", "Integration")]
public class ReportDocumentTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private Task<Guid> Published() =>
        app.WithDbAsync(db => db.Consultations.Where(c => c.ReportPublishedAt != null).Select(c => c.Id).FirstAsync(), "levski");

    [Fact]
    public async Task The_docx_is_schema_valid_a4_with_styles_a_numbered_column_the_legal_basis_and_a_signature()
    {
        var id = await Published();
        var response = await app.Client().GetAsync($"/t/levski/consultations/{id}/report.docx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);

        var errors = new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        errors.ShouldBeEmpty(string.Join("\n", errors));

        var main = doc.MainDocumentPart!;
        main.StyleDefinitionsPart!.Styles!.Elements<Style>().Select(s => s.StyleId!.Value).ShouldContain("Title");
        main.DocumentSettingsPart!.Settings.ShouldNotBeNull();
        doc.PackageProperties.Title!.ShouldStartWith("Справка за получените предложения");
        doc.PackageProperties.Language.ShouldBe("bg-BG");

        var section = main.Document.Body!.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        (size.Width!.Value, size.Height!.Value).ShouldBe((11906u, 16838u));
        var margin = section.GetFirstChild<PageMargin>()!;
        margin.Left!.Value.ShouldBe(1701u);
        margin.Top!.Value.ShouldBe(1134);

        var table = main.Document.Body.Elements<Table>().First();
        table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Count().ShouldBe(5);
        var rows = table.Elements<TableRow>().ToList();
        rows[0].Elements<TableCell>().First().InnerText.ShouldBe("№");
        rows[1].Elements<TableCell>().First().InnerText.ShouldBe("1");

        var text = main.Document.Body.InnerText;
        text.ShouldContain("чл. 26, ал. 5 от Закона за нормативните актове");
        text.ShouldContain("Отговорно длъжностно лице");
        text.ShouldContain("(име, длъжност, подпис)");
    }

    [Fact]
    public async Task The_strategy_bg_export_lists_the_published_report_with_bulgarian_labels_the_address_a_stable_id_and_sofia_times()
    {
        var id = await Published();
        var export = await app.Client().GetFromJsonAsync<JsonElement>($"/t/levski/api/v1/consultations/{id}/strategy-bg");
        var tenantId = await app.WithDbAsync(db => db.Tenants.Where(t => t.Slug == "levski").Select(t => t.Id).SingleAsync());
        var institution = export.GetProperty("responsible_institution");
        institution.GetProperty("id").GetString().ShouldBe(tenantId.ToString());
        institution.GetProperty("address").GetString()!.ShouldContain("5900 Левски");
        export.GetProperty("policy_area").GetString().ShouldBe("Бюджет и финанси");
        export.GetProperty("comments")[0].GetProperty("date").GetString()!.ShouldMatch(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[23]:00$");
        var report = export.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("type").GetString() == "справка за получените предложения");
        var version = report.GetProperty("versions")[0];
        version.GetProperty("link").GetString()!.ShouldEndWith($"/consultations/{id}/report.docx");
        version.GetProperty("date").GetString()!.ShouldMatch(@"\+0[23]:00$");
    }
}
