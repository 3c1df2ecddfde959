using System.Globalization;
using System.Text;

namespace Glas.Web.Platform.Identity;

/// <summary>
/// Public display names: 2–80 characters, no control characters, no word that mixes Latin and
/// Cyrillic letters (the classic way to pass "Админ" off with a Latin "А"), none of the names the
/// platform itself shows for anonymous or deleted authors, and nothing that passes for staff or an
/// administration: a role ("Служител", "Модератор (sliven)", "служител на …"), "Община …", "Кмет на …".
/// Names are compared by <see cref="Key"/>, which folds case, look-alike letters, punctuation and spacing.
/// The names of the administrations and of other users are checked against the database by the callers.
/// </summary>
public static class DisplayNames
{
    private static readonly string[] Reserved =
    [
        "анонимно", "изтрит потребител", "anonymous", "deleted user", "глас", "glas",
        "кмет", "кметство", "администрация", "mayor", "administration", "municipality", "staff",
    ];

    /// <summary>Roles, alone, with a tenant in parentheses, or followed by "на …"/"of …".</summary>
    private static readonly string[] Roles =
    [
        "участник", "модератор", "служител", "администратор", "служител на администрацията",
        "participant", "moderator", "official", "administrator", "staff member",
    ];

    /// <summary>Words a name may not start with: it would read as an administration or its head.</summary>
    private static readonly string[][] ReservedStarts =
    [
        ["община"], ["областна", "администрация"], ["общинска", "администрация"], ["кмет", "на"], ["кметство"],
        ["municipality"], ["regional", "administration"], ["mayor", "of"],
    ];

    private static readonly HashSet<string> ReservedKeys = [.. Reserved.Concat(Roles).Select(Key)];

    // Lower case, and each Latin letter that looks like a Cyrillic one (or the reverse) as one letter.
    private const string FoldFrom = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcehkmoptxyАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЀЁЂЃЄЅІЇЈЉЊЋЌЍЎЏѕіј";
    private const string FoldTo = "авсdеfgнijкlмnорqrsтuvwхуzавсенкмортхуабвгдежзийклмнопрстуфхцчшщъыьэюяѐёђѓєsiїjљњћќѝўџsij";

    /// <summary>The same folding as SQL, for comparing with names stored in the database.</summary>
    public static string SqlKey(string column) =>
        $"regexp_replace(translate(normalize({column}, NFKC), '{FoldFrom}', '{FoldTo}'), '[^0-9a-zа-яѐ-џ]', '', 'g')";

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
        return IsReserved(name) ? Problem.Reserved : Problem.None;
    }

    /// <summary>
    /// What two names that look alike have in common: compatibility-normalised, lower case, Latin
    /// look-alikes of Cyrillic letters folded together, and only letters a-z, а-я and digits kept.
    /// </summary>
    public static string Key(string? name)
    {
        var sb = new StringBuilder();
        foreach (var c in (name ?? "").Normalize(NormalizationForm.FormKC))
        {
            var i = FoldFrom.IndexOf(c, StringComparison.Ordinal);
            var f = i >= 0 ? FoldTo[i] : c;
            if (f is (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'а' and <= 'я') or (>= 'ѐ' and <= 'џ'))
            {
                sb.Append(f);
            }
        }
        return sb.ToString();
    }

    private static bool IsReserved(string name)
    {
        if (ReservedKeys.Contains(Key(name)))
        {
            return true;
        }
        // "Служител (sliven)": a role with anything in parentheses after it.
        var open = name.IndexOf('(', StringComparison.Ordinal);
        if (open > 0 && name.EndsWith(')') && Roles.Select(Key).Contains(Key(name[..open])))
        {
            return true;
        }
        var words = Words(name);
        return ReservedStarts.Any(start => StartsWith(words, Words(string.Join(' ', start))))
            || Roles.Select(Words).Any(role => StartsWith(words, role) && words.Length > role.Length && (words[role.Length] == Key("на") || words[role.Length] == Key("of")));
    }

    private static string[] Words(string name)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in name + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                if (Key(word.ToString()) is { Length: > 0 } key)
                {
                    words.Add(key);
                }
                word.Clear();
            }
        }
        return [.. words];
    }

    private static bool StartsWith(string[] words, string[] start) =>
        words.Length >= start.Length && start.Select((w, i) => words[i] == w).All(same => same);

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
