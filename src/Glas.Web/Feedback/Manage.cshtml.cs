using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Feedback;

/// <summary>An official's page for one report: the sender's contact, the full timeline with internal notes, and every step.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class ManageModel(GlasDbContext db, FeedbackDesk desk, TimeProvider time, IStringLocalizer<FeedbackText> t) : PageModel
{
    /// <summary>The working days deadlines are counted on.</summary>
    public WorkingCalendar Calendar => desk.Calendar;

    public FeedbackReport Report { get; private set; } = null!;
    public List<FeedbackEvent> Timeline { get; private set; } = [];
    public Dictionary<Guid, string> Staff { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }
    public PhotosModel Photos { get; private set; } = new("", [], true);

    [BindProperty] public string? Department { get; set; }
    [BindProperty] public Guid? Assignee { get; set; }
    [BindProperty] public string? Answer { get; set; }
    [BindProperty] public string? Institution { get; set; }
    [BindProperty] public string? Original { get; set; }
    [BindProperty] public string? RejectReason { get; set; }
    [BindProperty] public DateOnly? ExtendNewDue { get; set; }
    [BindProperty] public string? ExtendReason { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostAssignAsync(Guid id, CancellationToken ct) => StepAsync(id, "", (r, me) => desk.AssignAsync(r, Department, Assignee, me, ct), ct);

    public Task<IActionResult> OnPostStartAsync(Guid id, CancellationToken ct) => StepAsync(id, "", (r, me) => Task.FromResult(desk.Start(r, me)), ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct) => StepAsync(id, "", (r, me) => Task.FromResult(desk.Answer(r, Answer, me)), ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) => StepAsync(id, "", (r, me) => Task.FromResult(desk.Close(r, me)), ct);

    public Task<IActionResult> OnPostForwardAsync(Guid id, CancellationToken ct) => StepAsync(id, "", (r, me) => Task.FromResult(desk.Forward(r, Institution, me)), ct);

    public Task<IActionResult> OnPostDuplicateAsync(Guid id, CancellationToken ct) => StepAsync(id, "", (r, me) => desk.DuplicateAsync(r, Original, me, ct), ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) => StepAsync(id, "Reject", (r, me) => Task.FromResult(desk.Reject(r, RejectReason, me)), ct);

    public Task<IActionResult> OnPostExtendAsync(Guid id, CancellationToken ct) => StepAsync(id, "Extend", (r, me) => Task.FromResult(desk.Extend(r, ExtendNewDue, ExtendReason, me)), ct);

    public Task<IActionResult> OnPostNoteAsync(Guid id, CancellationToken ct) => StepAsync(id, "", (r, me) => Task.FromResult(desk.Note(r, Note, me)), ct);

    public Task<IActionResult> OnPostPublishPhotoAsync(Guid id, Guid photoId, CancellationToken ct) =>
        StepAsync(id, "", async (r, me) => await desk.PublishPhotoAsync(r, photoId, me, ct) ? null : new FeedbackError("", "Error.Photo.Missing"), ct);

    public Task<IActionResult> OnPostRemovePhotoAsync(Guid id, Guid photoId, CancellationToken ct) =>
        StepAsync(id, "", async (r, me) => await desk.RemovePhotoAsync(r, photoId, me, ct) ? null : new FeedbackError("", "Error.Photo.Missing"), ct);

    private async Task<IActionResult> StepAsync(Guid id, string prefix, Func<FeedbackReport, Guid, Task<FeedbackError?>> step, CancellationToken ct)
    {
        var me = User.UserId()!.Value;
        var report = await db.FeedbackReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(id, ct);
            return Invalid();
        }
        if (await step(report, me) is { } error)
        {
            db.ChangeTracker.Clear();
            ModelState.Add([error], t, prefix);
            await LoadAsync(id, ct);
            return Invalid();
        }
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Saved"].Value;
        return Redirect($"{Request.PathBase}/feedback/{id}/manage");
    }

    private PageResult Invalid()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var report = await db.FeedbackReports.AsNoTracking().Include(r => r.Category).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return false;
        }
        Report = report;
        Now = time.GetUtcNow();
        Photos = new PhotosModel(report.Number, await FeedbackDesk.PhotosAsync(db, id, all: true, ct), Moderate: true);
        Timeline = await db.FeedbackEvents.AsNoTracking().Where(e => e.ReportId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        Staff = await db.Memberships.AsNoTracking().Where(m => m.Role != TenantRole.Participant).Select(m => new { m.UserId, m.User!.DisplayName })
            .ToDictionaryAsync(m => m.UserId, m => m.DisplayName, ct);
        Department ??= report.Department;
        return true;
    }
}
