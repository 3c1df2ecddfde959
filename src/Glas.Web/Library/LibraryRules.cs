using System.Globalization;
using Glas.Web.Participation.Subscriptions;
using Glas.Web.Platform.Web;

namespace Glas.Web.Library;

/// <summary>What the entry form sends.</summary>
public sealed class LibraryInput
{
    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Date { get; set; }
    public string? Topic { get; set; }
    public string? AuthorOrganisation { get; set; }

    public static LibraryInput From(LibraryEntry e) => new()
    {
        Type = e.Type.ToString(), Title = e.Title, Description = e.Description, Date = e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Topic = e.Topic,
        AuthorOrganisation = e.AuthorOrganisation,
    };
}

/// <summary>The list's filter: type, topic, both optional.</summary>
public sealed record LibraryFilter(LibraryType? Type, string? Topic)
{
    public string Query() => string.Join('&', new[] { Type is { } t ? "type=" + t : null, Topic is { } c ? "topic=" + c : null }.Where(x => x is not null));

    /// <summary>The filter, or null when a value is not one of the known ones.</summary>
    public static LibraryFilter? Parse(string? type, string? topic)
    {
        LibraryType? t = null;
        if (!string.IsNullOrEmpty(type))
        {
            if (!Enum.TryParse<LibraryType>(type, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(type, out _))
            {
                return null;
            }
            t = parsed;
        }
        if (!string.IsNullOrEmpty(topic) && !Topics.IsKnown(topic))
        {
            return null;
        }
        return new LibraryFilter(t, string.IsNullOrEmpty(topic) ? null : topic);
    }
}

/// <summary>The rules of library entries; no database or HTTP here.</summary>
public static class LibraryRules
{
    public const int MaxTitle = 300;
    public const int MaxDescription = 4000;
    public const int MaxLine = 300;
    public const int PageSize = 20;

    /// <summary>Checks the form and writes it onto <paramref name="entry"/> when valid; the errors are (field, LibraryText key).</summary>
    public static List<(string Field, string Key)> Apply(LibraryInput input, LibraryEntry entry)
    {
        var errors = new List<(string, string)>();
        if (!Enum.TryParse<LibraryType>(input.Type, ignoreCase: false, out var type) || !Enum.IsDefined(type) || int.TryParse(input.Type, out _))
        {
            errors.Add(("Type", "Error.Type"));
        }
        var title = input.Title?.Trim() ?? "";
        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        var author = input.AuthorOrganisation?.Trim() ?? "";
        Text(errors, "Title", title, MaxTitle, required: true);
        Text(errors, "Description", description ?? "", MaxDescription, required: false);
        Text(errors, "AuthorOrganisation", author, MaxLine, required: true);
        if (!DateOnly.TryParseExact(input.Date?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year is < 1900 or > 2100)
        {
            errors.Add(("Date", "Error.Date"));
        }
        var topic = string.IsNullOrEmpty(input.Topic) ? null : input.Topic;
        if (topic is not null && !Topics.IsKnown(topic))
        {
            errors.Add(("Topic", "Error.Topic"));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        entry.Type = type;
        entry.Title = title;
        entry.Description = description;
        entry.AuthorOrganisation = author;
        entry.Date = date;
        entry.Topic = topic;
        return errors;
    }

    private static void Text(List<(string, string)> errors, string field, string value, int max, bool required)
    {
        if (required && value.Length == 0)
        {
            errors.Add((field, $"Error.{field}.Required"));
        }
        else if (value.Length > max)
        {
            errors.Add((field, $"Error.{field}.Long"));
        }
        else if (TextRules.HasUnsafeCharacters(value))
        {
            errors.Add((field, "Error.Characters"));
        }
    }
}
