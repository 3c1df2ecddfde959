using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.News;

/// <summary>The post form, shared by the new-post and edit pages: Officials of the administration only.</summary>
[Authorize(Policy = Policies.Official)]
public abstract class NewsFormModel(GlasDbContext db, TimeProvider time, IStringLocalizer<NewsText> t) : PageModel
{
    [BindProperty] public NewsInput Input { get; set; } = new();

    public List<LinkChoice> LinkChoices { get; private set; } = [];

    protected GlasDbContext Db => db;

    protected TimeProvider Time => time;

    protected async Task LoadChoicesAsync(CancellationToken ct) => LinkChoices = await NewsQueries.LinkChoicesAsync(HttpContext.RequestServices, ct);

    /// <summary>Checks and saves with an audit entry; the form again with its messages when something is wrong.</summary>
    protected async Task<IActionResult> SaveAsync(NewsPost post, bool isNew, CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        var now = time.GetUtcNow();
        var old = post.Links.ToList();
        var errors = NewsRules.Apply(Input, post, LinkChoices, now);
        foreach (var (field, key) in errors)
        {
            ModelState.AddModelError("Input." + field, t[key]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var tenant = HttpContext.CurrentTenant();
        post.UpdatedAt = now;
        if (isNew)
        {
            post.CreatedAt = now;
            post.AuthorId = User.UserId();
            db.NewsPosts.Add(post);
        }
        else
        {
            // New links have their ids already: added explicitly, the old ones removed.
            db.NewsLinks.RemoveRange(old);
            db.NewsLinks.AddRange(post.Links);
        }
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = tenant.Id, ActorUserId = User.UserId(), Action = isNew ? "news.create" : "news.update", Subject = $"news:{post.Id}", Details = post.Title, At = now,
        });
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Saved"].Value;
        return Redirect($"{Request.PathBase}/news/{post.Id}");
    }
}

public sealed class NewModel(GlasDbContext db, TimeProvider time, IStringLocalizer<NewsText> t) : NewsFormModel(db, time, t)
{
    public Task OnGetAsync(CancellationToken ct) => LoadChoicesAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(new NewsPost
    {
        Id = Guid.CreateVersion7(Time.GetUtcNow()), TenantId = HttpContext.CurrentTenant().Id, Title = "", Summary = "", Body = "",
    }, isNew: true, ct);
}

public sealed class EditModel(GlasDbContext db, TimeProvider time, IStringLocalizer<NewsText> t) : NewsFormModel(db, time, t)
{
    public NewsPost Post { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await Db.NewsPosts.AsNoTracking().Include(p => p.Links).FirstOrDefaultAsync(p => p.Id == id, ct) is not { } post)
        {
            return NotFound();
        }
        Post = post;
        Input = NewsInput.From(post);
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await Db.NewsPosts.Include(p => p.Links).FirstOrDefaultAsync(p => p.Id == id, ct) is not { } post)
        {
            return NotFound();
        }
        Post = post;
        return await SaveAsync(post, isNew: false, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (await Db.NewsPosts.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } post)
        {
            return NotFound();
        }
        Db.NewsPosts.Remove(post);
        Db.AuditEntries.Add(new AuditEntry
        {
            TenantId = post.TenantId, ActorUserId = User.UserId(), Action = "news.delete", Subject = $"news:{post.Id}", Details = post.Title, At = Time.GetUtcNow(),
        });
        await Db.SaveChangesAsync(ct);
        TempData["Status"] = HttpContext.RequestServices.GetRequiredService<IStringLocalizer<NewsText>>()["Deleted"].Value;
        return Redirect($"{Request.PathBase}/news/manage");
    }
}
