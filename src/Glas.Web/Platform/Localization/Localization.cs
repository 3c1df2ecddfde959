using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Glas.Web.Platform.Localization;

public static class Cultures
{
    public const string Bulgarian = "bg-BG";
    public const string English = "en";
    public static readonly CultureInfo[] Supported = [new(Bulgarian), new(English)];

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static bool IsSupported(string? culture) =>
        culture is not null && Supported.Any(c => string.Equals(c.Name, culture, StringComparison.OrdinalIgnoreCase));
}

/// <summary>How dates and numbers are written: Bulgarian "21.11.2026 г." and "59 572,80".</summary>
public static class Formats
{
    /// <summary>A moment for a &lt;time datetime&gt; attribute: a valid global date and time string in UTC, whole seconds.</summary>
    public static string Machine(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static readonly CultureInfo Bg = CultureInfo.GetCultureInfo(Cultures.Bulgarian);

    public static string Date(DateOnly date, CultureInfo? culture = null) =>
        IsBulgarian(culture) ? date.ToString("dd.MM.yyyy 'г.'", Bg) : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset moment, CultureInfo? culture = null) =>
        Date(DateOnly.FromDateTime(ToSofia(moment).DateTime), culture);

    public static string DateTime(DateTimeOffset moment, CultureInfo? culture = null)
    {
        var local = ToSofia(moment);
        return Date(DateOnly.FromDateTime(local.DateTime), culture) + ", " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>Groups of three separated by a space (no-break in Bulgarian), two decimals.</summary>
    public static string Number(decimal value, CultureInfo? culture = null) =>
        IsBulgarian(culture)
            ? value.ToString("#,0.00", Bg).Replace('\u202F', '\u00A0')
            : value.ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>Public times are shown in Bulgaria's time zone.</summary>
    public static DateTimeOffset ToSofia(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, SofiaZone.Value);

    /// <summary>A wall-clock time in Bulgaria (e.g. from a form or a seed text) as a UTC instant.</summary>
    public static DateTimeOffset FromSofia(System.DateTime local)
    {
        var unspecified = System.DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, SofiaZone.Value.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    private static readonly Lazy<TimeZoneInfo> SofiaZone = new(() =>
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Sofia", out var zone) ? zone : TimeZoneInfo.Utc);

    private static bool IsBulgarian(CultureInfo? culture) =>
        (culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName != "en";
}

public static class LocalizationExtensions
{
    public const string CookieName = ".Glas.Culture";

    public static IServiceCollection AddGlasLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures.Bulgarian);
            o.SupportedCultures = Cultures.Supported;
            o.SupportedUICultures = Cultures.Supported;
            // The visible switch sets a cookie; browsers' Accept-Language is not used, so Bulgarian stays first.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider { CookieName = CookieName }];
        });
        return services;
    }

    public static void SetCultureCookie(this HttpResponse response, string culture, DateTimeOffset now) =>
        response.Cookies.Append(
            CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = now.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Path = "/" });
}
