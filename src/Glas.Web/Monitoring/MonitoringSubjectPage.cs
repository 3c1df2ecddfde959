using Glas.Web.Participation;
using Glas.Web.Participation.Comments;
using Glas.Web.Participation.Notifications;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Monitoring;

/// <summary>The public page of a policy, report or recommendation: the subject, its comments and the follow button.</summary>
public abstract class MonitoringSubjectPage(GlasDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<MonitoringText> t)
    : FlatCommentPageModel
{
    public const int CommentsPerPage = 50;

    private Guid subjectTenantId;

    protected Guid SubjectId { get; private set; }
    protected GlasDbContext Db => db;
    protected IStringLocalizer<MonitoringText> T => t;

    public CommentsPanel Comments { get; private set; } = null!;
    public Pager CommentPager { get; private set; } = new(1, CommentsPerPage, 0, "");

    /// <summary>The viewer is an official (or administrator) of this administration.</summary>
    public bool CanEdit { get; private set; }

    public bool Following { get; private set; }

    /// <summary>The administration the subject belongs to, or null when it is not in this one.</summary>
    protected abstract Task<Guid?> TenantOfAsync(Guid id, CancellationToken ct);

    /// <summary>Loads what the page shows about the subject; false when it is not there.</summary>
    protected abstract Task<bool> LoadSubjectAsync(Guid id, CancellationToken ct);

    protected override async Task<bool> FindSubjectAsync(Guid id)
    {
        SubjectId = id;
        subjectTenantId = await TenantOfAsync(id, HttpContext.RequestAborted) ?? Guid.Empty;
        return subjectTenantId != Guid.Empty;
    }

    protected override FollowSubject FollowSubject(Guid id) => new(CommentKind, id, subjectTenantId);

    protected override Task LoadPageAsync() => LoadAsync(SubjectId, HttpContext.RequestAborted);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    protected async Task<bool> IsOfficialAsync() =>
        User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(User, Policies.Official)).Succeeded;

    protected async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        SubjectId = id;
        if (!await LoadSubjectAsync(id, ct))
        {
            return false;
        }
        CanEdit = await IsOfficialAsync();
        var canModerate = User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(User, Policies.Moderator)).Succeeded;
        var viewer = User.UserId();
        (var comments, CommentPager) = await CommentViews.PagedAsync(db, CommentKind, id, null, viewer, PageNumber, CommentsPerPage, ct);
        Comments = new CommentsPanel
        {
            Kind = CommentKind,
            Fields = CommentFields,
            Comments = comments,
            Viewer = viewer,
            CanComment = viewer is not null,
            Open = true,
            CanModerate = canModerate,
            MaxLength = MonitoringComments.MaxLength,
            Now = time.GetUtcNow(),
            Label = t["Comment.Label"],
            Organisation = viewer is null ? null : await db.Users.Where(u => u.Id == viewer).Select(u => u.OrganisationName).FirstOrDefaultAsync(ct),
        };
        Following = viewer is { } me && await db.IsFollowingAsync(me, CommentKind, id, ct);
        return true;
    }
}
