using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Glas.Web.Participation.Notifications;

/// <summary>What an unsubscribe link stands for: one person and one followed item, or all of their e-mail (no subject).</summary>
public sealed record Unsubscribe(Guid UserId, string? SubjectKind, Guid? SubjectId)
{
    public bool All => SubjectKind is null;
}

/// <summary>
/// Unsubscribe links that need no sign-in: the person and the item, encrypted and signed with the
/// installation's Data Protection keys (kept in the database, so every instance reads them). A token
/// cannot be guessed or changed to name someone else.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Glas.Notifications.Unsubscribe.v1");

    public string Create(Guid userId, FollowSubject? subject) =>
        protector.Protect(subject is null ? $"{userId:N}|*" : $"{userId:N}|{subject.Kind}|{subject.Id:N}");

    public string Create(Guid userId, string subjectKind, Guid subjectId) => protector.Protect($"{userId:N}|{subjectKind}|{subjectId:N}");

    /// <summary>The request the token names, or null when it is not one of ours (tampered, truncated, made up).</summary>
    public Unsubscribe? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }
        string text;
        try
        {
            text = protector.Unprotect(token);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
        var parts = text.Split('|');
        if (parts.Length == 2 && parts[1] == "*" && Guid.TryParseExact(parts[0], "N", out var everyone))
        {
            return new Unsubscribe(everyone, null, null);
        }
        if (parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out var user) && parts[1].Length is > 0 and <= FollowSubject.MaxKindLength
            && Guid.TryParseExact(parts[2], "N", out var subject))
        {
            return new Unsubscribe(user, parts[1], subject);
        }
        return null;
    }
}
