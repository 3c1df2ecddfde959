using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Glas.Web.Monitoring;

/// <summary>An indicator's path from baseline toward target, drawn on the server as SVG; the page shows the same figures in a table beside it.</summary>
public static class IndicatorChart
{
    public static IHtmlContent Line(string id, string title, string description, PolicyIndicator indicator, IReadOnlyList<IndicatorValue> values, Func<decimal, string> format)
    {
        const int width = 420, height = 180, left = 50, right = 20, top = 15, bottom = 30;
        var firstYear = Math.Min(indicator.BaselineYear, values.Count == 0 ? indicator.BaselineYear : values.Min(v => v.Year));
        var lastYear = Math.Max(indicator.TargetYear, values.Count == 0 ? indicator.TargetYear : values.Max(v => v.Year));
        var all = values.Select(v => v.Value).Append(indicator.BaselineValue).Append(indicator.TargetValue).ToList();
        var min = all.Min();
        var max = all.Max();
        if (max == min)
        {
            max = min + 1;
        }
        double X(int year) => left + (double)(year - firstYear) / Math.Max(1, lastYear - firstYear) * (width - left - right);
        double Y(decimal v) => top + (double)((max - v) / (max - min)) * (height - top - bottom);
        static string N(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        var e = HtmlEncoder.Default;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart indicator-chart\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {width} {height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{e.Encode(title)}</title><desc id=\"{id}-desc\">{e.Encode(description)}</desc>");
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-axis\" x1=\"{left}\" y1=\"{height - bottom}\" x2=\"{width - right}\" y2=\"{height - bottom}\" />");
        foreach (var year in new[] { firstYear, lastYear }.Distinct())
        {
            sb.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-label\" x=\"{N(X(year))}\" y=\"{height - 8}\" text-anchor=\"middle\">{year}</text>");
        }
        // The planned path: baseline to target, dashed.
        sb.Append(CultureInfo.InvariantCulture, $"<line class=\"chart-plan\" x1=\"{N(X(indicator.BaselineYear))}\" y1=\"{N(Y(indicator.BaselineValue))}\" x2=\"{N(X(indicator.TargetYear))}\" y2=\"{N(Y(indicator.TargetValue))}\" />");
        sb.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-label\" x=\"{N(X(indicator.TargetYear) - 4)}\" y=\"{N(Math.Max(12, Y(indicator.TargetValue) - 6))}\" text-anchor=\"end\">{e.Encode(format(indicator.TargetValue))}</text>");
        var points = values.Select(v => (v.Year, v.Value)).Prepend((indicator.BaselineYear, indicator.BaselineValue)).OrderBy(p => p.Item1).ToList();
        sb.Append("<polyline class=\"chart-line\" points=\"").AppendJoin(' ', points.Select(p => N(X(p.Item1)) + "," + N(Y(p.Item2)))).Append("\" />");
        foreach (var (year, value) in points)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<circle class=\"chart-point\" cx=\"{N(X(year))}\" cy=\"{N(Y(value))}\" r=\"4\" />");
        }
        sb.Append("</svg>");
        return new HtmlString(sb.ToString());
    }
}
