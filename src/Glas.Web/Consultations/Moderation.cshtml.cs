using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Consultations;

/// <summary>Reported comments waiting for a moderator: hide with a reason, or dismiss the reports.</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class ModerationModel(GlasDbContext db, TimeProvider time, IStringLocalizer<ConsultationsText> t) : PageModel
{
    public sealed record Row(CommentView Comment, Guid ConsultationId, string ConsultationTitle, List<string> Reasons);

    public List<Row> Items { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, 25, 0, "");

    public async Task OnGetAsync(int? p)
    {
        // db.Comments is tenant-filtered, so only this administration's reports appear.
        var open = db.Comments.AsNoTracking().Where(c => c.HiddenAt == null && db.CommentFlags.Any(f => f.CommentId == c.Id && f.ResolvedAt == null));
        Pager = new Pager(p ?? 1, 25, await open.CountAsync(), "");
        var page = await open.OrderBy(c => db.CommentFlags.Where(f => f.CommentId == c.Id).Min(f => f.CreatedAt))
            .Skip((Pager.Current - 1) * Pager.Size).Take(Pager.Size)
            .Select(c => new { c.Id, c.ConsultationId, Title = db.Consultations.Where(x => x.Id == c.ConsultationId).Select(x => x.Title).First() })
            .ToListAsync();
        var ids = page.Select(x => x.Id).ToList();
        var views = await CommentViews.Project(db.Comments.AsNoTracking().Where(c => ids.Contains(c.Id)), db, null).ToDictionaryAsync(v => v.Id);
        var reasons = await db.CommentFlags.AsNoTracking().Where(f => ids.Contains(f.CommentId) && f.ResolvedAt == null).ToListAsync();
        Items = page.Select(x => new Row(views[x.Id], x.ConsultationId, x.Title, reasons.Where(r => r.CommentId == x.Id).Select(r => r.Reason).ToList())).ToList();
    }

    public async Task<IActionResult> OnPostHideAsync(Guid commentId, string? reason)
    {
        var comment = await db.Comments.FirstOrDefaultAsync(c => c.Id == commentId);
        if (comment is null)
        {
            return NotFound();
        }
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            TempData["Status"] = t["Hide.ReasonNeeded"].Value;
            return RedirectToPage();
        }
        await Moderation.HideAsync(db, comment, User.UserId()!.Value, reason, time.GetUtcNow());
        TempData["Status"] = t["Hide.Saved"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDismissAsync(Guid commentId)
    {
        if (!await db.Comments.AnyAsync(c => c.Id == commentId))
        {
            return NotFound();
        }
        var now = time.GetUtcNow();
        await db.CommentFlags.Where(f => f.CommentId == commentId && f.ResolvedAt == null).ExecuteUpdateAsync(s => s.SetProperty(f => f.ResolvedAt, now));
        var tenantId = await db.Comments.Where(c => c.Id == commentId).Select(c => c.TenantId).FirstAsync();
        db.AuditEntries.Add(new Platform.Auditing.AuditEntry { TenantId = tenantId, ActorUserId = User.UserId(), Action = "comment.flags-dismissed", Subject = $"comment:{commentId}", At = now });
        await db.SaveChangesAsync();
        TempData["Status"] = t["Moderation.Dismissed"].Value;
        return RedirectToPage();
    }
}
