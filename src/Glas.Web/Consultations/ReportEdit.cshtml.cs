using Glas.Web.Participation.Comments;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Jobs;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Consultations;

/// <summary>After closing, an official answers every proposal and publishes the справка.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class ReportEditModel(GlasDbContext db, TimeProvider time, FollowerMail mail, JobSignal signal, IStringLocalizer<ConsultationsText> t) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;
    public ConsultationStatus Status { get; private set; }
    public List<ReportGroup> Groups { get; private set; } = [];
    public int Total { get; private set; }
    public int Answered { get; private set; }
    public bool UnansweredOnly { get; private set; }
    public bool Editable => Status == ConsultationStatus.Closed;

    public async Task<IActionResult> OnGetAsync(Guid id, bool unanswered = false)
    {
        UnansweredOnly = unanswered;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        if (c is null)
        {
            return false;
        }
        Consultation = c;
        Status = c.EffectiveStatus(time.GetUtcNow());
        Groups = await ReportData.LoadAsync(db, id, UnansweredOnly, HttpContext.RequestAborted);
        Total = await db.Comments.On(ConsultationComments.Kind, id).CountAsync(x => x.ParentId == null);
        Answered = await db.ProposalAnswers.CountAsync(a => a.ConsultationId == id);
        return true;
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, Guid commentId, string? outcome, string? justification)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!Editable)
        {
            ModelState.AddModelError(string.Empty, t["Report.NotEditable"]);
            return Page();
        }
        var proposal = await db.Comments.AsNoTracking().On(ConsultationComments.Kind, id).FirstOrDefaultAsync(c => c.Id == commentId && c.ParentId == null);
        if (proposal is null)
        {
            return NotFound();
        }
        justification = string.IsNullOrWhiteSpace(justification) ? null : justification.Trim();
        var field = "j-" + commentId.ToString("N");
        if (!Enum.TryParse<AnswerOutcome>(outcome, out var parsed) || !Enum.IsDefined(parsed))
        {
            ModelState.AddModelError("o-" + commentId.ToString("N"), t["Report.OutcomeNeeded"]);
        }
        else if (ProposalAnswer.NeedsJustification(parsed) && justification is null)
        {
            ModelState.AddModelError(field, t["Report.JustificationNeeded"]);
        }
        if (justification?.Length > 5000)
        {
            ModelState.AddModelError(field, t["Report.JustificationTooLong"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = time.GetUtcNow();
        var existing = await db.ProposalAnswers.FirstOrDefaultAsync(a => a.CommentId == commentId);
        if (existing is null)
        {
            db.ProposalAnswers.Add(new ProposalAnswer { CommentId = commentId, ConsultationId = id, Outcome = parsed, Justification = justification, AnsweredAt = now, AnsweredBy = User.UserId()!.Value });
        }
        else
        {
            existing.Outcome = parsed;
            existing.Justification = justification;
            existing.AnsweredAt = now;
            existing.AnsweredBy = User.UserId()!.Value;
        }
        await db.SaveChangesAsync();
        TempData["Status"] = t["Report.AnswerSaved"].Value;
        return Redirect($"{Request.PathBase}{Request.Path}{(UnansweredOnlyFromForm() ? "?unanswered=true" : "")}#p-{commentId:N}");
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!Editable)
        {
            ModelState.AddModelError(string.Empty, t["Report.NotEditable"]);
            return Page();
        }
        if (Answered < Total)
        {
            ModelState.AddModelError(string.Empty, string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Report.NotAllAnswered"], Total - Answered, Total));
            return Page();
        }
        var now = time.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync();
        var changed = await db.Consultations.Where(c => c.Id == id && (c.Status == ConsultationStatus.Closed || ((c.Status == ConsultationStatus.Open || c.Status == ConsultationStatus.Scheduled) && c.ClosesAt <= now)))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ConsultationStatus.ReportPublished).SetProperty(c => c.ReportPublishedAt, now).SetProperty(c => c.UpdatedAt, now));
        if (changed == 1)
        {
            Timeline.Add(db, id, TimelineKind.ReportPublished, now, Total == 0 ? t["Report.NoProposalsShort"] : string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Report.ProposalsShort"], Total));
            db.AuditEntries.Add(new AuditEntry { TenantId = Consultation.TenantId, ActorUserId = User.UserId(), Action = "consultation.report", Subject = $"consultation:{id}", At = now });
            await mail.QueueAsync([(id, Consultation.TenantId, Consultation.Title)], FollowerMail.Event.ReportPublished, HttpContext.RequestAborted);
            await db.SaveChangesAsync();
        }
        await tx.CommitAsync();
        signal.Notify();
        TempData["Status"] = t["Report.Published"].Value;
        return RedirectToPage("/Consultations/Report", new { id });
    }

    private bool UnansweredOnlyFromForm() => Request.HasFormContentType && Request.Form["unanswered"] == "true";
}
