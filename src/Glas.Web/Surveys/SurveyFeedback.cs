using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Surveys;

/// <summary>
/// Surveys attached to another module's subject as its feedback form, e.g. a consultation's
/// assessment (seed 003's „Оценка на участието в обществено обсъждане“). When a subject has a
/// launched form, the subject's page offers it instead of its own short rating: one mechanism at a time.
/// </summary>
public static class SurveyFeedback
{
    /// <summary>The template a consultation's form starts from.</summary>
    public const string ConsultationTemplate = "consultation-assessment";

    /// <summary>The launched form attached to a subject (the newest), or null.</summary>
    public static Task<Guid?> LaunchedFormAsync(GlasDbContext db, string kind, Guid subjectId, CancellationToken ct = default) =>
        db.Surveys.AsNoTracking().Where(s => s.SubjectKind == kind && s.SubjectId == subjectId && s.Launched)
            .OrderByDescending(s => s.CreatedAt).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);

    /// <summary>Any form attached to a subject, launched or not (the newest), or null.</summary>
    public static Task<Guid?> FormAsync(GlasDbContext db, string kind, Guid subjectId, CancellationToken ct = default) =>
        db.Surveys.AsNoTracking().Where(s => s.SubjectKind == kind && s.SubjectId == subjectId)
            .OrderByDescending(s => s.CreatedAt).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
}
