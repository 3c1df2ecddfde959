using System.Text;

namespace Glas.Web.Projects;

/// <summary>Reads RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes); Platform.OpenData.Csv writes it.</summary>
public static class CsvRows
{
    /// <summary>Rows of fields; throws <see cref="FormatException"/> with the line number on an unclosed quote or text after one.</summary>
    public static IEnumerable<string[]> Read(TextReader reader)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var afterQuote = false;
        var line = 1;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                        afterQuote = true;
                    }
                }
                else
                {
                    if (ch == '\n')
                    {
                        line++;
                    }
                    field.Append(ch);
                }
                continue;
            }
            switch (ch)
            {
                case '"' when field.Length == 0 && !afterQuote:
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    afterQuote = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    afterQuote = false;
                    line++;
                    if (row.Count > 1 || row[0].Length > 0)
                    {
                        yield return [.. row];
                    }
                    row.Clear();
                    break;
                default:
                    if (afterQuote)
                    {
                        throw new FormatException(line.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                    field.Append(ch);
                    break;
            }
        }
        if (quoted)
        {
            throw new FormatException(line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return [.. row];
        }
    }
}
