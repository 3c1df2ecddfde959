using Glas.Web.Platform.Database;
using Glas.Web.Platform.Email;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Accounts;

/// <summary>Sends the confirmation link again. Answers the same whether or not the address is known.</summary>
[EnableRateLimiting(Policies.AuthRateLimit)]
public sealed class ResendConfirmationModel(UserManager<GlasUser> users, GlasDbContext db, EmailOutbox outbox, JobSignal signal, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is { IsDeleted: false, EmailConfirmed: false })
        {
            await AccountMail.QueueConfirmationAsync(users, outbox, Request, l, user);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
            signal.Notify();
        }
        Sent = true;
        return Page();
    }
}

public sealed class EmailInput
{
    [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Validation.Required")]
    [System.ComponentModel.DataAnnotations.EmailAddress(ErrorMessage = "Validation.Email")]
    [System.ComponentModel.DataAnnotations.StringLength(200, ErrorMessage = "Validation.TooLong")]
    public string? Email { get; set; }
}
