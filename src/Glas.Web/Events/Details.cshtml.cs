using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Events;

/// <summary>An event's page: what, when, where, places; registration by account or by name and e-mail, and cancellation.</summary>
public sealed class DetailsModel(GlasDbContext db, EventRegistrations registrations, DocumentLibrary library, TimeProvider time, IStringLocalizer<EventsText> t) : PageModel
{
    public sealed class RegisterInput
    {
        public string? Name { get; set; }
        public string? Email { get; set; }
    }

    [BindProperty] public RegisterInput Input { get; set; } = new();

    public EventRow Row { get; private set; } = null!;
    public PublicEvent Event => Row.Event;
    public RegistrationWindow Window { get; private set; }
    public EventRegistration? Mine { get; private set; }
    public (Guid Id, string Title)? Consultation { get; private set; }
    public List<DocumentView> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRegisterAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var userId = User.UserId();
        string name, email;
        if (userId is { } uid)
        {
            var user = await db.Users.AsNoTracking().FirstAsync(u => u.Id == uid, ct);
            (name, email) = (user.DisplayName, user.Email!);
        }
        else
        {
            if (BodyCheck(Input.Name, EventRules.MaxName) is { } nameError)
            {
                ModelState.AddModelError("Input.Name", t[nameError]);
            }
            var e = Input.Email?.Trim() ?? "";
            if (e.Length is 0 or > 256 || !System.Net.Mail.MailAddress.TryCreate(e, out var parsed) || parsed.Address != e || TextRules.HasUnsafeCharacters(e))
            {
                ModelState.AddModelError("Input.Email", t["Error.Email"]);
            }
            if (!ModelState.IsValid)
            {
                return Page();
            }
            (name, email) = (Input.Name!.Trim(), e);
        }
        var result = await registrations.RegisterAsync(HttpContext.CurrentTenant(), id, userId, name, email, ct);
        if (!result.Ok)
        {
            ModelState.AddModelError(userId is null ? "Input.Email" : "", t[result.ErrorKey!]);
            await LoadAsync(id, ct);
            return Page();
        }
        TempData["Status"] = t["Registered." + result.Registration!.Status].Value;
        return Redirect($"{Request.PathBase}/events/{id}");
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        if (User.UserId() is not { } uid || !await LoadAsync(id, ct) || Mine is null)
        {
            return NotFound();
        }
        var result = await registrations.CancelAsync(HttpContext.CurrentTenant(), id, r => r.UserId == uid, Mine.Id, ct);
        if (!result.Ok)
        {
            return NotFound();
        }
        TempData["Status"] = t["Cancelled"].Value;
        return Redirect($"{Request.PathBase}/events/{id}");
    }

    private static string? BodyCheck(string? text, int max) => Bodies.BodyRules.Required(text, max);

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } e)
        {
            return false;
        }
        Row = (await EventQueries.WithCountsAsync(db, [e], ct))[0];
        Window = EventRules.Window(e, time.GetUtcNow());
        if (User.UserId() is { } uid)
        {
            Mine = await db.EventRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.EventId == id && r.UserId == uid && r.Status != RegistrationStatus.Cancelled, ct);
        }
        if (e.ConsultationId is { } cid)
        {
            Consultation = await db.Consultations.AsNoTracking().Where(c => c.Id == cid).Select(c => new { c.Id, c.Title }).FirstOrDefaultAsync(ct) is { } c ? (c.Id, c.Title) : null;
        }
        Documents = await library.ListAsync(EventDocumentSubjects.SubjectKind, id, ct);
        return true;
    }
}
