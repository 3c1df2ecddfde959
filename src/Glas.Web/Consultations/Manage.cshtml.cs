using Glas.Web.Participation.Comments;
using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Consultations;

/// <summary>The official's control page: what is missing, the lifecycle actions, documents and feedback.</summary>
[Authorize(Policy = Policies.Official)]
[RequestSizeLimit(25 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 25 * 1024 * 1024)]
public sealed class ManageModel(GlasDbContext db, TimeProvider time, DocumentLibrary library, ConsultationDocumentSubjects subjects, IStringLocalizer<ConsultationsText> t, IStringLocalizer<DocumentsText> d) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public ConsultationStatus Status { get; private set; }
    public List<string> Missing { get; private set; } = [];
    public List<DocumentView> Documents { get; private set; } = [];
    public int Proposals { get; private set; }
    public int Answered { get; private set; }
    public int CommentCount { get; private set; }
    public (int Count, double Average, int[] ByScore) Ratings { get; private set; } = (0, 0, new int[5]);
    public List<string> Remarks { get; private set; } = [];

    /// <summary>The consultation's feedback form (a survey), when it has one.</summary>
    public Guid? FeedbackForm { get; private set; }
    [BindProperty(Name = DocumentForm.Prefix)] public DocumentInput Document { get; set; } = new();
    [BindProperty(Name = DocumentForm.FileField)] public IFormFile? DocumentFile { get; set; }

    public DocumentUploadForm UploadForm => new("upload", subjects.Types, Documents, ((IDocumentSubjects)subjects).LinksAllowed, library.MaxUploadBytes, Document);

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    private async Task<bool> LoadAsync(Guid id)
    {
        var c = await db.Consultations.AsNoTracking().Include(x => x.Contacts).FirstOrDefaultAsync(x => x.Id == id);
        if (c is null)
        {
            return false;
        }
        Consultation = c;
        var now = time.GetUtcNow();
        Status = c.EffectiveStatus(now);
        Documents = subjects.InOrder(await library.ListAsync(ConsultationFiles.Kind, id, HttpContext.RequestAborted));
        var units = await db.DraftUnits.CountAsync(u => u.ConsultationId == id);
        Missing = Requirements.Missing(c, Documents.Select(d => d.Type), units, ConsultationLifecycle.TodayInSofia(now)).Select(m => t["Missing." + m].Value).ToList();
        CommentCount = await db.Comments.On(ConsultationComments.Kind, id).CountAsync();
        Proposals = await db.Comments.On(ConsultationComments.Kind, id).CountAsync(x => x.ParentId == null);
        Answered = await db.ProposalAnswers.CountAsync(a => a.ConsultationId == id);
        var ratings = await db.ProcessRatings.AsNoTracking().Where(r => r.ConsultationId == id).ToListAsync();
        var byScore = Enumerable.Range(1, 5).Select(s => ratings.Count(r => r.Score == s)).ToArray();
        Ratings = (ratings.Count, ratings.Count == 0 ? 0 : ratings.Average(r => r.Score), byScore);
        Remarks = ratings.Where(r => r.Remark is not null).OrderByDescending(r => r.CreatedAt).Take(50).Select(r => r.Remark!).ToList();
        FeedbackForm = await Surveys.SurveyFeedback.FormAsync(db, ConsultationComments.Kind, id);
        return true;
    }

    public Task<IActionResult> OnPostScheduleAsync(Guid id) => MoveAsync(id, ConsultationStatus.Scheduled, TimelineKind.Scheduled, null);

    public Task<IActionResult> OnPostUnscheduleAsync(Guid id) => MoveAsync(id, ConsultationStatus.Draft, TimelineKind.Unscheduled, null);

    public Task<IActionResult> OnPostAdoptAsync(Guid id) => MoveAsync(id, ConsultationStatus.Adopted, TimelineKind.Adopted, null);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, string? reason, bool confirm)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 1000 || !confirm)
        {
            if (!await LoadAsync(id))
            {
                return NotFound();
            }
            ModelState.AddModelError("reason", t["Manage.WithdrawNeedsReason"]);
            return Page();
        }
        return await MoveAsync(id, ConsultationStatus.Withdrawn, TimelineKind.Withdrawn, reason);
    }

    private async Task<IActionResult> MoveAsync(Guid id, ConsultationStatus to, TimelineKind kind, string? details)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var now = time.GetUtcNow();
        if (!ConsultationLifecycle.CanMove(Status, to))
        {
            ModelState.AddModelError(string.Empty, string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Manage.CannotMove"], t["Status." + Status], t["Status." + to]));
            return Page();
        }
        if (to == ConsultationStatus.Scheduled && Missing.Count > 0)
        {
            foreach (var m in Missing)
            {
                ModelState.AddModelError(string.Empty, m);
            }
            return Page();
        }
        // The guard on the stored status makes a double click or a race with the clock harmless.
        var stored = Consultation.Status;
        var changed = await db.Consultations.Where(c => c.Id == id && c.Status == stored)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, to).SetProperty(c => c.UpdatedAt, now));
        if (changed == 1)
        {
            Timeline.Add(db, id, kind, now, details);
            db.AuditEntries.Add(new AuditEntry { TenantId = Consultation.TenantId, ActorUserId = User.UserId(), Action = "consultation." + to.ToString().ToLowerInvariant(), Subject = $"consultation:{id}", Details = details, At = now });
            await db.SaveChangesAsync();
            TempData["Status"] = t["Manage.Moved." + to].Value;
        }
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUploadAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Status is ConsultationStatus.Withdrawn)
        {
            ModelState.AddModelError(DocumentForm.FileField, t["Upload.Withdrawn"]);
            return Page();
        }
        var now = time.GetUtcNow();
        if (!ModelState.IsValid)
        {
            // A value that did not even bind (e.g. a document id that is not one).
            return Page();
        }
        var result = await library.AddAsync(ConsultationFiles.Kind, id, Document, DocumentFile, User,
            (document, _) => Timeline.Add(db, id, TimelineKind.DocumentAdded, now, $"{d["Type." + document.Type]}: {document.Title}"), HttpContext.RequestAborted);
        return result.Answer(this, () =>
        {
            TempData["Status"] = t["Upload.Saved"].Value;
            return RedirectToPage(new { id });
        });
    }
}

public static class Requirements
{
    /// <summary>What must be in place before a consultation can be scheduled to open (ЗНА чл. 26 (2)–(4)).</summary>
    public static IEnumerable<string> Missing(Consultation c, IEnumerable<DocumentType> documents, int units, DateOnly today)
    {
        var types = documents.ToHashSet();
        if (!types.Contains(DocumentType.Draft))
        {
            yield return "DraftDocument";
        }
        if (!types.Contains(DocumentType.Motives))
        {
            yield return "Motives";
        }
        if (c.Contacts.Count == 0)
        {
            yield return "Contact";
        }
        if (units == 0)
        {
            yield return "Units";
        }
        if (ConsultationPeriod.Check(c.OpensOn, c.ClosesOn, c.ShortTermReason, today) != ConsultationPeriod.Problem.None && c.Status == ConsultationStatus.Draft)
        {
            yield return "Period";
        }
    }
}
