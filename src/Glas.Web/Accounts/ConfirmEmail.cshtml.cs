using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Glas.Web.Accounts;

/// <summary>The e-mailed link opens this page; confirming is a POST, so a link preview cannot confirm.</summary>
public sealed class ConfirmEmailModel(UserManager<GlasUser> users) : PageModel
{
    public string? UserId { get; private set; }
    public string? Code { get; private set; }
    public bool Confirmed { get; private set; }
    public bool Failed { get; private set; }

    public void OnGet(string? userId, string? code)
    {
        UserId = userId;
        Code = code;
        Failed = string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code);
    }

    public async Task OnPostAsync(string? userId, string? code)
    {
        var token = AccountMail.DecodeToken(code);
        var user = Guid.TryParse(userId, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null || user.IsDeleted || token is null)
        {
            Failed = true;
            return;
        }
        var result = await users.ConfirmEmailAsync(user, token);
        Confirmed = result.Succeeded;
        Failed = !result.Succeeded;
    }
}
