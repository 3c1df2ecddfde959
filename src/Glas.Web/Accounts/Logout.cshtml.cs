using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Glas.Web.Accounts;

/// <summary>Signing out changes state, so it is a POST; a GET only goes home.</summary>
public sealed class LogoutModel(SignInManager<GlasUser> signIn) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("~/");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("~/");
    }
}
