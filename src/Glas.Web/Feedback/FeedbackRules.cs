using System.Globalization;
using System.Net.Mail;
using Glas.Web.Platform.Web;

namespace Glas.Web.Feedback;

/// <summary>A problem with one field: the field's name and the key of its message in FeedbackText.</summary>
public sealed record FeedbackError(string Field, string MessageKey, object? Argument = null)
{
    /// <summary>The message in the interface language.</summary>
    public string Text(Microsoft.Extensions.Localization.IStringLocalizer t) => Argument is null ? t[MessageKey].Value : t[MessageKey, Argument].Value;
}

/// <summary>What a sender submits, as text from a form or an Open311 call, before it is checked.</summary>
public sealed record FeedbackSubmission(string? Kind, string? Category, string? Title, string? Description, string? Address, string? Latitude, string? Longitude, bool IsPublic);

/// <summary>A submission that passed every rule.</summary>
public sealed record ValidSubmission(FeedbackKind Kind, string Category, string Title, string Description, string Address, double? Latitude, double? Longitude, bool IsPublic);

/// <summary>A rectangle of latitude and longitude.</summary>
public sealed record GeoBox(double MinLatitude, double MinLongitude, double MaxLatitude, double MaxLongitude)
{
    /// <summary>Bulgaria, with a small margin.</summary>
    public static readonly GeoBox Bulgaria = new(41.2, 22.3, 44.25, 28.65);

    public bool Contains(double latitude, double longitude) =>
        latitude >= MinLatitude && latitude <= MaxLatitude && longitude >= MinLongitude && longitude <= MaxLongitude;

    /// <summary>Reads "minLat,minLon,maxLat,maxLon" (invariant numbers); null when it is not that.</summary>
    public static GeoBox? Parse(string? text)
    {
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 4 || !parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            return null;
        }
        var v = parts.Select(p => double.Parse(p, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();
        return v[0] < v[2] && v[1] < v[3] ? new GeoBox(v[0], v[1], v[2], v[3]) : null;
    }
}

/// <summary>The rules of a submission, the same for the form and for Open311.</summary>
public static class FeedbackRules
{
    public const int TitleMax = 200;
    public const int DescriptionMax = 5000;
    public const int AddressMax = 300;
    public const int ReasonMax = 1000;
    public const int NameMax = 120;

    /// <summary>Text that is empty once whitespace and invisible characters (zero-width spaces, joiners, BOM) are gone.</summary>
    public static bool IsBlank(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.All(c => char.IsWhiteSpace(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD');

    /// <summary>Checks a free text: required or not, its length, and the one safe-text rule.</summary>
    public static void Text(List<FeedbackError> errors, string field, string? value, int max, bool required)
    {
        if (IsBlank(value))
        {
            if (required)
            {
                errors.Add(new(field, $"Error.{field}.Required"));
            }
            return;
        }
        if (TextRules.HasUnsafeCharacters(value!))
        {
            errors.Add(new(field, "Error.Unsafe"));
        }
        else if (value!.Trim().Length > max)
        {
            errors.Add(new(field, $"Error.{field}.Long"));
        }
    }

    public static double? Coordinate(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : double.TryParse(text.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : double.NaN;

    /// <summary>
    /// Checks a submission against the administration's categories and area. An address or a point
    /// is required (the form always asks for the address; Open311 accepts either).
    /// </summary>
    public static (ValidSubmission? Valid, List<FeedbackError> Errors) Check(FeedbackSubmission s, IReadOnlyCollection<string> categories, GeoBox area, bool addressRequired)
    {
        var errors = new List<FeedbackError>();
        FeedbackKind kind = default;
        if (!Enum.TryParse(s.Kind, ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(s.Kind, out _))
        {
            errors.Add(new("Kind", "Error.Kind"));
        }
        if (string.IsNullOrWhiteSpace(s.Category) || !categories.Contains(s.Category.Trim()))
        {
            errors.Add(new("Category", "Error.Category"));
        }
        Text(errors, "Title", s.Title, TitleMax, required: true);
        Text(errors, "Description", s.Description, DescriptionMax, required: true);

        var latitude = Coordinate(s.Latitude);
        var longitude = Coordinate(s.Longitude);
        if (latitude is null != longitude is null || latitude is double.NaN || longitude is double.NaN)
        {
            errors.Add(new("Latitude", "Error.Coordinates"));
        }
        else if (latitude is { } lat && longitude is { } lon && !(GeoBox.Bulgaria.Contains(lat, lon) && area.Contains(lat, lon)))
        {
            errors.Add(new("Latitude", "Error.OutsideArea"));
        }
        var hasPoint = latitude is not null && longitude is not null;
        if (IsBlank(s.Address) && (addressRequired || !hasPoint))
        {
            errors.Add(new("Address", addressRequired ? "Error.Address.Required" : "Error.Location.Required"));
        }
        else
        {
            Text(errors, "Address", s.Address, AddressMax, required: false);
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var address = IsBlank(s.Address) ? string.Create(CultureInfo.InvariantCulture, $"{latitude:0.######}, {longitude:0.######}") : s.Address!.Trim();
        return (new ValidSubmission(kind, s.Category!.Trim(), s.Title!.Trim(), s.Description!.Trim(), address, latitude, longitude, s.IsPublic), errors);
    }

    public static bool IsEmail(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 256 || TextRules.HasUnsafeCharacters(text))
        {
            return false;
        }
        return MailAddress.TryCreate(text.Trim(), out var address) && string.Equals(address.Address, text.Trim(), StringComparison.Ordinal) && address.Host.Contains('.', StringComparison.Ordinal);
    }

    /// <summary>The registration number: year and a running number in the administration, e.g. "2026-000042".</summary>
    public static string Number(int year, int sequence) => string.Create(CultureInfo.InvariantCulture, $"{year}-{sequence:000000}");
}
