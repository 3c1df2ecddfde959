using System.ComponentModel.DataAnnotations;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Admin.Tenants;

/// <summary>Creates an administration or edits one: names, kind, host names, contact, population, members.</summary>
[Authorize(Policy = Policies.InstallationAdministrator)]
public sealed class EditModel(GlasDbContext db, TenantDirectory directory, PublicAddress addresses, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel : TenantFields
    {
        [StringLength(40, ErrorMessage = "Validation.TooLong")]
        public string? Slug { get; set; }

        public TenantKind Kind { get; set; } = TenantKind.Municipality;

        [Range(1, 10_000_000, ErrorMessage = "Validation.Population")]
        public int? Population { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        public string? Members { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The tenant being edited; null when creating one.</summary>
    public Tenant? Existing { get; private set; }

    public IEnumerable<SelectListItem> KindItems =>
        Enum.GetValues<TenantKind>().Select(k => new SelectListItem(l["TenantKind." + k], k.ToString()));

    public async Task<IActionResult> OnGetAsync(string? slug)
    {
        if (slug is null)
        {
            return Page();
        }
        Existing = await LoadAsync(slug);
        if (Existing is null)
        {
            return NotFound();
        }
        Input = new InputModel
        {
            Slug = Existing.Slug,
            NameBg = Existing.NameBg,
            NameEn = Existing.NameEn,
            Kind = Existing.Kind,
            Hosts = string.Join('\n', Existing.Hosts.Select(h => h.Name)),
            ContactEmail = Existing.ContactEmail,
            ContactPhone = Existing.ContactPhone,
            Address = Existing.Address,
            Population = Existing.Population,
            Members = string.Join('\n', Existing.Members),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? slug)
    {
        var ct = HttpContext.RequestAborted;
        Existing = slug is null ? null : await LoadAsync(slug);
        if (slug is not null && Existing is null)
        {
            return NotFound();
        }
        if (Existing is null)
        {
            var newSlug = Input.Slug?.Trim();
            if (!TenantResolver.IsValidSlug(newSlug))
            {
                ModelState.AddModelError("Input.Slug", l["Validation.Slug"]);
            }
            else if (await db.Tenants.AnyAsync(t => t.Slug == newSlug, ct))
            {
                ModelState.AddModelError("Input.Slug", l["Validation.SlugTaken"]);
            }
        }
        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", l["Validation.Invalid"]);
        }
        foreach (var (field, value) in new[] { ("Input.NameBg", Input.NameBg), ("Input.NameEn", Input.NameEn), ("Input.Address", Input.Address), ("Input.Members", Input.Members) })
        {
            if (value is not null && Platform.Web.TextRules.HasUnsafeCharacters(value))
            {
                ModelState.AddModelError(field, l["Validation.Characters"]);
            }
        }
        var hosts = TenantHostNames.Parse(Input.Hosts);
        if (await TenantHostNames.CheckAsync(db, addresses, hosts, Existing?.Id, Existing?.IsDefault ?? false, ct) is { } problem)
        {
            ModelState.AddModelError("Input.Hosts", string.Format(System.Globalization.CultureInfo.CurrentCulture, l[problem.MessageKey], string.Join(", ", problem.Names)));
        }
        var members = (Input.Members ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
        if (members.Count > 0 && Input.Kind != TenantKind.Association)
        {
            ModelState.AddModelError("Input.Members", l["Validation.MembersOnlyAssociation"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = time.GetUtcNow();
        var entity = Existing is null ? null : await db.Tenants.Include(t => t.Hosts).FirstAsync(t => t.Id == Existing.Id, ct);
        var before = entity is null ? "—" : Describe(entity);
        if (entity is null)
        {
            entity = new Tenant { Id = Guid.CreateVersion7(now), Slug = Input.Slug!.Trim(), NameBg = "", NameEn = "", CreatedAt = now };
            db.Tenants.Add(entity);
        }
        entity.NameBg = Input.NameBg!.Trim();
        entity.NameEn = Input.NameEn!.Trim();
        entity.Kind = Input.Kind;
        entity.ContactEmail = Blank(Input.ContactEmail);
        entity.ContactPhone = Blank(Input.ContactPhone);
        entity.Address = Blank(Input.Address);
        entity.Population = Input.Population;
        entity.Members = members;
        TenantHostNames.Apply(entity, hosts);
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = entity.Id,
            ActorUserId = User.UserId(),
            Action = Existing is null ? "tenant.created" : "tenant.edited",
            Subject = $"tenant:{entity.Slug}",
            Details = $"{before} → {Describe(entity)}",
            At = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (TenantHostNames.IsUniqueViolation(e))
        {
            // Another tenant took the slug or a host name between the check and the save.
            ModelState.AddModelError(Existing is null ? "Input.Slug" : "Input.Hosts", l["Validation.SlugOrHostTaken"]);
            return Page();
        }
        directory.Invalidate();
        TempData["Status"] = l["Form.Saved"].Value;
        return Redirect(Url.Content("~/admin/tenants"));
    }

    private Task<Tenant?> LoadAsync(string slug) =>
        db.Tenants.AsNoTracking().Include(t => t.Hosts).FirstOrDefaultAsync(t => t.Slug == slug, HttpContext.RequestAborted);

    private static string Describe(Tenant t) =>
        $"{t.NameBg} | {t.NameEn} | {t.Kind} | {string.Join(',', t.Hosts.Select(h => h.Name))} | {t.ContactEmail} | {t.ContactPhone} | {t.Address} | {t.Population} | {string.Join(',', t.Members)}";

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
