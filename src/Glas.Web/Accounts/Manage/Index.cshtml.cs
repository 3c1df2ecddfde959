using System.ComponentModel.DataAnnotations;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Accounts.Manage;

public sealed class ProfileModel(UserManager<GlasUser> users, SignInManager<GlasUser> signIn, TenantRoles roles, GlasDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        public string? DisplayName { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        public string? OrganisationName { get; set; }

        public OrganisationType? OrganisationType { get; set; }

        public string? OrganisationEik { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string? Email { get; private set; }
    public AccountKind Kind { get; private set; }
    public TenantRole Role { get; private set; }

    public IEnumerable<SelectListItem> OrganisationTypeItems =>
        Enum.GetValues<OrganisationType>().Select(t => new SelectListItem(l["OrganisationType." + t], t.ToString()));

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await Load();
        if (user is null)
        {
            return Challenge();
        }
        Input = new InputModel
        {
            DisplayName = user.DisplayName,
            OrganisationName = user.OrganisationName,
            OrganisationType = user.OrganisationType,
            OrganisationEik = user.OrganisationEik,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await Load();
        if (user is null)
        {
            return Challenge();
        }
        // An unchanged name is kept as it is, even if the rules have grown stricter since.
        if (DisplayNames.Normalise(Input.DisplayName) != user.DisplayName)
        {
            await AccountValidation.CheckDisplayNameAsync(ModelState, "Input.DisplayName", Input.DisplayName, db, user.Id, l, HttpContext.RequestAborted);
        }
        if (user.Kind == AccountKind.Organisation)
        {
            AccountValidation.CheckOrganisation(ModelState, Input.OrganisationName, Input.OrganisationType, Input.OrganisationEik, l);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        user.DisplayName = DisplayNames.Normalise(Input.DisplayName);
        if (user.Kind == AccountKind.Organisation)
        {
            user.OrganisationName = Input.OrganisationName!.Trim();
            user.OrganisationType = Input.OrganisationType;
            user.OrganisationEik = string.IsNullOrWhiteSpace(Input.OrganisationEik) ? null : Input.OrganisationEik.Trim();
        }
        await users.UpdateAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Status"] = l["Profile.Saved"].Value;
        return RedirectToPage();
    }

    private async Task<GlasUser?> Load()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.IsDeleted)
        {
            return null;
        }
        Email = user.Email;
        Kind = user.Kind;
        Role = await roles.CurrentRoleAsync(User) ?? TenantRole.Participant;
        return user;
    }
}
