using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Glas.Web.Projects;

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
