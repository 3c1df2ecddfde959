using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Glas.Web.ParticipationIndex;

/// <summary>How the index pages write values: with their unit, "no data" where there is none.</summary>
public static class IndexFormat
{
    public static string Number(decimal? value, string format = "0.#") =>
        value?.ToString(format, CultureInfo.CurrentCulture) ?? "—";

    public static string Raw(IStringLocalizer<IndexText> t, string code, decimal? raw) =>
        raw is not { } v || IndexIndicators.Find(code) is not { } d
            ? t["NoData"]
            : string.Format(CultureInfo.CurrentCulture, t["Unit." + d.Unit], v.ToString(d.Unit == IndicatorUnit.Average ? "0.##" : "0.#", CultureInfo.CurrentCulture));

    public static string Bounds(IStringLocalizer<IndexText> t, string code, decimal lower, decimal upper)
    {
        var d = IndexIndicators.Find(code)!;
        var (zero, hundred) = d.HigherIsBetter ? (lower, upper) : (upper, lower);
        return string.Format(CultureInfo.CurrentCulture, t["Bounds"], Raw(t, code, zero), Raw(t, code, hundred));
    }

    public static string Period(string key, bool english) => IndexPeriod.Parse(key)?.Label(english) ?? key;
}
