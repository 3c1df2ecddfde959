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
    public static string Link(HttpRequest request, string path, Guid userId, string token) =>
        $"{Link(request, path)}?userId={userId}&code={WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token))}";

    /// <summary>An absolute link without a token, e.g. to the sign-in page; from the tenant's address, never the request's.</summary>
    public static string Link(HttpRequest request, string path) =>
        request.HttpContext.RequestServices.GetRequiredService<PublicAddress>().Absolute(request.HttpContext.CurrentTenant(), path);

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

    /// <summary>
    /// Someone tried to register with the address of an existing account: the owner hears of it by
    /// e-mail, while the page answers as for a new registration, so the form reveals nothing.
    /// </summary>
    public static void QueueAlreadyRegistered(EmailOutbox outbox, HttpRequest request, IStringLocalizer l, GlasUser user)
    {
        var signIn = Link(request, "/account/login");
        var reset = Link(request, "/account/forgot-password");
        outbox.Queue(new EmailMessage(user.Email!, l["Mail.AlreadyRegistered.Subject"], string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Mail.AlreadyRegistered.Body"], user.DisplayName, signIn, reset)));
    }
}
