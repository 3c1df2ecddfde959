using Glas.Web.Platform.Database;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Events;

/// <summary>The page the e-mailed link opens: where a registration stands, with buttons to confirm it or cancel it (no change on GET).</summary>
public sealed class RegistrationModel(GlasDbContext db, EventRegistrations registrations, IStringLocalizer<EventsText> t) : PageModel
{
    public PublicEvent Event { get; private set; } = null!;
    public EventRegistration Registration { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, string token, CancellationToken ct) => await LoadAsync(id, token, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostConfirmAsync(Guid id, string token, CancellationToken ct)
    {
        if (!await LoadAsync(id, token, ct))
        {
            return NotFound();
        }
        var result = await registrations.ConfirmAsync(HttpContext.CurrentTenant(), id, token, ct);
        TempData["Status"] = result.Ok ? t["Registered." + result.Registration!.Status].Value : t[result.ErrorKey!].Value;
        return Redirect($"{Request.PathBase}{EventRegistrations.RegistrationPath(id, token)}");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, string token, CancellationToken ct)
    {
        if (!await LoadAsync(id, token, ct))
        {
            return NotFound();
        }
        var result = await registrations.CancelAsync(HttpContext.CurrentTenant(), id, r => r.Token == token, Registration.Id, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        TempData["Status"] = t["Cancelled"].Value;
        return Redirect($"{Request.PathBase}{EventRegistrations.RegistrationPath(id, token)}");
    }

    private async Task<bool> LoadAsync(Guid id, string token, CancellationToken ct)
    {
        if (token.Length != 48 || await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } e
            || await db.EventRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.EventId == id && r.Token == token, ct) is not { } r)
        {
            return false;
        }
        (Event, Registration) = (e, r);
        return true;
    }
}
