using System.Globalization;
using System.Text;

namespace Glas.Web.Platform.Identity;

/// <summary>
/// Public display names: 2–80 characters, no control characters, no word that mixes Latin and
/// Cyrillic letters (the classic way to pass "Админ" off with a Latin "А"), and none of the
/// names the platform itself shows for anonymous or deleted authors.
/// </summary>
public static class DisplayNames
{
    private static readonly string[] Reserved = ["анонимно", "изтрит потребител", "anonymous", "deleted user", "модератор", "администратор", "moderator", "administrator", "глас", "glas"];

    public enum Problem
    {
        None,
        Length,
        Characters,
        MixedScripts,
        Reserved,
    }

    public static string Normalise(string? name) =>
        string.Join(' ', (name ?? "").Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static Problem Check(string? raw)
    {
        var name = Normalise(raw);
        if (name.Length is < 2 or > 80)
        {
            return Problem.Length;
        }
        if (name.Any(c => char.IsControl(c) || (c != '\u200D' && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.PrivateUse)))
        {
            return Problem.Characters;
        }
        // A word here is a run of letters, so "O'Brien-Смит" is two words, each in one script.
        var words = new string(name.Select(c => char.IsLetter(c) ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(MixesScripts))
        {
            return Problem.MixedScripts;
        }
        var folded = name.ToLowerInvariant();
        return Reserved.Any(r => folded == r) ? Problem.Reserved : Problem.None;
    }

    private static bool MixesScripts(string word) =>
        word.Any(IsLatinLetter) && word.Any(IsCyrillicLetter);

    private static bool IsLatinLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '\u00C0' and <= '\u024F');

    private static bool IsCyrillicLetter(char c) => c is >= '\u0400' and <= '\u04FF';
}

/// <summary>How the public sees the author of a contribution whose account was deleted.</summary>
public static class DeletedUser
{
    public const string Name = "Изтрит потребител";
}
