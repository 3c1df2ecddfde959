using System.Globalization;

namespace Glas.Web.Surveys;

/// <summary>Counts, shares and means as the results show them, in the reader's language.</summary>
public static class SurveyFormats
{
    private static CultureInfo Culture => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("bg-BG");

    private static string Spaces(string text) => text.Replace('\u202F', '\u00A0').Replace(' ', '\u00A0');

    public static string Count(int value) => Spaces(value.ToString("#,0", Culture));

    public static string Percent(decimal value) => Spaces(value.ToString("0.0", Culture)) + "\u00A0%";

    public static string Mean(double value) => Spaces(Math.Round(value, 2).ToString("#,0.##", Culture));
}
