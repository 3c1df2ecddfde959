using System.Net;
using System.Text;
using Glas.Web.Monitoring;
using Glas.Web.Platform.OpenData;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.OpenData;

/// <summary>Every CSV download has an XLSX beside it with the same columns and typed cells.</summary>
[Trait("Category", "Integration")]
public class SpreadsheetExportTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private async Task<HttpClient> As(string? email, string prefix = "")
    {
        var client = app.Client(followRedirects: false);
        if (email is not null)
        {
            await client.SignInAsync(email, prefix: prefix);
        }
        return client;
    }

    private static async Task<(string Csv, XlsxSheet Xlsx)> BothAsync(HttpClient client, string csvUrl, string xlsxUrl)
    {
        var csv = await client.GetAsync(csvUrl);
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        csvBytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var xlsx = await client.GetAsync(xlsxUrl);
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx.ContentType);
        xlsx.Content.Headers.ContentDisposition!.FileName!.Trim('"').ShouldEndWith(".xlsx");
        var sheet = XlsxSheet.Read(await xlsx.Content.ReadAsByteArrayAsync());
        sheet.ValidationErrors.ShouldBe(0);
        sheet.HeaderFrozen.ShouldBeTrue();
        var text = Encoding.UTF8.GetString(csvBytes[3..]);
        sheet.Header.ShouldBe(text[..text.IndexOf("\r\n", StringComparison.Ordinal)].Split(','));
        return (text, sheet);
    }

    [Fact]
    public async Task The_project_register_opens_with_currency_and_date_cells()
    {
        var (csv, sheet) = await BothAsync(await As(null), "/t/levski/api/v1/projects/export.csv", "/t/levski/api/v1/projects/export.xlsx");
        sheet.Rows.Count.ShouldBe(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        var rows = Enumerable.Range(1, sheet.Rows.Count - 1).ToList();
        var row = rows.First(r => sheet.Cell(r, "total_value").Value.Length > 0);
        sheet.Cell(row, "total_value").Type.ShouldBe("n");
        sheet.Cell(row, "total_value").Format!.ShouldMatch(sheet.Cell(row, "currency").Value == "EUR" ? ".*€.*" : ".*лв\\..*");
        sheet.Cell(row, "title").Type.ShouldBe("inlineStr");
        var dated = rows.First(r => sheet.Cell(r, "start_date").Value.Length > 0);
        sheet.Cell(dated, "start_date").Type.ShouldBe("n");
        sheet.Cell(dated, "start_date").Format.ShouldBe("yyyy-mm-dd");
        rows.Where(r => sheet.Cell(r, "first_year").Value.Length > 0).ShouldAllBe(r => sheet.Cell(r, "first_year").Type == "n");
        // CSV: decimal point, ISO dates, whatever the culture of the reader.
        csv.ShouldMatch("(?s).*,\\d{4}-\\d{2}-\\d{2},.*");
        csv.ShouldNotContain(" г.");
        (await (await As(null)).GetStringAsync("/t/levski/projects")).ShouldContain("/api/v1/projects/export.xlsx");
    }

    [Fact]
    public async Task The_published_report_opens_with_numbers_and_times()
    {
        var id = await app.WithDbAsync(db => db.Consultations.Where(c => c.ReportPublishedAt != null).Select(c => c.Id).FirstAsync(), "levski");
        var (csv, sheet) = await BothAsync(await As(null), $"/t/levski/consultations/{id}/report.csv", $"/t/levski/consultations/{id}/report.xlsx");
        sheet.Header.ShouldBe(["number", "part", "author", "submitted_at", "proposal", "decision", "reasons"]);
        sheet.Rows.Count.ShouldBeGreaterThan(1);
        sheet.Cell(1, "number").ShouldBe(new XlsxCell("n", null, false, "1"));
        sheet.Cell(1, "submitted_at").Format.ShouldBe("yyyy-mm-dd hh:mm");
        csv.ShouldMatch("(?s).*\\r\\n1,[^\\r]*,\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+0[23]:00,.*");
        (await (await As(null)).GetStringAsync($"/t/levski/consultations/{id}/report")).ShouldContain($"/consultations/{id}/report.xlsx");
        (await (await As(null)).GetAsync($"/t/sliven/consultations/{id}/report.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Feedback_statistics_open_as_numbers()
    {
        var (_, sheet) = await BothAsync(await As(null), "/t/haskovo/api/v1/feedback/statistics.csv", "/t/haskovo/api/v1/feedback/statistics.xlsx");
        sheet.Rows.Count.ShouldBeGreaterThan(1);
        sheet.Cell(1, "received").Type.ShouldBe("n");
        sheet.Cell(1, "label").Type.ShouldBe("inlineStr");
    }

    [Fact]
    public async Task Monitoring_tables_open_as_numbers_and_dates()
    {
        var client = await As(null);
        var (_, recs) = await BothAsync(client, "/t/levski/monitoring/recommendations.csv", "/t/levski/monitoring/recommendations.xlsx");
        recs.Rows.Count.ShouldBeGreaterThan(1);
        recs.Cell(1, "created").Format.ShouldBe("yyyy-mm-dd hh:mm");
        recs.Cell(1, "overdue").Type.ShouldBe("b");
        (await client.GetAsync("/t/levski/monitoring/recommendations.xlsx?stage=x")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var policy = await app.WithDbAsync(db => db.Policies.Where(p => p.Title == MonitoringDemoData.SlivenPolicy).Select(p => p.Id).SingleAsync(), "sliven");
        var (_, indicators) = await BothAsync(client, $"/monitoring/policies/{policy}/indicators.csv", $"/monitoring/policies/{policy}/indicators.xlsx");
        indicators.Rows.Count.ShouldBeGreaterThan(1);
        indicators.Cell(1, "value").Type.ShouldBe("n");
        indicators.Cell(1, "year").Type.ShouldBe("n");
        (await client.GetAsync($"/t/levski/monitoring/policies/{policy}/indicators.xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_attendance_list_is_for_officials_of_the_administration_only()
    {
        var id = await app.WithDbAsync(db => db.Events.Select(e => e.Id).FirstAsync(), "sliven");
        (await (await As(null)).GetAsync($"/events/{id}/attendance.xlsx")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await (await As("official.levski@example.org", "/t/levski")).GetAsync($"/t/levski/events/{id}/attendance.xlsx")).StatusCode.ShouldNotBe(HttpStatusCode.OK);
        var (_, sheet) = await BothAsync(await As("official.sliven@example.org"), $"/events/{id}/attendance.csv", $"/events/{id}/attendance.xlsx");
        sheet.Header.ShouldBe(["name", "email", "status", "registered_at", "attended"]);
    }
}
