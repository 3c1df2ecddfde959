using System.Globalization;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Web;

namespace Glas.Web.Participation.Documents;

/// <summary>What an official fills in to add a document or a new version of one (the form's fields, prefixed "Document.").</summary>
public sealed class DocumentInput
{
    /// <summary>Set when the upload is a new version of this document; the other fields then stay as they are.</summary>
    public Guid? DocumentId { get; set; }

    public string? Type { get; set; }
    public string? Title { get; set; }
    public string? Language { get; set; }

    /// <summary>Date (and optionally time) in Bulgaria; empty means the time of the upload.</summary>
    public string? Date { get; set; }

    public string? Url { get; set; }
    public string? Note { get; set; }
}

/// <summary>A document's fields once they passed the rules.</summary>
public sealed record DocumentDraft(DocumentType Type, string Title, string Language, DateTimeOffset? Date, string? Url, string? Note);

/// <summary>A field the rules refused, and the key of the message that says why.</summary>
public sealed record DocumentFieldError(string Field, string Key);

/// <summary>The rules for a document's fields and for how its files are served; no HTTP, no database.</summary>
public static class DocumentRules
{
    public const string Bulgarian = "bg";
    public const string English = "en";
    public const int MaxTitle = 300;
    public const int MaxNote = 500;
    public const int MaxUrl = 500;

    /// <summary>The only types a stored file is ever served as: the ones uploads are checked to be.</summary>
    private static readonly HashSet<string> Served =
    [
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.oasis.opendocument.text",
    ];

    public static string SafeContentType(string? stored) => stored is not null && Served.Contains(stored) ? stored : "application/octet-stream";

    /// <summary>A type by its name, only when the subject offers it; numbers ("3") and lists ("Draft, Motives") are not names.</summary>
    public static DocumentType? ParseType(string? value, IReadOnlyCollection<DocumentType> allowed) =>
        !string.IsNullOrWhiteSpace(value) && value.Trim().All(char.IsAsciiLetter) && Enum.TryParse<DocumentType>(value.Trim(), ignoreCase: false, out var type)
            && Enum.IsDefined(type) && allowed.Contains(type) ? type : null;

    /// <summary>A date, or a date and time, as people in Bulgaria write it or as a date field sends it; in Sofia time.</summary>
    public static bool TryParseDate(string? value, out DateTimeOffset? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return true;
        }
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm", "dd.MM.yyyy", "dd.MM.yyyy HH:mm", "d.M.yyyy"];
        if (DateTime.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) && local.Year is >= 1990 and <= 2100)
        {
            date = Formats.FromSofia(local);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Checks what was filled in. A new version needs only its file (and may carry a note); a new
    /// document needs a type the subject offers, a title, and a file unless the subject allows a
    /// document kept as a link.
    /// </summary>
    public static IReadOnlyList<DocumentFieldError> Check(DocumentInput input, IReadOnlyCollection<DocumentType> types, bool linksAllowed, bool hasFile, out DocumentDraft? draft)
    {
        var errors = new List<DocumentFieldError>();
        draft = null;
        var newVersion = input.DocumentId is not null;
        var note = Clean(input.Note);
        if (note is not null && (note.Length > MaxNote || TextRules.HasUnsafeCharacters(note)))
        {
            errors.Add(new("Note", note.Length > MaxNote ? "Error.NoteTooLong" : "Error.Characters"));
        }
        if (newVersion)
        {
            if (!hasFile)
            {
                errors.Add(new("File", "Error.NoFile"));
            }
            if (errors.Count == 0)
            {
                draft = new DocumentDraft(DocumentType.Other, "", Bulgarian, null, null, note);
            }
            return errors;
        }

        var type = ParseType(input.Type, types);
        if (type is null)
        {
            errors.Add(new("Type", "Error.Type"));
        }
        var title = Clean(input.Title);
        if (title is null || title.Length > MaxTitle)
        {
            errors.Add(new("Title", "Error.Title"));
        }
        else if (TextRules.HasUnsafeCharacters(title))
        {
            errors.Add(new("Title", "Error.Characters"));
        }
        var language = Clean(input.Language) ?? Bulgarian;
        if (language is not (Bulgarian or English))
        {
            errors.Add(new("Language", "Error.Language"));
        }
        if (!TryParseDate(input.Date, out var date))
        {
            errors.Add(new("Date", "Error.Date"));
        }
        var url = linksAllowed ? Clean(input.Url) : null;
        if (url is not null && !(url.Length <= MaxUrl && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !TextRules.HasUnsafeCharacters(url)))
        {
            errors.Add(new("Url", "Error.Url"));
        }
        if (!hasFile && !linksAllowed)
        {
            errors.Add(new("File", "Error.NoFile"));
        }
        if (errors.Count == 0)
        {
            draft = new DocumentDraft(type!.Value, title!, language, date, url, note);
        }
        return errors;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
