using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Platform.Identity;

/// <summary>
/// Passwords an attacker tries first: one repeated character, one of the most common passwords
/// (zxcvbn's list plus Bulgarian favourites, see common-passwords.txt), or the account's own
/// e-mail name or public name. Length is checked by Identity's options.
/// </summary>
public static class PasswordRules
{
    public enum Problem
    {
        None,
        Repeated,
        Common,
        Personal,
    }

    // Shorter personal parts ("ив", "jo") would refuse too many good passwords by chance.
    private const int MinPersonalLength = 3;

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(Load);

    public static int CommonCount => CommonPasswords.Value.Count;

    public static Problem Check(string? password, string? email, string? displayName)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Problem.None; // the length rule reports it.
        }
        var folded = password.Normalize(NormalizationForm.FormC).ToLowerInvariant();
        if (folded.All(c => c == folded[0]))
        {
            return Problem.Repeated;
        }
        if (CommonPasswords.Value.Contains(folded.Trim()))
        {
            return Problem.Common;
        }
        return PersonalParts(email, displayName).Any(p => folded.Contains(p, StringComparison.Ordinal)) ? Problem.Personal : Problem.None;
    }

    private static IEnumerable<string> PersonalParts(string? email, string? displayName)
    {
        var at = email?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        var local = at > 0 ? email![..at] : email;
        var name = DisplayNames.Normalise(displayName);
        foreach (var part in new[] { local, name, name.Replace(" ", "", StringComparison.Ordinal) })
        {
            var p = part?.Normalize(NormalizationForm.FormC).ToLowerInvariant().Trim();
            if (p is { Length: >= MinPersonalLength })
            {
                yield return p;
            }
        }
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(PasswordRules).Assembly.GetManifestResourceStream("Glas.Web.Platform.Identity.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture));
            }
        }
        return set;
    }
}

/// <summary>Applies <see cref="PasswordRules"/> wherever Identity sets a password.</summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> l) : IPasswordValidator<GlasUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<GlasUser> manager, GlasUser user, string? password)
    {
        var problem = PasswordRules.Check(password, user.Email, user.DisplayName);
        return Task.FromResult(problem == PasswordRules.Problem.None
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "Password" + problem, Description = l["Identity.Password" + problem] }));
    }
}
