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

namespace Glas.Web.Library;

/// <summary>The entry form, shared by the new-entry and edit pages: Officials of the administration only.</summary>
[Authorize(Policy = Policies.Official)]
public abstract class LibraryFormModel(GlasDbContext db, TimeProvider time, IStringLocalizer<LibraryText> t, IStringLocalizer<Participation.SubscriptionsText> s) : PageModel
{
    [BindProperty] public LibraryInput Input { get; set; } = new();

    public List<SelectListItem> Types => Enum.GetValues<LibraryType>().Select(x => new SelectListItem(t["Type." + x], x.ToString())).ToList();

    public List<SelectListItem> TopicItems =>
        [new(t["Field.Topic.None"], ""), .. Participation.Subscriptions.Topics.All.Select(c => new SelectListItem(s["Topic." + c], c))];

    protected GlasDbContext Db => db;

    protected TimeProvider Time => time;

    protected async Task<IActionResult> SaveAsync(LibraryEntry entry, bool isNew, CancellationToken ct)
    {
        foreach (var (field, key) in LibraryRules.Apply(Input, entry))
        {
            ModelState.AddModelError("Input." + field, t[key]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = time.GetUtcNow();
        entry.UpdatedAt = now;
        if (isNew)
        {
            entry.CreatedAt = now;
            entry.CreatedById = User.UserId();
            db.LibraryEntries.Add(entry);
        }
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = entry.TenantId, ActorUserId = User.UserId(), Action = isNew ? "library.create" : "library.update", Subject = $"library:{entry.Id}", Details = entry.Title, At = now,
        });
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Saved"].Value;
        return Redirect($"{Request.PathBase}/library/{entry.Id}");
    }
}

public sealed class NewModel(GlasDbContext db, TimeProvider time, IStringLocalizer<LibraryText> t, IStringLocalizer<Participation.SubscriptionsText> s)
    : LibraryFormModel(db, time, t, s)
{
    public void OnGet() => Input = new LibraryInput { AuthorOrganisation = HttpContext.CurrentTenant().NameBg, Type = nameof(LibraryType.Report) };

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(new LibraryEntry
    {
        Id = Guid.CreateVersion7(Time.GetUtcNow()), TenantId = HttpContext.CurrentTenant().Id, Title = "", AuthorOrganisation = "",
    }, isNew: true, ct);
}

public sealed class EditModel(GlasDbContext db, TimeProvider time, IStringLocalizer<LibraryText> t, IStringLocalizer<Participation.SubscriptionsText> s)
    : LibraryFormModel(db, time, t, s)
{
    public LibraryEntry Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await Db.LibraryEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } e)
        {
            return NotFound();
        }
        Entry = e;
        Input = LibraryInput.From(e);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await Db.LibraryEntries.FirstOrDefaultAsync(e => e.Id == id, ct) is not { } e)
        {
            return NotFound();
        }
        Entry = e;
        return await SaveAsync(e, isNew: false, ct);
    }
}
