using System.Security.Claims;
using Glas.Web.Participation.Comments;
using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

/// <summary>Projects as subjects of comments: every project in the register is public and takes comments.</summary>
public sealed class ProjectComments(GlasDbContext db, IStringLocalizer<ProjectsText> t) : ICommentSubjects
{
    public const string Kind = "project";

    /// <summary>The longest comment on a project.</summary>
    public const int MaxLength = 2000;

    string ICommentSubjects.Kind => Kind;

    // The register's audit log has always named it so.
    public string HiddenAuditAction => "project.comment.hide";

    public async Task<CommentSubject?> FindAsync(Guid subjectId, ClaimsPrincipal viewer, CancellationToken ct) =>
        await db.Projects.AsNoTracking().Where(p => p.Id == subjectId).Select(p => new CommentSubject(p.Id, p.TenantId, true, MaxLength)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyDictionary<CommentPlace, CommentSubjectLink>> LinksAsync(IReadOnlyCollection<CommentPlace> places, CancellationToken ct)
    {
        var ids = places.Select(p => p.SubjectId).Distinct().ToList();
        var titles = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var module = t["Nav"].Value;
        return places.Where(p => titles.ContainsKey(p.SubjectId))
            .ToDictionary(p => p, p => new CommentSubjectLink(module, titles[p.SubjectId], $"/projects/{p.SubjectId}"));
    }
}
