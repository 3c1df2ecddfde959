namespace Glas.Web.Platform.Web;

/// <summary>The one set of rules for free text that people and programs send and others read.</summary>
public static class TextRules
{
    /// <summary>Control characters other than tab and line breaks: nobody types them, and PostgreSQL refuses NUL.</summary>
    public static bool HasControl(string? text) => text is not null && text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r'));

    /// <summary>
    /// Control characters other than newline, carriage return and tab, and the bidirectional
    /// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make text read
    /// differently from how it is stored.
    /// </summary>
    public static bool HasUnsafeCharacters(string text) =>
        text.Any(c => (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'));

    /// <summary>The text with every run of whitespace as one space, to tell whether two comments say the same thing.</summary>
    public static string Normalise(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static bool SameText(string a, string b) => string.Equals(Normalise(a), Normalise(b), StringComparison.Ordinal);
}
