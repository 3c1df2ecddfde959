using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Participation.Notifications;

/// <summary>The person's choice of notification e-mails: at once, a daily digest, or none. Part of the profile.</summary>
[Authorize]
public sealed class SettingsModel(GlasDbContext db, TimeProvider time, IStringLocalizer<NotificationsText> t) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.UserId() is not { } me)
        {
            return Challenge();
        }
        Email = (await db.NotificationSettings.AsNoTracking().Where(s => s.UserId == me).Select(s => (EmailChoice?)s.Email).FirstOrDefaultAsync(ct) ?? EmailChoice.Immediately).ToString();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (User.UserId() is not { } me)
        {
            return Challenge();
        }
        if (!Enum.TryParse<EmailChoice>(Email, ignoreCase: false, out var choice) || !Enum.IsDefined(choice) || int.TryParse(Email, out _))
        {
            ModelState.AddModelError(nameof(Email), t["Settings.Invalid"]);
            return Page();
        }
        await SaveAsync(db, me, choice, time.GetUtcNow(), ct);
        TempData["Status"] = t["Settings.Saved"].Value;
        return Redirect(Request.PathBase + "/account/notification-settings");
    }

    /// <summary>Stores a person's choice, whether or not they had one (two saves at once leave one row).</summary>
    public static Task SaveAsync(GlasDbContext db, Guid userId, EmailChoice choice, DateTimeOffset now, CancellationToken ct)
    {
        var value = choice.ToString();
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO "NotificationSettings" ("UserId", "Email", "UpdatedAt") VALUES ({userId}, {value}, {now})
            ON CONFLICT ("UserId") DO UPDATE SET "Email" = excluded."Email", "UpdatedAt" = excluded."UpdatedAt"
            """, ct);
    }
}
