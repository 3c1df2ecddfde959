using System.Security.Claims;
using Glas.Web.Participation.Comments;
using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Monitoring;

/// <summary>What the comments component needs to know of a subject.</summary>
public sealed record SubjectRow(Guid Id, Guid TenantId, string Title);

/// <summary>Policies, reports and recommendations as subjects of comments: all are public and take comments.</summary>
public abstract class MonitoringComments(IStringLocalizer<MonitoringText> t) : ICommentSubjects
{
    public const int MaxLength = 2000;

    public abstract string Kind { get; }

    protected abstract string PathOf(Guid id);

    protected abstract IQueryable<SubjectRow> Subjects(IReadOnlyCollection<Guid> ids);

    public async Task<CommentSubject?> FindAsync(Guid subjectId, ClaimsPrincipal viewer, CancellationToken ct) =>
        (await Subjects([subjectId]).ToListAsync(ct)).Select(s => new CommentSubject(s.Id, s.TenantId, true, MaxLength)).FirstOrDefault();

    public async Task<IReadOnlyDictionary<CommentPlace, CommentSubjectLink>> LinksAsync(IReadOnlyCollection<CommentPlace> places, CancellationToken ct)
    {
        var ids = places.Select(p => p.SubjectId).Distinct().ToList();
        var titles = (await Subjects(ids).ToListAsync(ct)).ToDictionary(s => s.Id, s => s.Title);
        var module = t["Nav"].Value;
        return places.Where(p => titles.ContainsKey(p.SubjectId)).ToDictionary(p => p, p => new CommentSubjectLink(module, titles[p.SubjectId], PathOf(p.SubjectId)));
    }
}

public sealed class PolicyComments(GlasDbContext db, IStringLocalizer<MonitoringText> t) : MonitoringComments(t)
{
    public const string SubjectKind = "policy";

    public override string Kind => SubjectKind;

    protected override string PathOf(Guid id) => $"/monitoring/policies/{id}";

    protected override IQueryable<SubjectRow> Subjects(IReadOnlyCollection<Guid> ids) =>
        db.Policies.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new SubjectRow(p.Id, p.TenantId, p.Title));
}

public sealed class ReportComments(GlasDbContext db, IStringLocalizer<MonitoringText> t) : MonitoringComments(t)
{
    public const string SubjectKind = "monitoring-report";

    public override string Kind => SubjectKind;

    protected override string PathOf(Guid id) => $"/monitoring/reports/{id}";

    protected override IQueryable<SubjectRow> Subjects(IReadOnlyCollection<Guid> ids) =>
        db.MonitoringReports.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new SubjectRow(p.Id, p.TenantId, p.Title));
}

public sealed class RecommendationComments(GlasDbContext db, IStringLocalizer<MonitoringText> t) : MonitoringComments(t)
{
    public const string SubjectKind = "recommendation";

    public override string Kind => SubjectKind;

    protected override string PathOf(Guid id) => $"/monitoring/recommendations/{id}";

    protected override IQueryable<SubjectRow> Subjects(IReadOnlyCollection<Guid> ids) =>
        db.Recommendations.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new SubjectRow(p.Id, p.TenantId, p.Title));
}
