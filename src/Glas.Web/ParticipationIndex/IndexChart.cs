using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Glas.Web.ParticipationIndex;

/// <summary>
/// A horizontal bar chart of 0–100 values as plain SVG (no script): one labelled bar per row, the
/// value written beside it, "no data" written where there is none. Pages put a table beside it.
/// </summary>
public static class IndexChart
{
    private const int RowHeight = 28;
    private const int LabelWidth = 150;
    private const int BarWidth = 300;

    public static IHtmlContent Bars(string id, string title, IReadOnlyList<(string Label, decimal? Value)> rows, string noData)
    {
        var height = rows.Count * RowHeight + 8;
        var width = LabelWidth + BarWidth + 70;
        var e = HtmlEncoder.Default;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart index-chart\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{e.Encode(title)}</title>");
        for (var i = 0; i < rows.Count; i++)
        {
            var (label, value) = rows[i];
            var y = i * RowHeight + 4;
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-label\" x=\"{LabelWidth - 8}\" y=\"{y + 18}\" text-anchor=\"end\">{e.Encode(label)}</text>");
            sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"chart-track\" x=\"{LabelWidth}\" y=\"{y + 4}\" width=\"{BarWidth}\" height=\"18\"></rect>");
            if (value is { } v)
            {
                var w = Math.Round(BarWidth * Math.Clamp(v, 0, 100) / 100m, 1);
                sb.Append(CultureInfo.InvariantCulture, $"<rect class=\"chart-bar\" x=\"{LabelWidth}\" y=\"{y + 4}\" width=\"{w}\" height=\"18\"></rect>");
                sb.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-value\" x=\"{LabelWidth + BarWidth + 8}\" y=\"{y + 18}\">{e.Encode(v.ToString("0.#", CultureInfo.CurrentCulture))}</text>");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-value\" x=\"{LabelWidth + 8}\" y=\"{y + 18}\">{e.Encode(noData)}</text>");
            }
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
