using System.ComponentModel.DataAnnotations;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Accounts;

[EnableRateLimiting(Policies.AuthRateLimit)]
public sealed class ResetPasswordModel(UserManager<GlasUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(128, MinimumLength = 10, ErrorMessage = "Validation.PasswordLength")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        public string? ConfirmPassword { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? UserId { get; private set; }
    public string? Code { get; private set; }
    public bool Done { get; private set; }

    public void OnGet(string? userId, string? code)
    {
        UserId = userId;
        Code = code;
    }

    public async Task<IActionResult> OnPostAsync(string? userId, string? code)
    {
        UserId = userId;
        Code = code;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var token = AccountMail.DecodeToken(code);
        var user = Guid.TryParse(userId, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null || user.IsDeleted || token is null)
        {
            ModelState.AddModelError(string.Empty, l["Identity.InvalidToken"]);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.InvalidToken) ? string.Empty : "Input.Password", error.Description);
            }
            return Page();
        }
        await users.ResetAccessFailedCountAsync(user);
        Done = true;
        return Page();
    }
}
