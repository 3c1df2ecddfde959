using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Glas.Web.Platform.OpenData;

/// <summary>A worksheet: its name, header and rows of cells (numbers stay numbers, text stays text).</summary>
public sealed record Sheet(string Name, IReadOnlyList<string> Header, IEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>An amount of money in a currency (ISO 4217 code): a numeric cell shown with the currency in a spreadsheet.</summary>
public readonly record struct Money(decimal Amount, string Currency);

/// <summary>
/// Writes XLSX workbooks row by row with typed cells: numbers (int, long, double, decimal) as numbers,
/// <see cref="Money"/> as numbers in a currency format, <see cref="DateOnly"/> and moments (shown in
/// Bulgaria's time zone) as date cells, booleans as booleans, everything else as text. The header row
/// is bold, frozen and filterable.
/// </summary>
public static class Xlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Cell style indexes in the stylesheet below.
    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint DateTimeStyle = 3;
    private const uint EuroStyle = 4;
    private const uint LevStyle = 5;
    private const uint AmountStyle = 6;

    public static byte[] Write(IReadOnlyList<Sheet> sheets)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            styles.Stylesheet.Save();
            var sheetList = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                var rows = 1;
                using (var writer = OpenXmlWriter.Create(part))
                {
                    writer.WriteStartElement(new Worksheet());
                    writer.WriteElement(new SheetViews(new SheetView(
                        new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                        new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>(["A2"]) })
                    { WorkbookViewId = 0, TabSelected = id == 1 }));
                    writer.WriteElement(new Columns(sheet.Header.Select((h, i) => new Column
                    {
                        Min = (uint)i + 1, Max = (uint)i + 1, Width = Math.Clamp(h.Length + 4, 12, 50), CustomWidth = true,
                    })));
                    writer.WriteStartElement(new SheetData());
                    Row(writer, sheet.Header, HeaderStyle);
                    foreach (var row in sheet.Rows)
                    {
                        Row(writer, row, null);
                        rows++;
                    }
                    writer.WriteEndElement();
                    if (sheet.Header.Count > 0)
                    {
                        writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(sheet.Header.Count)}{rows}" });
                    }
                    writer.WriteEndElement();
                }
                sheetList.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = SheetName(sheet.Name) });
            }
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    /// <summary>Excel's column letters: 1 → A, 27 → AA.</summary>
    public static string ColumnName(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }
        return name;
    }

    /// <summary>Excel's day number of a date (days since 1899-12-30).</summary>
    public static double Serial(System.DateTime local) => (local - new System.DateTime(1899, 12, 30)).TotalDays;

    private static string SheetName(string name)
    {
        var clean = new string(name.Where(ch => ch is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray());
        return clean.Length == 0 ? "Sheet" : clean.Length > 31 ? clean[..31] : clean;
    }

    private static void Row(OpenXmlWriter writer, IEnumerable<object?> cells, uint? style)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in cells)
        {
            var cell = Cell(value);
            if (style is { } s)
            {
                cell.StyleIndex = s;
            }
            writer.WriteElement(cell);
        }
        writer.WriteEndElement();
    }

    private static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        Money m => Number(m.Amount, m.Currency switch { "EUR" => EuroStyle, "BGN" => LevStyle, _ => AmountStyle }),
        int or long or double or decimal or float or short => Number(value, null),
        bool b => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        DateOnly d => Number(Serial(d.ToDateTime(TimeOnly.MinValue)), DateStyle),
        DateTimeOffset t => Number(Serial(Localization.Formats.ToSofia(t).DateTime), DateTimeStyle),
        System.DateTime t => Number(Serial(t.Kind == DateTimeKind.Utc ? Localization.Formats.ToSofia(t).DateTime : t), DateTimeStyle),
        _ => Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static Cell Number(object value, uint? style)
    {
        var cell = new Cell { DataType = CellValues.Number, CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!) };
        if (style is { } s)
        {
            cell.StyleIndex = s;
        }
        return cell;
    }

    /// <summary>XML 1.0 cannot carry most control characters; they are dropped.</summary>
    private static Cell Text(string text) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(new string(text.Where(ch => ch is '\t' or '\n' or '\r' || !char.IsControl(ch)).ToArray())) { Space = SpaceProcessingModeValues.Preserve }),
    };

    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "#,##0.00\\ \"€\"" },
            new NumberingFormat { NumberFormatId = 167, FormatCode = "#,##0.00\\ \"лв.\"" })
        { Count = 4 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 167, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 4, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true })
        { Count = 7 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
