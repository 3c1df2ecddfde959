using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Monitoring;

/// <summary>A monitoring report or analysis, its recommendations and their stage, and its comments.</summary>
public sealed class ReportModel(GlasDbContext db, IAuthorizationService authorization, TimeProvider time, IStringLocalizer<MonitoringText> t,
    DocumentLibrary library) : MonitoringSubjectPage(db, authorization, time, t)
{
    public List<DocumentView> Documents { get; private set; } = [];

    /// <summary>The measures of the report's policy, with the report's rating of each (null: not rated).</summary>
    public List<(PolicyMeasure Measure, int? Rating)> Ratings { get; private set; } = [];

    /// <summary>The author's ratings as posted: measure id → "1".."5" or "" (not rated).</summary>
    [BindProperty] public Dictionary<Guid, string?> Rate { get; set; } = [];

    /// <summary>The authoring organisation rates the measures of the report's policy, on one scale (1–5) for all.</summary>
    public async Task<IActionResult> OnPostRatingsAsync(Guid id, CancellationToken ct)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith("Rate", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!IsAuthor)
        {
            return Forbid();
        }
        var measures = Ratings.Select(r => r.Measure.Id).ToHashSet();
        var chosen = new Dictionary<Guid, int>();
        foreach (var (measure, text) in Rate)
        {
            if (!measures.Contains(measure))
            {
                ModelState.AddModelError("Rate", T["Error.Rating.Measure"]);
            }
            else if (!string.IsNullOrEmpty(text))
            {
                if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value is >= ReportRating.Min and <= ReportRating.Max)
                {
                    chosen[measure] = value;
                }
                else
                {
                    ModelState.AddModelError($"Rate[{measure}]", T["Error.Rating"]);
                }
            }
        }
        if (!ModelState.IsValid)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page;
        }
        await Db.ReportRatings.Where(r => r.ReportId == id).ExecuteDeleteAsync(ct);
        Db.ReportRatings.AddRange(chosen.Select(c => new ReportRating { ReportId = id, MeasureId = c.Key, TenantId = Report.TenantId, Rating = c.Value }));
        await Db.SaveChangesAsync(ct);
        TempData["Status"] = T["Ratings.Saved"].Value;
        return Redirect($"{Request.PathBase}/monitoring/reports/{id}#ratings-title");
    }

    /// <summary>The viewer may add documents: the organisation that wrote the report, or an official for the administration's own.</summary>
    public bool CanAddDocuments { get; private set; }

    [BindProperty(Name = DocumentForm.Prefix)] public DocumentInput Document { get; set; } = new();
    [BindProperty(Name = DocumentForm.FileField)] public IFormFile? DocumentFile { get; set; }

    public DocumentUploadForm UploadForm => new("Document", ReportDocumentSubjects.DocumentTypes, Documents, false, library.MaxUploadBytes, Document);

    public async Task<IActionResult> OnPostDocumentAsync(Guid id, CancellationToken ct)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith("Document", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        return (await library.AddAsync(ReportDocumentSubjects.SubjectKind, id, Document, DocumentFile, User, null, ct)).Answer(this, () =>
        {
            TempData["Status"] = T["Documents.Saved"].Value;
            return Redirect($"{Request.PathBase}/monitoring/reports/{id}");
        });
    }

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
        Documents = await library.ListAsync(ReportDocumentSubjects.SubjectKind, id, ct);
        if (report.PolicyId is { } policyId)
        {
            var goals = Db.PolicyGoals.Where(g => g.PolicyId == policyId);
            var measures = await Db.PolicyMeasures.AsNoTracking().Join(goals, m => m.GoalId, g => g.Id, (m, g) => new { m, g.Position })
                .OrderBy(x => x.Position).ThenBy(x => x.m.Position).Select(x => x.m).Take(500).ToListAsync(ct);
            var rated = await Db.ReportRatings.AsNoTracking().Where(r => r.ReportId == id).ToDictionaryAsync(r => r.MeasureId, r => r.Rating, ct);
            Ratings = measures.Select(m => (m, rated.TryGetValue(m.Id, out var v) ? (int?)v : null)).ToList();
        }
        CanAddDocuments = User.Identity?.IsAuthenticated == true && await library.Subjects(ReportDocumentSubjects.SubjectKind).CanManageAsync(id, User, ct);
        return true;
    }
}
