using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Glas.Web.Participation.Notifications;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Security;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

/// <summary>One project: everything the register knows, its history, news and comments.</summary>
public sealed class DetailsModel(GlasDbContext db, ProjectEditor editor, IAuthorizationService authorization, TimeProvider time, ParticipationLimiter limiter, IStringLocalizer<ProjectsText> t, IStringLocalizer<Participation.NotificationsText> notices) : PageModel
{
    public sealed record CommentRow(Guid Id, string Author, string Text, DateTimeOffset At, bool Hidden, string? HiddenReason, bool ByStaff = false);

    public Project Project { get; private set; } = null!;
    public List<ProjectChange> History { get; private set; } = [];
    public List<ProjectNews> News { get; private set; } = [];
    public List<CommentRow> Comments { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public bool CanModerate { get; private set; }
    public bool Following { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(2000, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCommentAsync(Guid id, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        if (!await db.Projects.AnyAsync(p => p.Id == id, ct))
        {
            return NotFound();
        }
        if (limiter.TryAcquire(HttpContext) is { } wait)
        {
            // Shown again with the text in the form, so nothing typed is lost.
            var seconds = ParticipationLimiter.Seconds(wait);
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            ModelState.AddModelError(nameof(Comment), string.Format(CultureInfo.CurrentCulture, t["Comment.TooFast"], seconds));
            await LoadAsync(id, ct);
            var page = Page();
            page.StatusCode = StatusCodes.Status429TooManyRequests;
            return page;
        }
        var author = User.UserId()!.Value;
        if (Comment is not null && ProjectEditor.HasControlCharacters(Comment))
        {
            ModelState.AddModelError(nameof(Comment), t["Error.Characters"]);
        }
        else if (ModelState.IsValid)
        {
            var since = time.GetUtcNow().AddHours(-24);
            var recent = await db.ProjectComments.AsNoTracking().Where(c => c.ProjectId == id && c.AuthorId == author && c.CreatedAt >= since).Select(c => c.Text).ToListAsync(ct);
            if (recent.Any(r => TextRules.SameText(r, Comment!)))
            {
                ModelState.AddModelError(nameof(Comment), t["Comment.Duplicate"]);
            }
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Page();
        }
        var now = time.GetUtcNow();
        db.ProjectComments.Add(new ProjectComment { Id = Guid.CreateVersion7(now), TenantId = editor.TenantId, ProjectId = id, AuthorId = author, Text = Comment!.Trim().Replace("\r\n", "\n", StringComparison.Ordinal), CreatedAt = now });
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Comment.Saved"].Value;
        return Redirect($"{Request.PathBase}/projects/{id}#comments");
    }

    public async Task<IActionResult> OnPostFollowAsync(Guid id, bool follow, CancellationToken ct)
    {
        if (User.UserId() is not { } user)
        {
            return Challenge();
        }
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.TenantId }).FirstOrDefaultAsync(ct);
        if (project is null)
        {
            return NotFound();
        }
        if (limiter.TryAcquire(HttpContext) is { } wait)
        {
            var seconds = ParticipationLimiter.Seconds(wait);
            Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            ModelState.AddModelError("", string.Format(CultureInfo.CurrentCulture, notices["Follow.TooFast"], seconds));
            await LoadAsync(id, ct);
            var page = Page();
            page.StatusCode = StatusCodes.Status429TooManyRequests;
            return page;
        }
        if (follow)
        {
            await db.FollowAsync(user, new FollowSubject(ProjectEditor.FollowKind, id, project.TenantId), time.GetUtcNow(), ct);
        }
        else
        {
            await db.UnfollowAsync(user, ProjectEditor.FollowKind, id, ct);
        }
        TempData["Status"] = (follow ? notices["Follow.On"] : notices["Follow.Off"]).Value;
        return Redirect($"{Request.PathBase}/projects/{id}");
    }

    public async Task<IActionResult> OnPostHideAsync(Guid id, Guid commentId, string? reason, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.Moderator)).Succeeded)
        {
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        }
        var comment = await db.ProjectComments.FirstOrDefaultAsync(c => c.Id == commentId && c.ProjectId == id, ct);
        if (comment is null)
        {
            return NotFound();
        }
        if (comment.HiddenAt is null)
        {
            comment.HiddenAt = time.GetUtcNow();
            comment.HiddenById = User.UserId();
            comment.HiddenReason = ProjectEditor.Clean(reason) is { } r ? (r.Length > 300 ? r[..300] : r) : null;
            db.AuditEntries.Add(new Platform.Auditing.AuditEntry
            {
                TenantId = editor.TenantId, ActorUserId = User.UserId(), Action = "project.comment.hide", Subject = $"comment:{comment.Id}",
                Details = comment.HiddenReason, At = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(ct);
        }
        TempData["Status"] = t["Comment.Hidden"].Value;
        return Redirect($"{Request.PathBase}/projects/{id}#comments");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await ProjectQueries.FullAsync(db, id, tracking: false, ct) is not { } project)
        {
            return false;
        }
        Project = project;
        History = await db.ProjectChanges.AsNoTracking().Where(c => c.ProjectId == id).OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(200).ToListAsync(ct);
        News = await db.ProjectNews.AsNoTracking().Where(n => n.ProjectId == id).OrderByDescending(n => n.PublishedAt).ToListAsync(ct);
        Comments = await db.ProjectComments.AsNoTracking().Where(c => c.ProjectId == id).OrderBy(c => c.CreatedAt).Take(500)
            .Select(c => new CommentRow(c.Id, db.Users.Where(u => u.Id == c.AuthorId).Select(u => u.DeletedAt == null ? u.DisplayName : null).FirstOrDefault() ?? "", c.Text, c.CreatedAt, c.HiddenAt != null, c.HiddenReason,
                db.Memberships.Any(m => m.UserId == c.AuthorId && m.TenantId == c.TenantId && m.Role != TenantRole.Participant)))
            .ToListAsync(ct);
        CanEdit = User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(User, Policies.Official)).Succeeded;
        CanModerate = User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(User, Policies.Moderator)).Succeeded;
        Following = User.UserId() is { } me && await db.IsFollowingAsync(me, ProjectEditor.FollowKind, id, ct);
        return true;
    }
}
