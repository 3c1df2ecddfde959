using System.Globalization;

namespace Glas.Web.Projects;

/// <summary>Reads amounts as people type them: "59 572,80", "59572.80", "59,572.80" and "1.234,50" are all exact.</summary>
public static class MoneyInput
{
    public static bool TryParse(string? text, out decimal? value)
    {
        value = null;
        var s = new string((text ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '\u00A0' and not '\u202F' and not '\'').ToArray());
        s = s.Replace("лв.", "", StringComparison.OrdinalIgnoreCase).Replace("лв", "", StringComparison.OrdinalIgnoreCase).Replace("€", "", StringComparison.Ordinal)
            .Replace("BGN", "", StringComparison.OrdinalIgnoreCase).Replace("EUR", "", StringComparison.OrdinalIgnoreCase).Replace("%", "", StringComparison.Ordinal);
        if (s.Length == 0)
        {
            return true;
        }
        if (s.Length > 30)
        {
            return false;
        }
        var lastComma = s.LastIndexOf(',');
        var lastDot = s.LastIndexOf('.');
        var decimalAt = Math.Max(lastComma, lastDot);
        // The same separator more than once can only group thousands ("1,234,567"); a single one is the decimal mark.
        if (decimalAt >= 0 && (lastComma < 0 || lastDot < 0) && s.Count(c => c == s[decimalAt]) > 1)
        {
            decimalAt = -1;
        }
        var integer = decimalAt >= 0 ? s[..decimalAt] : s;
        var fraction = decimalAt >= 0 ? s[(decimalAt + 1)..] : "";
        if (integer.IndexOfAny([',', '.']) >= 0)
        {
            // Grouping must really be thousands: "59,572" or "1.234.567", never "12,34" or a second decimal mark.
            var separator = decimalAt >= 0 ? (s[decimalAt] == ',' ? '.' : ',') : integer.First(c => c is ',' or '.');
            var groups = integer.TrimStart('-').Split(separator);
            if (groups.Any(g => g.IndexOfAny([',', '.']) >= 0) || groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return false;
            }
            integer = integer.Replace(separator.ToString(), "", StringComparison.Ordinal);
        }
        if (!decimal.TryParse(integer + (fraction.Length > 0 ? "." + fraction : ""), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
        {
            return false;
        }
        value = d;
        return true;
    }

    public static string Show(decimal? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "";
}
