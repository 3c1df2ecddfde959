using System.Globalization;
using Glas.Web.Participation.Comments;
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
public sealed class DetailsModel(GlasDbContext db, IAuthorizationService authorization, CommentActions actions, TimeProvider time, ParticipationLimiter limiter, IStringLocalizer<ProjectsText> t, IStringLocalizer<Participation.NotificationsText> notices) : PageModel
{
    public const int CommentsPerPage = 50;

    public Project Project { get; private set; } = null!;
    public List<ProjectChange> History { get; private set; } = [];
    public List<ProjectNews> News { get; private set; } = [];
    public CommentsPanel Comments { get; private set; } = null!;
    public Pager CommentPager { get; private set; } = new(1, CommentsPerPage, 0, "");
    public bool CanEdit { get; private set; }
    public bool CanModerate { get; private set; }
    public bool Following { get; private set; }

    private static readonly CommentFields Fields = CommentFields.Flat("Comment");

    /// <summary>The text of a new comment or reply (the form's field "Comment").</summary>
    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public AuthorShown CommentShown { get; set; } = AuthorShown.DisplayName;

    [BindProperty]
    public Guid? CommentParentId { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCommentAsync(Guid id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await Answer(id, new CommentOutcome(CommentResult.Invalid), null, null, ct);
        }
        return await Answer(id, await actions.PostAsync(HttpContext, ProjectComments.Kind, id, null, new CommentPost(Comment, CommentShown, CommentParentId)), null, Comment, ct);
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

    public async Task<IActionResult> OnPostEditAsync(Guid id, Guid commentId, string? text, CancellationToken ct) =>
        await Answer(id, await actions.EditAsync(HttpContext, ProjectComments.Kind, id, commentId, text), "edit", text, ct);

    public async Task<IActionResult> OnPostSupportAsync(Guid id, Guid commentId, CancellationToken ct) =>
        await Answer(id, await actions.SupportAsync(HttpContext, ProjectComments.Kind, id, commentId), null, null, ct);

    public async Task<IActionResult> OnPostFlagAsync(Guid id, Guid commentId, string? reason, CancellationToken ct) =>
        await Answer(id, await actions.FlagAsync(HttpContext, ProjectComments.Kind, id, commentId, reason), "flag", reason, ct);

    public async Task<IActionResult> OnPostHideAsync(Guid id, Guid commentId, string? reason, CancellationToken ct) =>
        await Answer(id, await actions.HideAsync(HttpContext, ProjectComments.Kind, id, commentId, reason), "hide", reason, ct);

    public async Task<IActionResult> OnPostUnhideAsync(Guid id, Guid commentId, string? reason, CancellationToken ct) =>
        await Answer(id, await actions.UnhideAsync(HttpContext, ProjectComments.Kind, id, commentId, reason), "unhide", reason, ct);

    private Task<IActionResult> Answer(Guid id, CommentOutcome outcome, string? action, string? posted, CancellationToken ct) =>
        this.AnswerAsync(outcome, Fields, action, posted, () => LoadAsync(id, ct), $"{Request.PathBase}/projects/{id}");

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await ProjectQueries.FullAsync(db, id, tracking: false, ct) is not { } project)
        {
            return false;
        }
        Project = project;
        History = await db.ProjectChanges.AsNoTracking().Where(c => c.ProjectId == id).OrderByDescending(c => c.At).ThenByDescending(c => c.Id).Take(200).ToListAsync(ct);
        News = await db.ProjectNews.AsNoTracking().Where(n => n.ProjectId == id).OrderByDescending(n => n.PublishedAt).ToListAsync(ct);
        CanEdit = User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(User, Policies.Official)).Succeeded;
        CanModerate = User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(User, Policies.Moderator)).Succeeded;
        var viewer = User.UserId();
        CommentPager = new Pager(PageNumber ?? 1, CommentsPerPage, await CommentViews.CountTopAsync(db, ProjectComments.Kind, id, null, ct), "");
        Comments = new CommentsPanel
        {
            Kind = ProjectComments.Kind,
            Fields = Fields,
            Comments = await CommentViews.PageAsync(db, ProjectComments.Kind, id, null, viewer, CommentPager.Current, CommentsPerPage, ct),
            Viewer = viewer,
            CanComment = viewer is not null,
            Open = true,
            CanModerate = CanModerate,
            MaxLength = ProjectComments.MaxLength,
            Now = time.GetUtcNow(),
            Label = t["Comment.Label"],
            Organisation = viewer is null ? null : await db.Users.Where(u => u.Id == viewer).Select(u => u.OrganisationName).FirstOrDefaultAsync(ct),
        };
        Following = viewer is { } me && await db.IsFollowingAsync(me, ProjectEditor.FollowKind, id, ct);
        return true;
    }
}
