using System.Globalization;
using CsvHelper;
using Glas.Web.Platform.Localization;

namespace Glas.Web.Platform.OpenData;

/// <summary>
/// RFC 4180 CSV written with CsvHelper: comma, CRLF, UTF-8 with a byte-order mark (so spreadsheet
/// programs read Cyrillic), numbers with a decimal point, dates as ISO 8601 (yyyy-MM-dd; moments in
/// Bulgaria's time zone with their offset), booleans true/false. Text that a spreadsheet would run as
/// a formula (= + - @ tab CR) gets a leading apostrophe; numbers never do.
/// </summary>
public static class Csv
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
        TrueValue = "true",
        FalseValue = "false",
    };

    /// <summary>A CSV of text cells.</summary>
    public static byte[] Write(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows) =>
        WriteValues(header, rows.Select(r => r.Cast<object?>()));

    /// <summary>A CSV of typed cells (see <see cref="WriteValue"/>).</summary>
    public static byte[] WriteValues(IEnumerable<string> header, IEnumerable<IEnumerable<object?>> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = Open(stream))
        {
            WriteRecord(writer, header);
            foreach (var row in rows)
            {
                WriteRecord(writer, row);
            }
        }
        return stream.ToArray();
    }

    /// <summary>A writer over <paramref name="output"/> (left open) that starts with the byte-order mark.</summary>
    public static CsvWriter Open(Stream output) => CsvWriter.Create(output, Options, leaveOpen: true);

    public static void WriteRecord(CsvWriter writer, IEnumerable<object?> cells)
    {
        foreach (var cell in cells)
        {
            WriteValue(writer, cell);
        }
        writer.EndRecord();
    }

    /// <summary>
    /// One value: numbers invariant with a decimal point (no trailing zeros), <see cref="Money"/> as
    /// its amount with at least two decimals, dates
    /// yyyy-MM-dd, moments as ISO 8601 in Bulgaria's time zone with the offset, text protected from
    /// formula injection.
    /// </summary>
    public static void WriteValue(CsvWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteField((string?)null);
                break;
            case string s:
                writer.WriteField(s);
                break;
            case Money m:
                writer.WriteField(m.Amount, "0.00##########");
                break;
            case decimal d:
                writer.WriteField(d, "0.############");
                break;
            case DateOnly d:
                writer.WriteField(d, "yyyy-MM-dd");
                break;
            case DateTimeOffset t:
                writer.WriteField(Formats.ToSofia(t), "yyyy-MM-dd'T'HH:mm:sszzz");
                break;
            case System.DateTime t:
                writer.WriteField(Formats.ToSofia(t), "yyyy-MM-dd'T'HH:mm:sszzz");
                break;
            case bool b:
                writer.WriteField(b);
                break;
            case int or long or short or decimal or double or float:
                writer.WriteField(value);
                break;
            default:
                writer.WriteField(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>One text field as RFC 4180 text, with an apostrophe before a leading = + - @ tab or CR.</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny(['"', ',', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
