using Glas.Web.Platform.Database;
using Glas.Web.Platform.Email;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Participation.Subscriptions;

/// <summary>
/// Subscribing: a signed-in person saves their choice at once (their account's confirmed e-mail);
/// anyone else gives an address and confirms from the e-mail sent to it. The answer is the same
/// whether or not the address is subscribed already, so the page tells nobody who subscribes.
/// </summary>
[EnableRateLimiting(Policies.AuthRateLimit)]
public sealed class IndexModel(GlasDbContext db, SubscriptionMails mails, EmailOutbox outbox, ModuleCatalog catalog, TimeProvider time, IStringLocalizer<SubscriptionsText> t)
    : PageModel
{
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public List<string?> Kinds { get; set; } = [];
    [BindProperty] public List<string?> Topics { get; set; } = [];
    [BindProperty] public string? Frequency { get; set; }

    public IReadOnlyList<string> AvailableKinds => SubscriptionRules.Kinds.Where(k => catalog.All.Any(m => m.Key == k)).ToList();

    public bool SignedIn => User.UserId() is not null;

    /// <summary>The signed-in person's subscription here, if any.</summary>
    public Subscription? Mine { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.UserId() is { } me && await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == me, ct) is { } mine)
        {
            Mine = mine;
            Kinds = [.. mine.Kinds];
            Topics = [.. mine.Topics];
            Frequency = mine.Frequency.ToString();
            return;
        }
        Kinds = ["news", "consultations"];
        Frequency = nameof(SubscriptionFrequency.Weekly);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new List<(string Field, string Key)>();
        var choice = SubscriptionRules.Check(Kinds, Topics, Frequency, AvailableKinds, errors);
        var tenant = HttpContext.CurrentTenant();
        var now = time.GetUtcNow();
        if (User.UserId() is { } me)
        {
            var confirmed = await db.Users.Where(u => u.Id == me).Select(u => u.EmailConfirmed).FirstOrDefaultAsync(ct);
            if (!confirmed)
            {
                errors.Add(("Email", "Error.AccountUnconfirmed"));
            }
            if (Fail(errors) || choice is null)
            {
                Mine = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.UserId == me, ct);
                return Page();
            }
            await SubscriptionStore.SaveForUserAsync(db, tenant.Id, me, choice, now, ct);
            TempData["Status"] = t["Saved"].Value;
            return Redirect(Request.PathBase + "/subscriptions");
        }
        var email = SubscriptionRules.CheckEmail(Email, out var emailError);
        if (emailError is not null)
        {
            errors.Insert(0, ("Email", emailError));
        }
        if (Fail(errors) || choice is null || email is null)
        {
            return Page();
        }
        await outbox.SendAsync(mails.Confirm(new SubscriptionRequest(tenant.Id, email, choice.Kinds, choice.Topics, choice.Frequency), tenant), ct);
        TempData["Status"] = t["Sent"].Value;
        return Redirect(Request.PathBase + "/subscriptions");
    }

    /// <summary>A signed-in person ends their subscription here.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (User.UserId() is not { } me)
        {
            return Challenge();
        }
        await db.Subscriptions.Where(s => s.UserId == me).ExecuteDeleteAsync(ct);
        TempData["Status"] = t["Deleted"].Value;
        return Redirect(Request.PathBase + "/subscriptions");
    }

    private bool Fail(List<(string Field, string Key)> errors)
    {
        foreach (var (field, key) in errors)
        {
            ModelState.AddModelError(field, t[key]);
        }
        return errors.Count > 0;
    }
}
