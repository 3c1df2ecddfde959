using Glas.Web.Platform.Email;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Accounts;

/// <summary>The e-mails of the account flows, with absolute links back into the same tenant.</summary>
public static class AccountMail
{
    public static string Link(HttpRequest request, string path, Guid userId, string token) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{path}?userId={userId}&code={WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token))}";

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
