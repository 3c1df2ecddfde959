using System.ComponentModel.DataAnnotations;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Accounts;

[EnableRateLimiting(Policies.AuthRateLimit)]
public sealed class LoginModel(SignInManager<GlasUser> signIn, UserManager<GlasUser> users, IPasswordHasher<GlasUser> hasher, IStringLocalizer<SharedResource> l) : PageModel
{
    private static readonly GlasUser Nobody = new() { DisplayName = "", UserName = "nobody" };
    private static string? nobodyHash;

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
            // Verify against a stand-in hash so an unknown address takes as long as a known one.
            nobodyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(Nobody, nobodyHash, Input.Password!);
            ModelState.AddModelError(string.Empty, l["Login.Failed"]);
            return Page();
        }
        if (users.Options.SignIn.RequireConfirmedEmail && !user.EmailConfirmed)
        {
            // Identity says "not allowed" before it checks the password; we say it only to the owner.
            return await RefuseUnconfirmedAsync(user);
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

    private async Task<IActionResult> RefuseUnconfirmedAsync(GlasUser user)
    {
        if (await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError(string.Empty, l["Login.LockedOut"]);
            return Page();
        }
        if (await users.CheckPasswordAsync(user, Input.Password!))
        {
            await users.ResetAccessFailedCountAsync(user);
            ModelState.AddModelError(string.Empty, l["Login.NotConfirmed"]);
            return Page();
        }
        await users.AccessFailedAsync(user);
        ModelState.AddModelError(string.Empty, l[await users.IsLockedOutAsync(user) ? "Login.LockedOut" : "Login.Failed"]);
        return Page();
    }
}
