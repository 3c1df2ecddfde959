using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.News;

/// <summary>A post's page: public once published; the administration's officials also see drafts and scheduled posts.</summary>
public sealed class DetailsModel(GlasDbContext db, TenantRoles roles, TimeProvider time) : PageModel
{
    public NewsPost Post { get; private set; } = null!;
    public NewsStatus Status { get; private set; }
    public bool Official { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.NewsPosts.AsNoTracking().Include(p => p.Links).FirstOrDefaultAsync(p => p.Id == id, ct) is not { } post)
        {
            return NotFound();
        }
        Official = await roles.CurrentRoleAsync(User) is { } role && RoleRules.Satisfies(role, TenantRole.Official);
        Status = NewsRules.Status(post.PublishAt, time.GetUtcNow());
        if (Status != NewsStatus.Published && !Official)
        {
            return NotFound();
        }
        Post = post;
        return Page();
    }
}
