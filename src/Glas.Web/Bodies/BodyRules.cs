using System.Globalization;
using Glas.Web.Platform.Web;

namespace Glas.Web.Bodies;

/// <summary>Limits and checks of bodies, members and meetings: plain rules with unit tests.</summary>
public static class BodyRules
{
    public const int MaxName = 300;
    public const int MaxLine = 500;
    public const int MaxText = 10000;

    /// <summary>A required line of text: present, within <paramref name="max"/>, safe. Returns the resource key of the problem or null.</summary>
    public static string? Required(string? text, int max) =>
        string.IsNullOrWhiteSpace(text) ? "Error.Required" : Optional(text, max);

    public static string? Optional(string? text, int max) =>
        text is null ? null : text.Trim().Length > max ? "Error.TooLong" : TextRules.HasUnsafeCharacters(text) ? "Error.Characters" : null;

    /// <summary>An https or http address for an online meeting, or null when the text is empty; the key of the problem otherwise.</summary>
    public static string? Link(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : text.Length > MaxLine || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") ? "Error.Link"
        : null;

    /// <summary>A date typed as yyyy-MM-dd (the date field) or dd.MM.yyyy.</summary>
    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "dd.MM.yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A wall-clock time in Sofia typed as yyyy-MM-ddTHH:mm (the datetime-local field) or "dd.MM.yyyy HH:mm", as UTC.</summary>
    public static bool TrySofiaTime(string? text, out DateTimeOffset utc)
    {
        utc = default;
        if (!DateTime.TryParseExact(text?.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm", "dd.MM.yyyy HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            || local.Year is < 2000 or > 2100)
        {
            return false;
        }
        utc = Platform.Localization.Formats.FromSofia(local);
        return true;
    }

    /// <summary>The value a datetime-local field shows for a UTC instant.</summary>
    public static string SofiaInput(DateTimeOffset utc) =>
        Platform.Localization.Formats.ToSofia(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}

/// <summary>How a meeting's status may change.</summary>
public static class MeetingRules
{
    /// <summary>
    /// Planned → held (once it has begun), cancelled or postponed; postponed → planned (with its new
    /// date) or cancelled. Held and cancelled are final.
    /// </summary>
    public static bool CanMove(MeetingStatus from, MeetingStatus to, DateTimeOffset startsAt, DateTimeOffset now) => (from, to) switch
    {
        (MeetingStatus.Planned, MeetingStatus.Held) => startsAt <= now,
        (MeetingStatus.Planned, MeetingStatus.Cancelled or MeetingStatus.Postponed) => true,
        (MeetingStatus.Postponed, MeetingStatus.Planned or MeetingStatus.Cancelled) => true,
        _ => false,
    };

    public static IEnumerable<MeetingStatus> Next(MeetingStatus from, DateTimeOffset startsAt, DateTimeOffset now) =>
        Enum.GetValues<MeetingStatus>().Where(to => CanMove(from, to, startsAt, now));

    /// <summary>Decisions and attendance are recorded only for a meeting that was held.</summary>
    public static bool TakesDecisions(MeetingStatus status) => status == MeetingStatus.Held;

    /// <summary>Votes are counts of members: none negative, and together no more than <paramref name="members"/> when known.</summary>
    public static string? Votes(int? votesFor, int? against, int? abstained, int? members)
    {
        var all = new[] { votesFor, against, abstained };
        if (all.Any(v => v is < 0 or > 10000))
        {
            return "Error.Votes";
        }
        return members is { } m && all.Sum(v => v ?? 0) > m ? "Error.VotesTooMany" : null;
    }
}
