using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Glas.Web.Platform.Localization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

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

/// <summary>How the public change history shows a stored value.</summary>
public static class ChangeText
{
    public static readonly string[] MoneyFields = ["TotalValue", "Grant", "GrantEu", "GrantNational", "OwnCofinancing", "OwnContribution", "OwnBudgetSpent", "PaidTotal"];

    public static string Value(string field, string? stored, Currency currency, IStringLocalizer t)
    {
        if (stored is null)
        {
            return "—";
        }
        if (MoneyFields.Contains(field) && decimal.TryParse(stored, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
        {
            return MoneyFormat.Format(amount, currency);
        }
        switch (field)
        {
            case "EuSharePercent" when decimal.TryParse(stored, NumberStyles.Number, CultureInfo.InvariantCulture, out var pct):
                return MoneyFormat.Percent(pct);
            case "ContractDate" or "StartDate" or "EndDate" when DateOnly.TryParseExact(stored, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                return Formats.Date(date);
            case "Status":
                return t["Status." + stored];
            case "Currency":
                return t["Currency." + stored];
            case "ReconciliationOverride":
                return stored.StartsWith("on|", StringComparison.Ordinal) ? t["History.OverrideOn", stored[3..]] : t["History.OverrideOff"];
            case "Payment":
                var parts = stored.Split('|');
                var money = parts.Length == 2 && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var paid) ? MoneyFormat.Format(paid, currency) : stored;
                return parts[0].Length > 0 && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on)
                    ? $"{Formats.Date(on)}: {money}" : money;
            default:
                return stored;
        }
    }
}

/// <summary>Horizontal bar charts drawn on the server as SVG: no script, a title and description for screen readers.</summary>
public static class SvgChart
{
    public static IHtmlContent Bars(string id, string title, string description, IReadOnlyList<ChartBar> bars, Func<decimal, string> format)
    {
        const int labelWidth = 260, barArea = 420, valueWidth = 160, rowHeight = 34, top = 10;
        var height = top * 2 + Math.Max(1, bars.Count) * rowHeight;
        var max = bars.Count == 0 ? 1 : Math.Max(bars.Max(b => b.ValueEur), 0.01m);
        var e = HtmlEncoder.Default;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {labelWidth + barArea + valueWidth} {height}\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{e.Encode(title)}</title><desc id=\"{id}-desc\">{e.Encode(description)}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = top + i * rowHeight;
            var width = (int)Math.Round(b.ValueEur / max * (barArea - 10));
            var label = b.Label.Length > 34 ? b.Label[..33] + "…" : b.Label;
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-label\" x=\"{labelWidth - 8}\" y=\"{y + 22}\" text-anchor=\"end\">{e.Encode(label)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"chart-bar\" x=\"{labelWidth}\" y=\"{y + 6}\" width=\"{Math.Max(width, 2)}\" height=\"{rowHeight - 12}\" />");
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-value\" x=\"{labelWidth + Math.Max(width, 2) + 6}\" y=\"{y + 22}\">{e.Encode(format(b.ValueEur))}</text>");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
