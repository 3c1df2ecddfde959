using Glas.Web.Platform.Email;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Accounts;

/// <summary>The e-mails of the account flows, with absolute links back into the same tenant.</summary>
public static class AccountMail
{
    /// <summary>
    /// A link into the request's tenant, built from the tenant's registered address and the
    /// installation's configured one — never from the request's Host or X-Forwarded-Host.
    /// </summary>
    public static string Link(HttpRequest request, string path, Guid userId, string token)
    {
        var addresses = request.HttpContext.RequestServices.GetRequiredService<PublicAddress>();
        return $"{addresses.Absolute(request.HttpContext.CurrentTenant(), path)}?userId={userId}&code={WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token))}";
    }

    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }
        try
        {
            return System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static async Task QueueConfirmationAsync(UserManager<GlasUser> users, EmailOutbox outbox, HttpRequest request, IStringLocalizer l, GlasUser user)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = Link(request, "/account/confirm-email", user.Id, token);
        outbox.Queue(new EmailMessage(user.Email!, l["Mail.Confirm.Subject"], string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Mail.Confirm.Body"], user.DisplayName, link)));
    }

    public static async Task QueueResetAsync(UserManager<GlasUser> users, EmailOutbox outbox, HttpRequest request, IStringLocalizer l, GlasUser user)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = Link(request, "/account/reset-password", user.Id, token);
        outbox.Queue(new EmailMessage(user.Email!, l["Mail.Reset.Subject"], string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Mail.Reset.Body"], user.DisplayName, link)));
    }
}
