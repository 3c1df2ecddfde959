using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Glas.Web.Participation.Subscriptions;

/// <summary>What a confirmation link stands for: the request, held in the link itself until it is confirmed.</summary>
public sealed record SubscriptionRequest(Guid TenantId, string Email, IReadOnlyList<string> Kinds, IReadOnlyList<string> Topics, SubscriptionFrequency Frequency);

/// <summary>
/// The links of subscription e-mails, encrypted and signed with the installation's Data Protection
/// keys: a confirmation link (valid for <see cref="ConfirmFor"/>) carries the request itself, so
/// nothing about an address is stored before its owner confirms; an unsubscribe link names one
/// subscription. A forged or altered link reads as nothing.
/// </summary>
public sealed class SubscriptionTokens(IDataProtectionProvider provider, TimeProvider time)
{
    public static readonly TimeSpan ConfirmFor = TimeSpan.FromDays(7);

    private readonly ITimeLimitedDataProtector confirm = provider.CreateProtector("Glas.Subscriptions.Confirm.v1").ToTimeLimitedDataProtector();
    private readonly IDataProtector unsubscribe = provider.CreateProtector("Glas.Subscriptions.Unsubscribe.v1");

    public string Confirmation(SubscriptionRequest request) =>
        confirm.Protect(JsonSerializer.Serialize(request), time.GetUtcNow() + ConfirmFor);

    public SubscriptionRequest? ReadConfirmation(string? token)
    {
        if (Unprotect(token, t => confirm.Unprotect(t, out var expires) is var text && expires >= time.GetUtcNow() ? text : null) is not { } json)
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<SubscriptionRequest>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public string Unsubscribe(Guid subscriptionId) => unsubscribe.Protect(subscriptionId.ToString("N"));

    public Guid? ReadUnsubscribe(string? token) =>
        Unprotect(token, unsubscribe.Unprotect) is { } text && Guid.TryParseExact(text, "N", out var id) ? id : null;

    private static string? Unprotect(string? token, Func<string, string?> read)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2000)
        {
            return null;
        }
        try
        {
            return read(token);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
