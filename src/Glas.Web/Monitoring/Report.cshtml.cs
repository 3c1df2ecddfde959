using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Monitoring;

/// <summary>A monitoring report or analysis, its recommendations and their stage, and its comments.</summary>
public sealed class ReportModel(GlasDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<MonitoringText> t)
    : MonitoringSubjectPage(db, authorization, time, t)
{
    public MonitoringReport Report { get; private set; } = null!;
    public Policy? Policy { get; private set; }
    public List<Recommendation> Recommendations { get; private set; } = [];
    public bool IsAuthor { get; private set; }

    protected override string CommentKind => ReportComments.SubjectKind;

    protected override async Task<Guid?> TenantOfAsync(Guid id, CancellationToken ct) =>
        await Db.MonitoringReports.AsNoTracking().Where(r => r.Id == id).Select(r => (Guid?)r.TenantId).FirstOrDefaultAsync(ct);

    protected override async Task<bool> LoadSubjectAsync(Guid id, CancellationToken ct)
    {
        if (await Db.MonitoringReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } report)
        {
            return false;
        }
        Report = report;
        Policy = report.PolicyId is { } pid ? await Db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == pid, ct) : null;
        Recommendations = await Db.Recommendations.AsNoTracking().Where(r => r.ReportId == id).OrderBy(r => r.CreatedAt).ThenBy(r => r.Title).Take(500).ToListAsync(ct);
        IsAuthor = report.AuthorUserId is { } author && User.UserId() == author;
        return true;
    }
}
