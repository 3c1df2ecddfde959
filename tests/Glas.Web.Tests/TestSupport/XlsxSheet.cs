using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Glas.Web.Tests.TestSupport;

/// <summary>One cell read back from a workbook: its type ("n", "b", "inlineStr", ...), its number format code and its text.</summary>
public sealed record XlsxCell(string Type, string? Format, bool Bold, string Value);

/// <summary>The first worksheet of an XLSX file, read back with the Open XML SDK, for assertions on cell types.</summary>
public sealed class XlsxSheet
{
    public required IReadOnlyList<IReadOnlyList<XlsxCell>> Rows { get; init; }
    public required bool HeaderFrozen { get; init; }
    public required int ValidationErrors { get; init; }

    public IReadOnlyList<string> Header => Rows[0].Select(c => c.Value).ToList();

    /// <summary>The cell of <paramref name="row"/> (1 = first data row) in the column named <paramref name="column"/>.</summary>
    public XlsxCell Cell(int row, string column) => Rows[row][Header.ToList().IndexOf(column)];

    public static XlsxSheet Read(byte[] bytes)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = doc.WorkbookPart!;
        var stylesheet = workbook.WorkbookStylesPart?.Stylesheet;
        var formats = stylesheet?.CellFormats?.Elements<CellFormat>().ToList() ?? [];
        var customFormats = stylesheet?.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
        var fonts = stylesheet?.Fonts?.Elements<Font>().ToList() ?? [];
        var sheetId = workbook.Workbook.Sheets!.Elements<Sheet>().First().Id!.Value!;
        var part = (WorksheetPart)workbook.GetPartById(sheetId);
        var rows = part.Worksheet.Descendants<Row>().Select(r => (IReadOnlyList<XlsxCell>)r.Elements<Cell>().Select(c =>
        {
            var style = c.StyleIndex?.Value is { } i && i < formats.Count ? formats[(int)i] : null;
            var numFmt = style?.NumberFormatId?.Value;
            string? format = numFmt is { } id ? customFormats.TryGetValue(id, out var code) ? code : $"builtin:{id}" : null;
            var bold = style?.FontId?.Value is { } f && f < fonts.Count && fonts[(int)f].Bold is not null;
            var type = c.DataType?.Value is { } t ? t == CellValues.InlineString ? "inlineStr" : t == CellValues.Boolean ? "b" : t == CellValues.SharedString ? "s" : t == CellValues.String ? "str" : "n" : "n";
            var value = c.InlineString?.InnerText ?? c.CellValue?.Text ?? "";
            return new XlsxCell(type, format, bold, value);
        }).ToList()).ToList();
        var pane = part.Worksheet.Descendants<Pane>().FirstOrDefault();
        var errors = new OpenXmlValidator().Validate(doc).Count();
        return new XlsxSheet
        {
            Rows = rows,
            HeaderFrozen = pane is { VerticalSplit.Value: 1 } && pane.State?.Value == PaneStateValues.Frozen,
            ValidationErrors = errors,
        };
    }
}
