using System.Globalization;
using System.Text;
using Glas.Web.Platform.OpenData;
using Glas.Web.Tests.TestSupport;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Platform.OpenData;

[Trait("Category", "Unit")]
public class TableExportTests
{
    private sealed record Item(string Name, int Count, decimal Share, Money? Amount, DateOnly? Day, DateTimeOffset At, bool Done);

    private static readonly TableExport<Item> Table = new("Items",
    [
        ExportColumn.Of<Item>("name", "Name.", i => i.Name),
        ExportColumn.Of<Item>("count", "Count.", i => i.Count),
        ExportColumn.Of<Item>("share", "Share.", i => i.Share),
        ExportColumn.Of<Item>("amount", "Amount.", i => i.Amount),
        ExportColumn.Of<Item>("day", "Day.", i => i.Day),
        ExportColumn.Of<Item>("at", "Moment.", i => i.At),
        ExportColumn.Of<Item>("done", "Done.", i => i.Done),
    ]);

    private static readonly Item[] Items =
    [
        new("=HYPERLINK(\"http://evil\")", -3, 12.5000m, new Money(1234.5m, "EUR"), new DateOnly(2026, 9, 6), new DateTimeOffset(2026, 7, 1, 9, 30, 0, TimeSpan.Zero), true),
        new("Улица \"Раковски\", 2\nред", 0, -0.25m, new Money(10m, "BGN"), null, new DateTimeOffset(2026, 1, 15, 22, 0, 0, TimeSpan.Zero), false),
    ];

    [Fact]
    public void Csv_is_rfc_4180_utf8_with_bom_iso_dates_and_a_decimal_point()
    {
        var bytes = Table.Csv(Items);
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n");
        lines[0].ShouldBe("name,count,share,amount,day,at,done");
        // Formula-like text gets an apostrophe (and is quoted for its quotes); negative numbers stay numbers.
        lines[1].ShouldBe("\"'=HYPERLINK(\"\"http://evil\"\")\",-3,12.5,1234.50,2026-09-06,2026-07-01T12:30:00+03:00,true");
        // Winter time in Sofia is +02:00; a field with a comma, quote or line break is quoted.
        text.ShouldContain("\"Улица \"\"Раковски\"\", 2\nред\",0,-0.25,10.00,,2026-01-16T00:00:00+02:00,false\r\n");
        text.ShouldEndWith("\r\n");
    }

    [Fact]
    public void Plain_text_rows_are_written_with_the_same_rules()
    {
        var text = Encoding.UTF8.GetString(Csv.Write(["a", "b"], [["-1", "@x"], ["ok", "a,b"]])[3..]);
        // The escaped field is quoted too, so no reader strips the apostrophe's protection.
        text.ShouldBe("a,b\r\n\"'-1\",\"'@x\"\r\nok,\"a,b\"\r\n");
    }

    [Fact]
    public void Xlsx_has_typed_cells_a_bold_frozen_header_and_is_schema_valid()
    {
        var sheet = XlsxSheet.Read(Table.Xlsx(Items));
        sheet.ValidationErrors.ShouldBe(0);
        sheet.HeaderFrozen.ShouldBeTrue();
        sheet.Header.ShouldBe(["name", "count", "share", "amount", "day", "at", "done"]);
        sheet.Rows[0].ShouldAllBe(c => c.Bold && c.Type == "inlineStr");

        sheet.Cell(1, "name").ShouldBe(new XlsxCell("inlineStr", null, false, "=HYPERLINK(\"http://evil\")"));
        sheet.Cell(1, "count").ShouldBe(new XlsxCell("n", null, false, "-3"));
        sheet.Cell(1, "share").Type.ShouldBe("n");
        decimal.Parse(sheet.Cell(1, "share").Value, CultureInfo.InvariantCulture).ShouldBe(12.5m);
        sheet.Cell(1, "amount").Type.ShouldBe("n");
        sheet.Cell(1, "amount").Format!.ShouldContain("€");
        sheet.Cell(2, "amount").Format!.ShouldContain("лв.");
        sheet.Cell(1, "day").Type.ShouldBe("n");
        sheet.Cell(1, "day").Format.ShouldBe("yyyy-mm-dd");
        double.Parse(sheet.Cell(1, "day").Value, CultureInfo.InvariantCulture).ShouldBe(46271);
        sheet.Cell(2, "day").Value.ShouldBe("");
        sheet.Cell(1, "at").Format.ShouldBe("yyyy-mm-dd hh:mm");
        // 12:30 in Sofia (UTC+3 in summer) is 46204 + 12.5/24.
        double.Parse(sheet.Cell(1, "at").Value, CultureInfo.InvariantCulture).ShouldBe(46204 + 12.5 / 24, 1e-9);
        sheet.Cell(1, "done").ShouldBe(new XlsxCell("b", null, false, "1"));
        sheet.Cell(2, "name").Value.ShouldBe("Улица \"Раковски\", 2\nред");
    }

    [Fact]
    public void The_columns_are_documented()
    {
        var text = Table.Describe();
        text.ShouldContain("- `amount`: Amount.");
        Table.Header.Count.ShouldBe(7);
    }

    [Fact]
    public void Column_letters_go_past_z()
    {
        Xlsx.ColumnName(1).ShouldBe("A");
        Xlsx.ColumnName(26).ShouldBe("Z");
        Xlsx.ColumnName(27).ShouldBe("AA");
        Xlsx.ColumnName(30).ShouldBe("AD");
    }
}
