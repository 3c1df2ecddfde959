using System.ComponentModel.DataAnnotations;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Email;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Accounts;

[EnableRateLimiting(Policies.AuthRateLimit)]
public sealed class RegisterModel(
    UserManager<GlasUser> users,
    IPasswordHasher<GlasUser> hasher,
    GlasDbContext db,
    EmailOutbox outbox,
    JobSignal signal,
    TenantContext tenant,
    TimeProvider time,
    Participation.Rules.RulesGate rules,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(128, MinimumLength = 10, ErrorMessage = "Validation.PasswordLength")]
        public string? Password { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        public string? ConfirmPassword { get; set; }

        public AccountKind Kind { get; set; } = AccountKind.Citizen;

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        public string? OrganisationName { get; set; }

        public OrganisationType? OrganisationType { get; set; }

        public string? OrganisationEik { get; set; }

        public bool AcceptRules { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IEnumerable<SelectListItem> KindItems =>
    [
        new(l["AccountKind.Citizen"], nameof(AccountKind.Citizen)),
        new(l["AccountKind.Organisation"], nameof(AccountKind.Organisation)),
    ];

    public IEnumerable<SelectListItem> OrganisationTypeItems =>
        new[] { new SelectListItem(l["Form.Choose"], "") }
            .Concat(Enum.GetValues<OrganisationType>().Select(t => new SelectListItem(l["OrganisationType." + t], t.ToString())));

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await AccountValidation.CheckDisplayNameAsync(ModelState, "Input.DisplayName", Input.DisplayName, db, null, l, HttpContext.RequestAborted);
        if (Input.Kind is not (AccountKind.Citizen or AccountKind.Organisation))
        {
            ModelState.AddModelError("Input.Kind", l["Validation.Invalid"]);
        }
        if (Input.Kind == AccountKind.Organisation)
        {
            AccountValidation.CheckOrganisation(ModelState, Input.OrganisationName, Input.OrganisationType, Input.OrganisationEik, l);
        }
        if (!Input.AcceptRules)
        {
            ModelState.AddModelError("Input.AcceptRules", l["Validation.AcceptRules"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = time.GetUtcNow();
        var email = Input.Email!.Trim();
        var user = new GlasUser
        {
            Id = Guid.CreateVersion7(now),
            UserName = email,
            Email = email,
            DisplayName = DisplayNames.Normalise(Input.DisplayName),
            Kind = Input.Kind,
            OrganisationName = Input.Kind == AccountKind.Organisation ? Input.OrganisationName!.Trim() : null,
            OrganisationType = Input.Kind == AccountKind.Organisation ? Input.OrganisationType : null,
            OrganisationEik = Input.Kind == AccountKind.Organisation && !string.IsNullOrWhiteSpace(Input.OrganisationEik) ? Input.OrganisationEik.Trim() : null,
            PreferredCulture = System.Globalization.CultureInfo.CurrentUICulture.Name,
            CreatedAt = now,
        };

        // The password is judged before the address is looked up, so both answers look alike.
        if (!await PasswordAcceptedAsync(user))
        {
            return Page();
        }
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            return await NotifyExistingOwnerAsync(existing, user);
        }

        await using var tx = await db.Database.BeginTransactionAsync(HttpContext.RequestAborted);
        var created = await users.CreateAsync(user, Input.Password!);
        if (!created.Succeeded)
        {
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
            {
                // Registered a moment ago by a parallel request.
                await tx.RollbackAsync(HttpContext.RequestAborted);
                db.ChangeTracker.Clear();
                return await NotifyExistingOwnerAsync(await users.FindByEmailAsync(email), user);
            }
            AddErrors(created);
            return Page();
        }
        // Registration accepts the administration's rules in force (recorded by version).
        if (await rules.InForceAsync(HttpContext.RequestAborted) is { } inForce)
        {
            await rules.AcceptAsync(tenant.Required.Id, user.Id, inForce.Version, HttpContext.RequestAborted);
        }
        db.Memberships.Add(new Membership
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenant.Required.Id,
            UserId = user.Id,
            Role = TenantRole.Participant,
            CreatedAt = now,
            UpdatedAt = now,
        });
        await AccountMail.QueueConfirmationAsync(users, outbox, Request, l, user);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        await tx.CommitAsync(HttpContext.RequestAborted);
        signal.Notify();
        return RedirectToPage("/Accounts/RegisterConfirmation");
    }

    private async Task<bool> PasswordAcceptedAsync(GlasUser user)
    {
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, Input.Password);
            errors.AddRange(result.Errors);
        }
        AddErrors(IdentityResult.Failed([.. errors]));
        return errors.Count == 0;
    }

    private async Task<IActionResult> NotifyExistingOwnerAsync(GlasUser? existing, GlasUser attempt)
    {
        // As long as creating an account takes: the password is hashed either way.
        _ = hasher.HashPassword(attempt, Input.Password!);
        if (existing is not null)
        {
            AccountMail.QueueAlreadyRegistered(outbox, Request, l, existing);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
            signal.Notify();
        }
        return RedirectToPage("/Accounts/RegisterConfirmation");
    }

    private void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            var field = error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "Input.Email" : "Input.Password";
            ModelState.AddModelError(field, error.Description);
        }
    }
}
