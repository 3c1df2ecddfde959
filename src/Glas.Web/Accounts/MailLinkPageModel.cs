using Glas.Web.Platform.Database;
using Glas.Web.Platform.Email;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Jobs;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Accounts;

/// <summary>
/// A page that e-mails a link to an address (a reset, a confirmation). It answers the same whether or
/// not the address is known, so it tells no one who has an account.
/// </summary>
public abstract class MailLinkPageModel(UserManager<GlasUser> users, GlasDbContext db, EmailOutbox outbox, JobSignal signal, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    /// <summary>Whether this account gets the link.</summary>
    protected abstract bool Receives(GlasUser user);

    /// <summary>Queues the link's e-mail in the unit of work.</summary>
    protected abstract Task QueueAsync(UserManager<GlasUser> users, EmailOutbox outbox, IStringLocalizer l, GlasUser user);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (await users.FindByEmailAsync(Input.Email!.Trim()) is { } user && Receives(user))
        {
            await QueueAsync(users, outbox, l, user);
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
