using System.Globalization;
using Glas.Web.Participation.Notifications;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Feedback;

/// <summary>
/// One report: its status, timeline and public answer. Its sender also adds information while it is
/// open, rates the answer and may reopen it once; the sender's name and contact are never shown here.
/// </summary>
public sealed class DetailsModel(GlasDbContext db, FeedbackDesk desk, TenantRoles roles, TimeProvider time, ParticipationLimiter limiter,
    IStringLocalizer<FeedbackText> t, IStringLocalizer<Participation.NotificationsText> notices) : PageModel
{
    public FeedbackReport Report { get; private set; } = null!;
    public List<FeedbackEvent> Timeline { get; private set; } = [];
    public string? DuplicateOfNumber { get; private set; }
    public bool IsSender { get; private set; }
    public bool IsStaff { get; private set; }
    public bool Following { get; private set; }
    public bool CanReopen { get; private set; }
    public PhotosModel Photos { get; private set; } = new("", [], false);

    [BindProperty]
    public string? Information { get; set; }

    [BindProperty]
    public int? Rating { get; set; }

    [BindProperty]
    public string? Remark { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public Task<IActionResult> OnPostInformationAsync(Guid id, CancellationToken ct) => SenderStepAsync(id, (r, me) => desk.AddInformation(r, Information, me), "Saved.Information", ct);

    public Task<IActionResult> OnPostRateAsync(Guid id, CancellationToken ct) => SenderStepAsync(id, (r, me) => desk.Rate(r, Rating, Remark, me), "Saved.Rating", ct);

    public Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken ct) => SenderStepAsync(id, (r, me) => desk.Reopen(r, Reason, me), "Saved.Reopened", ct);

    private async Task<IActionResult> SenderStepAsync(Guid id, Func<FeedbackReport, Guid, FeedbackError?> step, string done, CancellationToken ct)
    {
        if (User.UserId() is not { } me)
        {
            return Challenge();
        }
        var report = await db.FeedbackReports.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !await FeedbackQueries.CanSeeAsync(report, User, roles))
        {
            return NotFound();
        }
        if (report.ReporterUserId != me)
        {
            return Forbid();
        }
        if (limiter.TryAcquire(HttpContext) is { } wait)
        {
            Response.Headers.RetryAfter = ParticipationLimiter.Seconds(wait).ToString(CultureInfo.InvariantCulture);
            ModelState.AddModelError("", string.Format(CultureInfo.CurrentCulture, t["Error.TooFast"], ParticipationLimiter.Seconds(wait)));
            await LoadAsync(id, ct);
            var limited = Page();
            limited.StatusCode = StatusCodes.Status429TooManyRequests;
            return limited;
        }
        if (step(report, me) is { } error)
        {
            db.ChangeTracker.Clear();
            ModelState.Add([error], t);
            await LoadAsync(id, ct);
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t[done].Value;
        return Redirect($"{Request.PathBase}/feedback/{id}");
    }

    public async Task<IActionResult> OnPostFollowAsync(Guid id, bool follow, CancellationToken ct)
    {
        if (User.UserId() is not { } me)
        {
            return Challenge();
        }
        var report = await db.FeedbackReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !await FeedbackQueries.CanSeeAsync(report, User, roles))
        {
            return NotFound();
        }
        if (follow)
        {
            await db.FollowAsync(me, FeedbackDesk.Subject(report), time.GetUtcNow(), ct);
        }
        else
        {
            await db.UnfollowAsync(me, FeedbackDesk.FollowKind, id, ct);
        }
        TempData["Status"] = (follow ? notices["Follow.On"] : notices["Follow.Off"]).Value;
        return Redirect($"{Request.PathBase}/feedback/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var report = await db.FeedbackReports.AsNoTracking().Include(r => r.Category).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null || !await FeedbackQueries.CanSeeAsync(report, User, roles))
        {
            return false;
        }
        Report = report;
        var me = User.UserId();
        IsSender = me is not null && me == report.ReporterUserId;
        IsStaff = await FeedbackQueries.IsStaffAsync(User, roles);
        // The public sees public steps; the sender also the information they added.
        Timeline = await db.FeedbackEvents.AsNoTracking().Where(e => e.ReportId == id && (e.IsPublic || (IsSender && e.Kind == "info")))
            .OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        DuplicateOfNumber = report.DuplicateOfId is { } original ? await db.FeedbackReports.Where(r => r.Id == original).Select(r => r.Number).FirstOrDefaultAsync(ct) : null;
        // Photos are public once staff have published them; the sender and staff see them all.
        Photos = new PhotosModel(report.Number, await FeedbackDesk.PhotosAsync(db, id, IsSender || IsStaff, ct), Moderate: false);
        Following = me is { } user && await db.IsFollowingAsync(user, FeedbackDesk.FollowKind, id, ct);
        CanReopen = IsSender && !report.Reopened && report.AnsweredAt is { } answered && report.Status is FeedbackStatus.Answered or FeedbackStatus.Closed
            && FeedbackDeadlines.CanReopen(answered, time.GetUtcNow(), desk.Calendar);
        return true;
    }
}
