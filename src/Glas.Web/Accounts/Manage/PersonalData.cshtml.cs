using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Accounts.Manage;

/// <summary>GDPR: everything held about the user as JSON (the platform's part and every module's), and deletion of the account.</summary>
public sealed class PersonalDataModel(
    UserManager<GlasUser> users,
    SignInManager<GlasUser> signIn,
    GlasDbContext db,
    TenantContext tenant,
    ModuleCatalog modules,
    TimeProvider time,
    IStringLocalizer<SharedResource> l) : PageModel
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(128, ErrorMessage = "Validation.TooLong")]
        public string? Password { get; set; }

        public bool Confirm { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetDownloadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.IsDeleted)
        {
            return Challenge();
        }
        var memberships = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == user.Id)
            .Join(db.Tenants, m => m.TenantId, t => t.Id, (m, t) => new { tenant = t.Slug, role = m.Role.ToString(), since = m.CreatedAt })
            .ToListAsync();
        var actions = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.ActorUserId == user.Id).OrderBy(a => a.At)
            .Select(a => new { a.Action, a.Subject, a.Details, a.At }).ToListAsync();
        var data = new
        {
            generatedAt = time.GetUtcNow(),
            account = new
            {
                user.Id,
                user.Email,
                user.EmailConfirmed,
                user.DisplayName,
                kind = user.Kind.ToString(),
                user.OrganisationName,
                organisationType = user.OrganisationType?.ToString(),
                user.OrganisationEik,
                user.PreferredCulture,
                user.CreatedAt,
            },
            memberships,
            actions,
            modules = await ModuleDataAsync(user.Id),
        };
        Response.Headers.CacheControl = "no-store";
        return File(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json", "glas-personal-data.json");
    }

    /// <summary>What every module holds about the person, under the module's key.</summary>
    private async Task<Dictionary<string, object>> ModuleDataAsync(Guid userId)
    {
        var data = new Dictionary<string, object>();
        foreach (var module in modules.All)
        {
            if (await module.PersonalDataAsync(db, userId, HttpContext.RequestAborted) is { } held)
            {
                data[module.Key] = held;
            }
        }
        return data;
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null || user.IsDeleted)
        {
            return Challenge();
        }
        if (!Input.Confirm)
        {
            ModelState.AddModelError("Input.Confirm", l["Validation.ConfirmDelete"]);
        }
        if (ModelState.IsValid && !await users.CheckPasswordAsync(user, Input.Password!))
        {
            ModelState.AddModelError("Input.Password", l["Identity.PasswordMismatch"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync();
        AccountDeletion.Erase(user, now);
        foreach (var module in modules.All)
        {
            await module.ErasePersonalDataAsync(db, user.Id, HttpContext.RequestAborted);
        }
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = tenant.Required.Id,
            ActorUserId = user.Id,
            Action = "account.deleted",
            Subject = $"user:{user.Id}",
            At = now,
        });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        await signIn.SignOutAsync();
        TempData["Status"] = l["Delete.Done"].Value;
        return LocalRedirect("~/");
    }
}

public static class AccountDeletion
{
    /// <summary>The platform's own references to a person, exported by the personal-data page itself.</summary>
    public static readonly PersonalReference[] PlatformReferences =
    [
        new(typeof(Membership), nameof(Membership.UserId)),
        new(typeof(Platform.Auditing.AuditEntry), nameof(Platform.Auditing.AuditEntry.ActorUserId)),
    ];

    /// <summary>
    /// Deletion is a recorded state change: personal data is erased, the row stays so that public
    /// contributions keep an author, shown as "Изтрит потребител".
    /// </summary>
    public static void Erase(GlasUser user, DateTimeOffset now)
    {
        var placeholder = $"deleted-{user.Id:N}@invalid";
        user.DeletedAt = now;
        user.Email = placeholder;
        user.UserName = placeholder;
        user.EmailConfirmed = false;
        user.DisplayName = "—";
        user.OrganisationName = null;
        user.OrganisationType = null;
        user.OrganisationEik = null;
        user.PhoneNumber = null;
        user.PasswordHash = null;
        user.LockoutEnd = DateTimeOffset.MaxValue;
    }
}
