using System.Globalization;

namespace Glas.Web.Monitoring;

/// <summary>Indicator values as people read them: "1 200", "12,5 %" in Bulgarian, "1,200", "12.5 %" in English.</summary>
public static class MonitoringFormat
{
    private static readonly CultureInfo Bg = CultureInfo.GetCultureInfo("bg-BG");

    public static string Number(decimal value) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"
            ? value.ToString("#,0.##", CultureInfo.InvariantCulture)
            : value.ToString("#,0.##", Bg).Replace('\u202F', '\u00A0');

    public static string Value(decimal value, PolicyIndicator indicator) => Number(value) + "\u00A0" + indicator.UnitLabel;

    /// <summary>The value as a form field shows it for editing (invariant, no grouping).</summary>
    public static string Input(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
