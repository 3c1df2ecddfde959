using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Monitoring;

/// <summary>A policy: goals, measures with progress, indicators with charts and tables, the scorecard, comments.</summary>
public sealed class PolicyModel(GlasDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<MonitoringText> t, MonitoringEditor editor,
    DocumentLibrary library)
    : MonitoringSubjectPage(db, authorization, time, t)
{
    public PolicyCard Card { get; private set; } = null!;
    public int Recommendations { get; private set; }
    public List<MonitoringReport> Reports { get; private set; } = [];
    public PolicyLinks Links { get; private set; } = null!;
    public List<DocumentView> Documents { get; private set; } = [];

    protected override string CommentKind => PolicyComments.SubjectKind;

    protected override async Task<Guid?> TenantOfAsync(Guid id, CancellationToken ct) =>
        await Db.Policies.AsNoTracking().Where(p => p.Id == id).Select(p => (Guid?)p.TenantId).FirstOrDefaultAsync(ct);

    protected override async Task<bool> LoadSubjectAsync(Guid id, CancellationToken ct)
    {
        if (await MonitoringQueries.CardAsync(Db, id, editor.Today, ct) is not { } card)
        {
            return false;
        }
        Card = card;
        Recommendations = await Db.Recommendations.CountAsync(r => r.PolicyId == id, ct);
        Links = await PolicyLinks.LoadAsync(Db, card.Policy, ct);
        Documents = await library.ListAsync(PolicyDocumentSubjects.SubjectKind, id, ct);
        Reports = await Db.MonitoringReports.AsNoTracking().Where(r => r.PolicyId == id).OrderByDescending(r => r.PublishedAt).Take(20).ToListAsync(ct);
        return true;
    }
}
