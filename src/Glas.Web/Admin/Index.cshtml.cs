using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Files;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Admin;

/// <summary>What an administration's own settings page and the installation's tenant form share, with one set of rules.</summary>
public class TenantFields
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

    [StringLength(1000, ErrorMessage = "Validation.TooLong")]
    public string? Hosts { get; set; }
}

/// <summary>The tenant's own settings and logo. Only its administrators reach this page (folder convention).</summary>
[RequestSizeLimit(Images.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = Images.MaxBytes + 64 * 1024)]
public sealed class SettingsModel(GlasDbContext db, TenantContext tenant, TenantDirectory directory, PublicAddress addresses, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel : TenantFields
    {
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Host names decide where a whole administration answers; only the installation's administrators change them.</summary>
    public bool CanEditHosts => addresses.IsInstallationAdministrator(User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name);

    /// <summary>The logo's address, or null when the administration has none.</summary>
    public string? LogoPath => TenantLogos.PathOf(tenant.Required);

    public string CurrentHosts => string.Join(", ", tenant.Required.Hosts.Select(h => h.Name));

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
            Hosts = string.Join('\n', t.Hosts.Select(h => h.Name)),
        };
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var id = tenant.Required.Id;
        var hosts = CanEditHosts ? await CheckHostsAsync(id) : null;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var entity = await db.Tenants.Include(t => t.Hosts).FirstAsync(t => t.Id == id);
        var before = $"{entity.NameBg} | {entity.NameEn} | {entity.ContactEmail} | {entity.ContactPhone} | {entity.Address} | {string.Join(',', entity.Hosts.Select(h => h.Name))}";
        entity.NameBg = Input.NameBg!.Trim();
        entity.NameEn = Input.NameEn!.Trim();
        entity.ContactEmail = Blank(Input.ContactEmail);
        entity.ContactPhone = Blank(Input.ContactPhone);
        entity.Address = Blank(Input.Address);
        if (hosts is not null)
        {
            TenantHostNames.Apply(entity, hosts);
        }
        var after = $"{entity.NameBg} | {entity.NameEn} | {entity.ContactEmail} | {entity.ContactPhone} | {entity.Address} | {string.Join(',', entity.Hosts.Select(h => h.Name))}";
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = id,
            ActorUserId = User.UserId(),
            Action = "tenant.settings",
            Subject = $"tenant:{entity.Slug}",
            Details = $"{before} → {after}",
            At = time.GetUtcNow(),
        });
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (TenantHostNames.IsUniqueViolation(e))
        {
            // Another administration took one of the names between the check and the save.
            ModelState.AddModelError("Input.Hosts", string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Validation.HostTaken"], string.Join(", ", hosts ?? [])));
            return Page();
        }
        directory.Invalidate();
        TempData["Status"] = l["Form.Saved"].Value;
        return RedirectToPage();
    }

    /// <summary>
    /// Replaces the logo with the upload, once <see cref="Images"/> has checked it by content and
    /// written it again as a PNG without the file's metadata.
    /// </summary>
    public async Task<IActionResult> OnPostLogoAsync(IFormFile? logo)
    {
        var ct = HttpContext.RequestAborted;
        OnGet();
        if (logo is null || logo.Length == 0)
        {
            ModelState.AddModelError("logo", l["Logo.Missing"]);
            return Page();
        }
        if (logo.Length > Images.MaxBytes)
        {
            ModelState.AddModelError("logo", l["Logo." + ImageProblem.TooLarge]);
            return Page();
        }
        using var buffer = new MemoryStream((int)logo.Length);
        await logo.CopyToAsync(buffer, ct);
        var checkedImage = Images.Clean(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), TenantLogos.MaxWidth, TenantLogos.MaxHeight);
        if (checkedImage.Image is not { } image)
        {
            ModelState.AddModelError("logo", l["Logo." + checkedImage.Problem]);
            return Page();
        }
        var id = tenant.Required.Id;
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(image.Content));
        var now = time.GetUtcNow();
        var entity = await db.Tenants.FirstAsync(t => t.Id == id, ct);
        var stored = await db.TenantLogos.FirstOrDefaultAsync(ct);
        if (stored is null)
        {
            db.TenantLogos.Add(new TenantLogo { TenantId = id, Content = image.Content, ContentType = image.ContentType, Sha256 = sha, UpdatedAt = now });
        }
        else
        {
            (stored.Content, stored.ContentType, stored.Sha256, stored.UpdatedAt) = (image.Content, image.ContentType, sha, now);
        }
        var before = entity.LogoSha256 ?? "—";
        entity.LogoSha256 = sha;
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = id,
            ActorUserId = User.UserId(),
            Action = "tenant.logo",
            Subject = $"tenant:{entity.Slug}",
            Details = $"{before} → {sha} ({image.Width}×{image.Height}, {image.Content.Length} B)",
            At = now,
        });
        await db.SaveChangesAsync(ct);
        directory.Invalidate();
        TempData["Status"] = l["Logo.Saved"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveLogoAsync()
    {
        var ct = HttpContext.RequestAborted;
        var id = tenant.Required.Id;
        var entity = await db.Tenants.FirstAsync(t => t.Id == id, ct);
        if (entity.LogoSha256 is { } before)
        {
            await db.TenantLogos.Where(x => x.TenantId == id).ExecuteDeleteAsync(ct);
            entity.LogoSha256 = null;
            db.AuditEntries.Add(new AuditEntry
            {
                TenantId = id,
                ActorUserId = User.UserId(),
                Action = "tenant.logo",
                Subject = $"tenant:{entity.Slug}",
                Details = $"{before} → —",
                At = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
            directory.Invalidate();
        }
        TempData["Status"] = l["Logo.Removed"].Value;
        return RedirectToPage();
    }

    private async Task<List<string>> CheckHostsAsync(Guid id)
    {
        var hosts = TenantHostNames.Parse(Input.Hosts);
        if (await TenantHostNames.CheckAsync(db, addresses, hosts, id, tenant.Required.IsDefault, HttpContext.RequestAborted) is { } problem)
        {
            ModelState.AddModelError("Input.Hosts", string.Format(System.Globalization.CultureInfo.CurrentCulture, l[problem.MessageKey], string.Join(", ", problem.Names)));
        }
        return hosts;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
