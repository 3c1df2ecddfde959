using Glas.Web.Consultations;
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

namespace Glas.Web.Events;

/// <summary>The organiser's form, shared by the new-event and edit pages: Officials of the administration only.</summary>
[Authorize(Policy = Policies.Official)]
public abstract class EventFormModel(GlasDbContext db, EventRegistrations registrations, TimeProvider time, IStringLocalizer<EventsText> t) : PageModel
{
    [BindProperty] public EventInput Input { get; set; } = new();

    public List<SelectListItem> Consultations { get; private set; } = [];

    public List<SelectListItem> Kinds => Enum.GetValues<EventKind>().Select(k => new SelectListItem(t["Kind." + k], k.ToString())).ToList();

    protected GlasDbContext Db => db;

    protected TimeProvider Time => time;

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        Consultations = [new(t["Field.Consultation.None"], ""), .. (await db.Consultations.AsNoTracking().Where(c => c.Status != ConsultationStatus.Draft)
            .OrderByDescending(c => c.CreatedAt).Take(200).Select(c => new { c.Id, c.Title }).ToListAsync(ct))
            .Select(c => new SelectListItem(c.Title, c.Id.ToString()))];
    }

    /// <summary>Checks and saves; an event whose places grew moves its waiting list up, a cancelled one tells its registrants.</summary>
    protected async Task<IActionResult> SaveAsync(PublicEvent target, bool isNew, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!isNew)
        {
            await registrations.LockAsync(target.Id, ct);
        }
        var confirmed = isNew ? 0 : await db.EventRegistrations.CountAsync(r => r.EventId == target.Id && r.Status == RegistrationStatus.Confirmed, ct);
        var consultations = (await db.Consultations.AsNoTracking().Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var wasCancelled = target.Status == EventStatus.Cancelled;
        var errors = EventEditor.Apply(Input, target, confirmed, consultations);
        foreach (var (field, key) in errors)
        {
            ModelState.AddModelError("Input." + field, t[key]);
        }
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }
        var now = time.GetUtcNow();
        target.UpdatedAt = now;
        var tenant = HttpContext.CurrentTenant();
        if (isNew)
        {
            target.CreatedAt = now;
            db.Events.Add(target);
        }
        else
        {
            await registrations.PromoteAsync(tenant, target, ct);
            if (!wasCancelled && target.Status == EventStatus.Cancelled)
            {
                await registrations.AnnounceCancellationAsync(tenant, target, ct);
            }
        }
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = tenant.Id, ActorUserId = User.UserId(), Action = isNew ? "event.create" : "event.update", Subject = $"event:{target.Id}", Details = target.Title, At = now,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        TempData["Status"] = t["Saved"].Value;
        return Redirect($"{Request.PathBase}/events/{target.Id}");
    }
}

public sealed class NewModel(GlasDbContext db, EventRegistrations registrations, TimeProvider time, IStringLocalizer<EventsText> t) : EventFormModel(db, registrations, time, t)
{
    public async Task OnGetAsync(Guid? consultation, CancellationToken ct)
    {
        Input = new EventInput { Organiser = HttpContext.CurrentTenant().NameBg, ConsultationId = consultation?.ToString() };
        await LoadChoicesAsync(ct);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(new PublicEvent
    {
        Id = Guid.CreateVersion7(Time.GetUtcNow()), TenantId = HttpContext.CurrentTenant().Id, Title = "", Description = "", Organiser = "",
    }, isNew: true, ct);
}

public sealed class EditModel(GlasDbContext db, EventRegistrations registrations, TimeProvider time, IStringLocalizer<EventsText> t) : EventFormModel(db, registrations, time, t)
{
    public PublicEvent Event { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await Db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } e)
        {
            return NotFound();
        }
        Event = e;
        Input = EventInput.From(e);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await Db.Events.FirstOrDefaultAsync(e => e.Id == id, ct) is not { } e)
        {
            return NotFound();
        }
        Event = e;
        return await SaveAsync(e, isNew: false, ct);
    }
}
