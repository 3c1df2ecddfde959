using System.Text;

namespace Glas.Web.Platform.OpenData;

/// <summary>One column of an exported table: its machine name, what it holds, and how a row gives its value.</summary>
public sealed record ExportColumn<T>(string Name, string Description, Func<T, object?> Value);

/// <summary>
/// A table declared once (its columns) and written both as CSV (<see cref="Csv"/>: open data for
/// machines) and as XLSX (<see cref="Xlsx"/>: typed cells for people with a spreadsheet). Values keep
/// their .NET type: numbers, <see cref="Money"/>, <see cref="DateOnly"/>, <see cref="DateTimeOffset"/>,
/// booleans, text.
/// </summary>
public sealed class TableExport<T>(string sheetName, IReadOnlyList<ExportColumn<T>> columns)
{
    public IReadOnlyList<ExportColumn<T>> Columns { get; } = columns;

    public IReadOnlyList<string> Header { get; } = columns.Select(c => c.Name).ToArray();

    public IReadOnlyList<object?> Row(T item) => Columns.Select(c => c.Value(item)).ToArray();

    public byte[] Csv(IEnumerable<T> rows) => OpenData.Csv.WriteValues(Header, rows.Select(Row));

    public byte[] Xlsx(IEnumerable<T> rows) => OpenData.Xlsx.Write([new Sheet(sheetName, Header, rows.Select(Row))]);

    /// <summary>Streams the CSV row by row (for large tables).</summary>
    public async Task WriteCsvAsync(Stream output, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        await using var writer = OpenData.Csv.Open(output);
        OpenData.Csv.WriteRecord(writer, Header);
        await foreach (var row in rows.WithCancellation(ct))
        {
            OpenData.Csv.WriteRecord(writer, Row(row));
            if (writer.RecordCount % 500 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }
        await writer.FlushAsync(ct);
    }

    public IResult CsvFile(IEnumerable<T> rows, string fileName) => Results.File(Csv(rows), OpenData.Csv.ContentType, fileName);

    public IResult XlsxFile(IEnumerable<T> rows, string fileName) => Results.File(Xlsx(rows), OpenData.Xlsx.ContentType, fileName);

    /// <summary>The columns as a Markdown list, for the API description.</summary>
    public string Describe()
    {
        var text = new StringBuilder("Columns:\n\n");
        foreach (var c in Columns)
        {
            text.Append("- `").Append(c.Name).Append("`: ").Append(c.Description).Append('\n');
        }
        return text.ToString();
    }
}

/// <summary>Shorthand for declaring export columns.</summary>
public static class ExportColumn
{
    public static ExportColumn<T> Of<T>(string name, string description, Func<T, object?> value) => new(name, description, value);
}
