using System.ComponentModel.DataAnnotations;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Accounts.Manage;

public sealed class ChangePasswordModel(UserManager<GlasUser> users, SignInManager<GlasUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(128, ErrorMessage = "Validation.TooLong")]
        public string? CurrentPassword { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(128, MinimumLength = 10, ErrorMessage = "Validation.PasswordLength")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        public string? ConfirmPassword { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.GetUserAsync(User);
        if (user is null || user.IsDeleted)
        {
            return Challenge();
        }
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.Password!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "Input.CurrentPassword" : "Input.Password", error.Description);
            }
            return Page();
        }
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = l["Password.Changed"].Value;
        return RedirectToPage("/Accounts/Manage/Index");
    }
}
