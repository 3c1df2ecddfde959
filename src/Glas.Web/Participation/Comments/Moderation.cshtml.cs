using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Participation.Comments;

/// <summary>Reported comments of every module waiting for a moderator of this administration: hide with a reason, or dismiss the reports.</summary>
[Authorize(Policy = Policies.Moderator)]
public sealed class ModerationModel(GlasDbContext db, CommentActions actions, IEnumerable<ICommentSubjects> subjects) : PageModel
{
    public sealed record Row(CommentView Comment, CommentSubjectLink Link, List<string> Reasons);

    public List<Row> Items { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, 25, 0, "");

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        // db.Comments is tenant-filtered, so only this administration's reports appear.
        var open = db.Comments.AsNoTracking().Where(c => c.HiddenAt == null && db.CommentFlags.Any(f => f.CommentId == c.Id && f.ResolvedAt == null));
        Pager = new Pager(PageNumber ?? 1, 25, await open.CountAsync(ct), "");
        var page = await open.OrderBy(c => db.CommentFlags.Where(f => f.CommentId == c.Id).Min(f => f.CreatedAt))
            .Skip((Pager.Current - 1) * Pager.Size).Take(Pager.Size)
            .Select(c => new { c.Id, c.SubjectKind, Place = new CommentPlace(c.SubjectId, c.UnitId) })
            .ToListAsync(ct);
        var ids = page.Select(x => x.Id).ToList();
        var views = await CommentViews.Project(db.Comments.AsNoTracking().Where(c => ids.Contains(c.Id)), db, null).ToDictionaryAsync(v => v.Id, ct);
        var reasons = await db.CommentFlags.AsNoTracking().Where(f => ids.Contains(f.CommentId) && f.ResolvedAt == null).OrderBy(f => f.CreatedAt).ToListAsync(ct);
        var links = new Dictionary<(string, CommentPlace), CommentSubjectLink>();
        foreach (var kind in page.GroupBy(x => x.SubjectKind))
        {
            var module = subjects.FirstOrDefault(s => s.Kind == kind.Key);
            var found = module is null ? new Dictionary<CommentPlace, CommentSubjectLink>() : await module.LinksAsync(kind.Select(x => x.Place).Distinct().ToList(), ct);
            foreach (var (place, link) in found)
            {
                links[(kind.Key, place)] = link;
            }
        }
        Items = page
            .Select(x => new Row(views[x.Id], links.GetValueOrDefault((x.SubjectKind, x.Place)) ?? new CommentSubjectLink(x.SubjectKind, x.SubjectKind, "/"),
                reasons.Where(r => r.CommentId == x.Id).Select(r => r.Reason).ToList()))
            .ToList();
    }

    public async Task<IActionResult> OnPostHideAsync(Guid commentId, string? reason) =>
        await this.AnswerAsync(await actions.HideAsync(HttpContext, null, null, commentId, reason), CommentFields.Flat("comment"), "hide", reason, LoadAsync, Back(), anchor: false);

    public async Task<IActionResult> OnPostDismissAsync(Guid commentId) =>
        await this.AnswerAsync(await actions.DismissFlagsAsync(HttpContext, commentId), CommentFields.Flat("comment"), null, null, LoadAsync, Back(), anchor: false);

    private string Back() => Request.PathBase + Request.Path;
}
