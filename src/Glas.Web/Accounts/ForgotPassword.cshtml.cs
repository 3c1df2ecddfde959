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

/// <summary>Sends a reset link; answers the same whether or not the address is known.</summary>
[EnableRateLimiting(Policies.AuthRateLimit)]
public sealed class ForgotPasswordModel(UserManager<GlasUser> users, GlasDbContext db, EmailOutbox outbox, JobSignal signal, IStringLocalizer<SharedResource> l) : PageModel
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
        if (user is { IsDeleted: false, EmailConfirmed: true })
        {
            await AccountMail.QueueResetAsync(users, outbox, Request, l, user);
            await db.SaveChangesAsync(HttpContext.RequestAborted);
            signal.Notify();
        }
        Sent = true;
        return Page();
    }
}
