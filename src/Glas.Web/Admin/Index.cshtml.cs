using System.ComponentModel.DataAnnotations;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Admin;

/// <summary>The tenant's own settings. Only its administrators reach this page (folder convention).</summary>
public sealed class SettingsModel(GlasDbContext db, TenantContext tenant, TenantDirectory directory, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
        public string? NameBg { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
        public string? NameEn { get; set; }

        [EmailAddress(ErrorMessage = "Validation.Email")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        public string? ContactEmail { get; set; }

        [StringLength(50, ErrorMessage = "Validation.TooLong")]
        [RegularExpression(@"^[0-9 +()\-/]*$", ErrorMessage = "Validation.Phone")]
        public string? ContactPhone { get; set; }

        [StringLength(300, ErrorMessage = "Validation.TooLong")]
        public string? Address { get; set; }

        [StringLength(300, ErrorMessage = "Validation.TooLong")]
        public string? LogoUrl { get; set; }

        [StringLength(1000, ErrorMessage = "Validation.TooLong")]
        public string? Hosts { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
        var t = tenant.Required;
        Input = new InputModel
        {
            NameBg = t.NameBg,
            NameEn = t.NameEn,
            ContactEmail = t.ContactEmail,
            ContactPhone = t.ContactPhone,
            Address = t.Address,
            LogoUrl = t.LogoUrl,
            Hosts = string.Join('\n', t.Hosts),
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var hosts = (Input.Hosts ?? "").Split(['\n', '\r', ',', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(TenantResolver.NormaliseHost).Distinct().ToList();
        if (hosts.Any(h => Uri.CheckHostName(h) is UriHostNameType.Unknown))
        {
            ModelState.AddModelError("Input.Hosts", l["Validation.Hosts"]);
        }
        if (!string.IsNullOrWhiteSpace(Input.LogoUrl) && !IsSafeLogo(Input.LogoUrl))
        {
            ModelState.AddModelError("Input.LogoUrl", l["Validation.Logo"]);
        }
        var id = tenant.Required.Id;
        var taken = hosts.Count == 0 ? [] : (await db.Tenants.Where(t => t.Id != id).Select(t => t.Hosts).ToListAsync()).SelectMany(h => h).Intersect(hosts).ToList();
        if (taken.Count > 0)
        {
            ModelState.AddModelError("Input.Hosts", string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Validation.HostTaken"], string.Join(", ", taken)));
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var entity = await db.Tenants.FirstAsync(t => t.Id == id);
        var before = $"{entity.NameBg} | {entity.NameEn} | {entity.ContactEmail} | {entity.ContactPhone} | {entity.Address} | {entity.LogoUrl} | {string.Join(',', entity.Hosts)}";
        entity.NameBg = Input.NameBg!.Trim();
        entity.NameEn = Input.NameEn!.Trim();
        entity.ContactEmail = Blank(Input.ContactEmail);
        entity.ContactPhone = Blank(Input.ContactPhone);
        entity.Address = Blank(Input.Address);
        entity.LogoUrl = Blank(Input.LogoUrl);
        entity.Hosts = hosts;
        var after = $"{entity.NameBg} | {entity.NameEn} | {entity.ContactEmail} | {entity.ContactPhone} | {entity.Address} | {entity.LogoUrl} | {string.Join(',', entity.Hosts)}";
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = id,
            ActorUserId = User.UserId(),
            Action = "tenant.settings",
            Subject = $"tenant:{entity.Slug}",
            Details = $"{before} → {after}",
            At = time.GetUtcNow(),
        });
        await db.SaveChangesAsync();
        directory.Invalidate();
        TempData["Status"] = l["Form.Saved"].Value;
        return RedirectToPage();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>A logo is an https address or a path on this site; never javascript: or data:.</summary>
    private static bool IsSafeLogo(string url) =>
        (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps);
}
