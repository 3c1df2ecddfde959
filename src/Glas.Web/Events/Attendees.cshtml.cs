using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Events;

/// <summary>The organiser's view: who registered and who waits, attendance marks, the CSV list, and the event's documents.</summary>
[Authorize(Policy = Policies.Official)]
[RequestSizeLimit(25 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 25 * 1024 * 1024)]
public sealed class AttendeesModel(GlasDbContext db, DocumentLibrary library, TimeProvider time, IStringLocalizer<EventsText> t) : PageModel
{
    /// <summary>The event's feedback form (a survey), when it has one.</summary>
    public Surveys.Survey? Feedback { get; private set; }

    /// <summary>How many participants have been sent the feedback form.</summary>
    public int FeedbackSent { get; private set; }

    /// <summary>Attaches the feedback form to the event (once); it is sent to the participants when the event is over.</summary>
    public async Task<IActionResult> OnPostFeedbackAsync(Guid id, CancellationToken ct)
    {
        if (await db.Events.FirstOrDefaultAsync(e => e.Id == id, ct) is not { } e)
        {
            return NotFound();
        }
        if (e.Status == EventStatus.Cancelled)
        {
            ModelState.AddModelError("feedback", t["Feedback.Cancelled"]);
            await LoadAsync(id, ct);
            var page = Page();
            page.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page;
        }
        if (await EventFeedback.FindAsync(db, id, ct) is null)
        {
            var now = time.GetUtcNow();
            db.Surveys.Add(EventFeedback.Create(e, now));
            db.AuditEntries.Add(new Platform.Auditing.AuditEntry { TenantId = e.TenantId, ActorUserId = User.UserId(), Action = "event.feedback", Subject = $"event:{id}", Details = e.Title, At = now });
            await db.SaveChangesAsync(ct);
        }
        TempData["Status"] = t["Feedback.Created"].Value;
        return Redirect($"{Request.PathBase}/events/{id}/attendees#feedback-title");
    }

    [BindProperty(Name = DocumentForm.Prefix)] public DocumentInput Document { get; set; } = new();
    [BindProperty(Name = DocumentForm.FileField)] public IFormFile? DocumentFile { get; set; }

    public PublicEvent Event { get; private set; } = null!;
    public List<EventRegistration> Registrations { get; private set; } = [];
    public List<DocumentView> Documents { get; private set; } = [];

    public DocumentUploadForm UploadForm => new("Document", EventDocumentSubjects.DocumentTypes, Documents, false, library.MaxUploadBytes, Document);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAttendanceAsync(Guid id, Guid registrationId, bool attended, CancellationToken ct)
    {
        var changed = await db.EventRegistrations.Where(r => r.EventId == id && r.Id == registrationId && r.Status == RegistrationStatus.Confirmed)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Attended, attended), ct);
        if (changed == 0)
        {
            return NotFound();
        }
        TempData["Status"] = t["Attendance.Saved"].Value;
        return Redirect($"{Request.PathBase}/events/{id}/attendees");
    }

    public async Task<IActionResult> OnPostDocumentAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return (await library.AddAsync(EventDocumentSubjects.SubjectKind, id, Document, DocumentFile, User, null, ct)).Answer(this, () =>
        {
            TempData["Status"] = t["Documents.Saved"].Value;
            return Redirect($"{Request.PathBase}/events/{id}/attendees");
        });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } e)
        {
            return false;
        }
        Event = e;
        // One event's list: bounded by its places and its waiting list, shown whole for marking attendance.
        Registrations = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == id && r.Status != RegistrationStatus.Cancelled)
            .OrderBy(r => r.Status).ThenBy(r => r.RegisteredAt).ThenBy(r => r.Id).Take(5000).ToListAsync(ct);
        Documents = await library.ListAsync(EventDocumentSubjects.SubjectKind, id, ct);
        Feedback = await EventFeedback.FindAsync(db, id, ct);
        FeedbackSent = Feedback is null ? 0 : Registrations.Count(r => r.FeedbackSentAt != null);
        return true;
    }
}
