using System.Text;

namespace Glas.Web.Platform.OpenData;

/// <summary>
/// RFC 4180 CSV in UTF-8 with a byte-order mark, so Excel opens Cyrillic correctly. Cells that a
/// spreadsheet would run as a formula (= + - @) get a leading apostrophe.
/// </summary>
public static class Csv
{
    public static byte[] Write(IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        var sb = new StringBuilder();
        Line(sb, header);
        foreach (var row in rows)
        {
            Line(sb, row);
        }
        var preamble = Encoding.UTF8.GetPreamble();
        var body = Encoding.UTF8.GetBytes(sb.ToString());
        return [.. preamble, .. body];
    }

    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny(['"', ',', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Line(StringBuilder sb, IEnumerable<string> cells) => sb.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
