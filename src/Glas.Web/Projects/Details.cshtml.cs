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

namespace Glas.Web.Projects;

/// <summary>One project: everything the register knows, its history, news and comments.</summary>
public sealed class DetailsModel(GlasDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<ProjectsText> t) : FlatCommentPageModel
{
    public const int CommentsPerPage = 50;

    private Guid projectId;
    private Guid projectTenantId;

    public Project Project { get; private set; } = null!;
    public List<ProjectChange> History { get; private set; } = [];
    public List<ProjectNews> News { get; private set; } = [];
    public CommentsPanel Comments { get; private set; } = null!;
    public Pager CommentPager { get; private set; } = new(1, CommentsPerPage, 0, "");
    public bool CanEdit { get; private set; }
    public bool CanModerate { get; private set; }
    public bool Following { get; private set; }

    protected override string CommentKind => ProjectComments.Kind;

    protected override async Task<bool> FindSubjectAsync(Guid id)
    {
        projectId = id;
        projectTenantId = await db.Projects.AsNoTracking().Where(p => p.Id == id).Select(p => p.TenantId).FirstOrDefaultAsync(HttpContext.RequestAborted);
        return projectTenantId != Guid.Empty;
    }

    protected override FollowSubject FollowSubject(Guid id) => new(ProjectEditor.FollowKind, id, projectTenantId);

    protected override Task LoadPageAsync() => LoadAsync(projectId, HttpContext.RequestAborted);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

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
        (var comments, CommentPager) = await CommentViews.PagedAsync(db, ProjectComments.Kind, id, null, viewer, PageNumber, CommentsPerPage, ct);
        Comments = new CommentsPanel
        {
            Kind = ProjectComments.Kind,
            Fields = CommentFields,
            Comments = comments,
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
