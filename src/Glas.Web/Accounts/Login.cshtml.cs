using System.ComponentModel.DataAnnotations;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Accounts;

[EnableRateLimiting(Policies.AuthRateLimit)]
public sealed class LoginModel(SignInManager<GlasUser> signIn, UserManager<GlasUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(128, ErrorMessage = "Validation.TooLong")]
        public string? Password { get; set; }

        public bool RememberMe { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? ReturnUrl { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = returnUrl;

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = returnUrl;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is null || user.IsDeleted)
        {
            ModelState.AddModelError(string.Empty, l["Login.Failed"]);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : LocalRedirect("~/");
        }
        var message = result.IsLockedOut ? "Login.LockedOut" : result.IsNotAllowed ? "Login.NotConfirmed" : "Login.Failed";
        ModelState.AddModelError(string.Empty, l[message]);
        return Page();
    }
}
