using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Files;
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
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public abstract class NewsFormModel(GlasDbContext db, TimeProvider time, IStringLocalizer<NewsText> t) : PageModel
{
    /// <summary>A cover of at most <see cref="Images.MaxBytes"/> and the text fields beside it.</summary>
    public const int MaxRequestBytes = Images.MaxBytes + 512 * 1024;

    [BindProperty] public NewsInput Input { get; set; } = new();

    /// <summary>A new cover image, when one is chosen.</summary>
    [BindProperty] public IFormFile? Cover { get; set; }

    /// <summary>The post's current cover, shown on the edit form.</summary>
    public string? CoverPath { get; protected set; }

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
        var hadCover = post.CoverSha256 is not null;
        CoverPath = NewsCovers.PathOf(post);
        var errors = NewsRules.Apply(Input, post, LinkChoices, now);
        var (image, coverError) = await ReadCoverAsync(ct);
        if (coverError is not null)
        {
            ModelState.AddModelError(nameof(Cover), t[coverError]);
        }
        var keepsCover = image is not null || (hadCover && !Input.RemoveCover);
        errors.AddRange(NewsRules.CheckCover(keepsCover, Input.CoverAlt, out var alt));
        foreach (var (field, key) in errors)
        {
            ModelState.AddModelError("Input." + field, t[key]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var tenant = HttpContext.CurrentTenant();
        if (image is not null)
        {
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(image.Content));
            var stored = isNew ? null : await db.NewsCovers.FirstOrDefaultAsync(c => c.PostId == post.Id, ct);
            if (stored is null)
            {
                db.NewsCovers.Add(new NewsCover { PostId = post.Id, TenantId = tenant.Id, Content = image.Content, ContentType = image.ContentType, Sha256 = sha, UpdatedAt = now });
            }
            else
            {
                (stored.Content, stored.ContentType, stored.Sha256, stored.UpdatedAt) = (image.Content, image.ContentType, sha, now);
            }
            (post.CoverSha256, post.CoverWidth, post.CoverHeight) = (sha, image.Width, image.Height);
        }
        else if (!keepsCover && hadCover)
        {
            if (await db.NewsCovers.FirstOrDefaultAsync(c => c.PostId == post.Id, ct) is { } stored)
            {
                db.NewsCovers.Remove(stored);
            }
            (post.CoverSha256, post.CoverWidth, post.CoverHeight) = (null, null, null);
        }
        post.CoverAlt = post.CoverSha256 is null ? null : alt;
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
            TenantId = tenant.Id, ActorUserId = User.UserId(), Action = isNew ? "news.create" : "news.update", Subject = $"news:{post.Id}",
            Details = post.CoverSha256 is { } cover ? $"{post.Title} (cover {cover})" : post.Title, At = now,
        });
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Saved"].Value;
        return Redirect($"{Request.PathBase}/news/{post.Id}");
    }

    /// <summary>
    /// The uploaded cover once <see cref="Images"/> has checked it by content, scaled it down and
    /// written it again as WebP without the file's metadata; or the NewsText key of why not.
    /// </summary>
    private async Task<(CleanImage? Image, string? Error)> ReadCoverAsync(CancellationToken ct)
    {
        if (Cover is null || (Cover.Length == 0 && string.IsNullOrEmpty(Cover.FileName)))
        {
            return (null, null);
        }
        if (Cover.Length > Images.MaxBytes)
        {
            return (null, "Error.Cover." + ImageProblem.TooLarge);
        }
        using var buffer = new MemoryStream((int)Cover.Length);
        await Cover.CopyToAsync(buffer, ct);
        var result = Images.Clean(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), NewsCovers.MaxWidth, NewsCovers.MaxHeight, ImageOutput.Webp);
        return result.Image is { } image ? (image, null) : (null, "Error.Cover." + result.Problem);
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
        CoverPath = NewsCovers.PathOf(post);
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
