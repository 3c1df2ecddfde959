using Glas.Web.Participation.Comments;
using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Consultations;

public sealed record ReportRow(CommentView Proposal, int? UnitNumber, string UnitPath, AnswerOutcome? Outcome, string? Justification);

public sealed record ReportGroup(int? UnitNumber, string UnitPath, List<ReportRow> Rows);

/// <summary>The справка: every proposal with its answer, grouped by unit of the draft.</summary>
public static class ReportData
{
    public const string WholeDraft = "Проектът като цяло";

    public static async Task<List<ReportGroup>> LoadAsync(GlasDbContext db, Guid consultationId, bool unansweredOnly, CancellationToken ct)
    {
        var proposals = db.Comments.AsNoTracking().On(ConsultationComments.Kind, consultationId).Where(c => c.ParentId == null);
        if (unansweredOnly)
        {
            proposals = proposals.Where(c => !db.ProposalAnswers.Any(a => a.CommentId == c.Id));
        }
        var views = await CommentViews.Project(proposals, db, null).ToListAsync(ct);
        var ids = views.Select(v => v.Id).ToList();
        var answers = await db.ProposalAnswers.AsNoTracking().Where(a => a.ConsultationId == consultationId).ToDictionaryAsync(a => a.CommentId, ct);
        var units = await db.DraftUnits.AsNoTracking().Where(u => u.ConsultationId == consultationId).ToDictionaryAsync(u => u.Id, u => new { u.Number, u.Path }, ct);
        return views
            .Select(v =>
            {
                var unit = v.UnitId is { } uid && units.TryGetValue(uid, out var u) ? u : null;
                var answer = answers.GetValueOrDefault(v.Id);
                return new ReportRow(v, unit?.Number, unit?.Path ?? WholeDraft, answer?.Outcome, answer?.Justification);
            })
            .GroupBy(r => (r.UnitNumber, r.UnitPath))
            .OrderBy(g => g.Key.UnitNumber ?? 0)
            .Select(g => new ReportGroup(g.Key.UnitNumber, g.Key.UnitPath, g.OrderBy(r => r.Proposal.CreatedAt).ThenBy(r => r.Proposal.Id).ToList()))
            .ToList();
    }

    public static bool IsPublic(ConsultationStatus status) => status is ConsultationStatus.ReportPublished or ConsultationStatus.Adopted;
}
