using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Participation.Rules;

/// <summary>An administrator publishes a new version of the rules with the date it takes effect (audited); versions are never edited.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ManageModel(GlasDbContext db, TenantContext tenant, TimeProvider time, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required")]
        public DateOnly? EffectiveOn { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(RulesText.MaxLength, ErrorMessage = "Validation.TooLong")]
        public string? Participation { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(RulesText.MaxLength, ErrorMessage = "Validation.TooLong")]
        public string? Conduct { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(RulesText.MaxLength, ErrorMessage = "Validation.TooLong")]
        public string? Moderation { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        public string? Changes { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int NextVersion { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var latest = await db.RulesVersions.AsNoTracking().OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        NextVersion = (latest?.Version ?? 0) + 1;
        Input = new InputModel
        {
            EffectiveOn = Today().AddDays(14),
            Participation = latest?.Participation,
            Conduct = latest?.Conduct,
            Moderation = latest?.Moderation,
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var latest = await db.RulesVersions.AsNoTracking().OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
        NextVersion = (latest?.Version ?? 0) + 1;
        foreach (var (field, value) in new[] { ("Participation", Input.Participation), ("Conduct", Input.Conduct), ("Moderation", Input.Moderation), ("Changes", Input.Changes) })
        {
            if (value is not null && (TextRules.HasControl(value) || TextRules.HasUnsafeCharacters(value)))
            {
                ModelState.AddModelError("Input." + field, l["Validation.Characters"]);
            }
        }
        if (Input.EffectiveOn is { } on && on < Today())
        {
            ModelState.AddModelError("Input.EffectiveOn", "Датата на влизане в сила не може да е в миналото.");
        }
        if (Input.EffectiveOn is { } on2 && latest is not null && Formats.FromSofia(on2.ToDateTime(TimeOnly.MinValue)) < latest.EffectiveFrom)
        {
            ModelState.AddModelError("Input.EffectiveOn", "Новата версия не може да влезе в сила преди предишната (" + Formats.Date(latest.EffectiveFrom, CultureInfo.GetCultureInfo("bg-BG")) + ").");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = time.GetUtcNow();
        var version = new RulesVersion
        {
            Id = Guid.CreateVersion7(now), TenantId = tenant.Required.Id, Version = NextVersion,
            EffectiveFrom = Formats.FromSofia(Input.EffectiveOn!.Value.ToDateTime(TimeOnly.MinValue)),
            Participation = Input.Participation!.Trim(), Conduct = Input.Conduct!.Trim(), Moderation = Input.Moderation!.Trim(), Changes = Input.Changes!.Trim(),
            CreatedAt = now, CreatedBy = User.UserId(),
        };
        if (version.EffectiveFrom < now)
        {
            version.EffectiveFrom = now;
        }
        db.RulesVersions.Add(version);
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = tenant.Required.Id, ActorUserId = User.UserId(), Action = "rules.version",
            Subject = "правила, версия " + version.Version.ToString(CultureInfo.InvariantCulture), Details = version.Changes, At = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError("", "Междувременно е публикувана друга версия. Прегледайте правилата и опитайте отново.");
            return Page();
        }
        TempData["Status"] = "Новата версия на правилата е публикувана.";
        return Redirect(Request.PathBase + "/rules");
    }

    private DateOnly Today() => DateOnly.FromDateTime(Formats.ToSofia(time.GetUtcNow()).DateTime);
}
