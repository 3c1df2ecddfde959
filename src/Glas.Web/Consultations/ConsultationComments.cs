using System.Security.Claims;
using Glas.Web.Participation.Comments;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Glas.Web.Consultations;

/// <summary>Consultations as subjects of comments: a draft is seen by officials only, and comments are taken while the consultation is open.</summary>
public sealed class ConsultationComments(GlasDbContext db, TimeProvider time, TenantRoles roles, IOptions<ConsultationOptions> options, IStringLocalizer<ConsultationsText> t)
    : ICommentSubjects
{
    public const string Kind = "consultation";

    string ICommentSubjects.Kind => Kind;

    public async Task<CommentSubject?> FindAsync(Guid subjectId, ClaimsPrincipal viewer, CancellationToken ct)
    {
        var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == subjectId, ct);
        if (c is null || (c.Status == ConsultationStatus.Draft && !(await roles.CurrentRoleAsync(viewer) is { } role && RoleRules.Satisfies(role, TenantRole.Official))))
        {
            return null;
        }
        return new CommentSubject(c.Id, c.TenantId, c.AcceptsComments(time.GetUtcNow()), options.Value.MaxCommentLength);
    }

    public async Task<IReadOnlyDictionary<CommentPlace, CommentSubjectLink>> LinksAsync(IReadOnlyCollection<CommentPlace> places, CancellationToken ct)
    {
        var ids = places.Select(p => p.SubjectId).Distinct().ToList();
        var unitIds = places.Where(p => p.UnitId is not null).Select(p => p.UnitId!.Value).Distinct().ToList();
        var titles = await db.Consultations.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Title, ct);
        var units = await db.DraftUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => new { u.Number, u.Path }, ct);
        var module = t["Nav"].Value;
        return places.Where(p => titles.ContainsKey(p.SubjectId)).ToDictionary(p => p, p =>
            p.UnitId is { } u && units.TryGetValue(u, out var unit)
                ? new CommentSubjectLink(module, $"{titles[p.SubjectId]} — {unit.Path}", $"/consultations/{p.SubjectId}/units/{unit.Number}")
                : new CommentSubjectLink(module, titles[p.SubjectId], $"/consultations/{p.SubjectId}"));
    }
}
