using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Glas.Web.Participation.Rules;

/// <summary>A signed-in person reads the rules in force and accepts them, then goes back to what they were doing.</summary>
[Authorize]
public sealed class AcceptModel(GlasDbContext db, RulesGate gate, TenantContext tenant) : PageModel
{
    public RulesVersion? Pending { get; private set; }

    [FromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Pending = await gate.PendingAsync(User.UserId()!.Value, ct);

    public async Task<IActionResult> OnPostAsync(int version, string? returnUrl, CancellationToken ct)
    {
        var user = User.UserId()!.Value;
        // Only the version in force may be accepted (never one that is not published or not yet in force).
        if (await gate.InForceAsync(ct) is not { } current || current.Version != version)
        {
            return BadRequest();
        }
        await gate.AcceptAsync(tenant.Required.Id, user, version, ct);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = Cultures.IsEnglish ? "Thank you: you accepted the rules." : "Благодарим: приехте правилата.";
        return Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : Redirect(Request.PathBase + "/rules");
    }
}
