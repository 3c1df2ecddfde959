using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Bodies;

/// <summary>Officials keep a meeting: its status (by the allowed moves), attendance, agenda items, decisions with votes, and documents (agenda, minutes).</summary>
[Authorize(Policy = Policies.Official)]
[RequestSizeLimit(25 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 25 * 1024 * 1024)]
public sealed class MeetingManageModel(GlasDbContext db, DocumentLibrary library, TimeProvider time, IStringLocalizer<BodiesText> t) : PageModel
{
    public sealed class DecisionInput
    {
        public Guid ItemId { get; set; }
        public string? Decision { get; set; }
        public int? VotesFor { get; set; }
        public int? VotesAgainst { get; set; }
        public int? VotesAbstained { get; set; }
    }

    [BindProperty] public string? ItemTitle { get; set; }
    [BindProperty] public DecisionInput Decision { get; set; } = new();
    [BindProperty(Name = DocumentForm.Prefix)] public DocumentInput Document { get; set; } = new();
    [BindProperty(Name = DocumentForm.FileField)] public IFormFile? DocumentFile { get; set; }

    public Body Body { get; private set; } = null!;
    public Meeting Meeting { get; private set; } = null!;
    public List<AgendaItem> Agenda { get; private set; } = [];
    public List<DocumentView> Documents { get; private set; } = [];
    public Dictionary<Guid, List<DocumentView>> ItemDocuments { get; private set; } = [];

    /// <summary>The members on the day of the meeting (whose membership covers it), for the attendance record.</summary>
    public List<BodyMember> Eligible { get; private set; } = [];

    /// <summary>The members recorded present.</summary>
    public HashSet<Guid> Present { get; private set; } = [];

    /// <summary>Records which members were present at a held meeting; the meeting's attendance becomes their number.</summary>
    public async Task<IActionResult> OnPostPresentAsync(Guid id, Guid meetingId, Guid[]? present, CancellationToken ct)
    {
        if (!await LoadAsync(id, meetingId, ct))
        {
            return NotFound();
        }
        var chosen = (present ?? []).Distinct().ToList();
        if (!MeetingRules.TakesDecisions(Meeting.Status))
        {
            ModelState.AddModelError("present", t["Error.AttendanceNotHeld"]);
        }
        else if (chosen.Any(c => Eligible.All(m => m.Id != c)))
        {
            ModelState.AddModelError("present", t["Error.NotAMember"]);
        }
        if (!ModelState.IsValid)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return page;
        }
        await db.MeetingAttendance.Where(a => a.MeetingId == meetingId).ExecuteDeleteAsync(ct);
        db.MeetingAttendance.AddRange(chosen.Select(c => new MeetingAttendance { MeetingId = meetingId, MemberId = c, TenantId = Meeting.TenantId }));
        var meeting = await db.Meetings.FirstAsync(m => m.Id == meetingId, ct);
        meeting.Attendance = chosen.Count;
        meeting.UpdatedAt = time.GetUtcNow();
        Audit("meeting.attendance", meeting, string.Join(",", chosen));
        await db.SaveChangesAsync(ct);
        return Done(id, meetingId, "Attendance.Saved");
    }
    public DateTimeOffset Now => time.GetUtcNow();

    public DocumentUploadForm UploadForm => new("Document", MeetingDocumentSubjects.DocumentTypes, Documents, false, library.MaxUploadBytes, Document);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid meetingId, CancellationToken ct) => await LoadAsync(id, meetingId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(Guid id, Guid meetingId, string? status, string? startsAt, string? endsAt, int? attendance, CancellationToken ct)
    {
        if (await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId && m.BodyId == id, ct) is not { } meeting)
        {
            return NotFound();
        }
        await LoadAsync(id, meetingId, ct);
        var now = time.GetUtcNow();
        if (!Enum.TryParse<MeetingStatus>(status, ignoreCase: false, out var to) || !Enum.IsDefined(to) || !MeetingRules.CanMove(meeting.Status, to, meeting.StartsAt, now))
        {
            ModelState.AddModelError("status", t["Error.Status"]);
            return Page();
        }
        if (to == MeetingStatus.Planned && meeting.Status == MeetingStatus.Postponed)
        {
            // A postponed meeting is planned again for its new date.
            if (!BodyRules.TrySofiaTime(startsAt, out var s) || !BodyRules.TrySofiaTime(endsAt, out var e) || e <= s)
            {
                ModelState.AddModelError("startsAt", t["Error.NewDate"]);
                return Page();
            }
            (meeting.StartsAt, meeting.EndsAt) = (s, e);
        }
        if (to == MeetingStatus.Held)
        {
            if (attendance is < 0 or > 10000)
            {
                ModelState.AddModelError("attendance", t["Error.Attendance"]);
                return Page();
            }
            meeting.Attendance = attendance;
        }
        meeting.Status = to;
        meeting.UpdatedAt = now;
        Audit("meeting.status", meeting, to.ToString());
        await db.SaveChangesAsync(ct);
        return Done(id, meetingId, "Meeting.Saved");
    }

    public async Task<IActionResult> OnPostItemAsync(Guid id, Guid meetingId, CancellationToken ct)
    {
        if (!await LoadAsync(id, meetingId, ct))
        {
            return NotFound();
        }
        if (BodyRules.Required(ItemTitle, BodyRules.MaxLine) is { } key)
        {
            ModelState.AddModelError(nameof(ItemTitle), t[key]);
            return Page();
        }
        db.AgendaItems.Add(new AgendaItem
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), TenantId = Meeting.TenantId, MeetingId = meetingId, Number = Agenda.Count == 0 ? 1 : Agenda.Max(a => a.Number) + 1,
            Title = ItemTitle!.Trim(),
        });
        Audit("meeting.agenda.add", Meeting, ItemTitle.Trim());
        await db.SaveChangesAsync(ct);
        return Done(id, meetingId, "Agenda.Saved");
    }

    public async Task<IActionResult> OnPostDecisionAsync(Guid id, Guid meetingId, CancellationToken ct)
    {
        if (!await LoadAsync(id, meetingId, ct))
        {
            return NotFound();
        }
        if (await db.AgendaItems.FirstOrDefaultAsync(a => a.Id == Decision.ItemId && a.MeetingId == meetingId, ct) is not { } item)
        {
            return NotFound();
        }
        if (!MeetingRules.TakesDecisions(Meeting.Status))
        {
            ModelState.AddModelError("Decision.Decision", t["Error.NotHeld"]);
            return Page();
        }
        var members = Meeting.Attendance;
        if (!ModelState.IsValid)
        {
            ModelState.AddModelError("Decision.VotesFor", t["Error.Votes"]);
            return Page();
        }
        if (BodyRules.Required(Decision.Decision, BodyRules.MaxText) is { } key)
        {
            ModelState.AddModelError("Decision.Decision", t[key]);
        }
        if (MeetingRules.Votes(Decision.VotesFor, Decision.VotesAgainst, Decision.VotesAbstained, members) is { } votes)
        {
            ModelState.AddModelError("Decision.VotesFor", t[votes]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        (item.Decision, item.VotesFor, item.VotesAgainst, item.VotesAbstained) = (Decision.Decision!.Trim(), Decision.VotesFor, Decision.VotesAgainst, Decision.VotesAbstained);
        Audit("meeting.decision", Meeting, item.Title);
        await db.Meetings.Where(m => m.Id == meetingId).ExecuteUpdateAsync(s => s.SetProperty(m => m.UpdatedAt, time.GetUtcNow()), ct);
        await db.SaveChangesAsync(ct);
        return Done(id, meetingId, "Decision.Saved");
    }

    public async Task<IActionResult> OnPostDocumentAsync(Guid id, Guid meetingId, CancellationToken ct)
    {
        if (!await LoadAsync(id, meetingId, ct))
        {
            return NotFound();
        }
        return (await library.AddAsync(MeetingDocumentSubjects.SubjectKind, meetingId, Document, DocumentFile, User, null, ct)).Answer(this, () => Done(id, meetingId, "Documents.Saved"));
    }

    private void Audit(string action, Meeting meeting, string details) => db.AuditEntries.Add(new AuditEntry
    {
        TenantId = HttpContext.CurrentTenant().Id, ActorUserId = User.UserId(), Action = action, Subject = $"meeting:{meeting.Id}", Details = details, At = time.GetUtcNow(),
    });

    private RedirectResult Done(Guid id, Guid meetingId, string message)
    {
        TempData["Status"] = t[message].Value;
        return Redirect($"{Request.PathBase}{BodyPaths.Meeting(id, meetingId)}/manage");
    }

    private async Task<bool> LoadAsync(Guid id, Guid meetingId, CancellationToken ct)
    {
        if (!await MeetingModel.LoadAsync(null, db, library, id, meetingId, ct, (b, m, a, d) => (Body, Meeting, Agenda, Documents) = (b, m, a, d)))
        {
            return false;
        }
        ItemDocuments = await library.ListAsync(AgendaItemDocumentSubjects.SubjectKind, Agenda.Select(a => a.Id).ToList(), ct);
        var day = DateOnly.FromDateTime(Platform.Localization.Formats.ToSofia(Meeting.StartsAt).DateTime);
        Eligible = await db.BodyMembers.AsNoTracking().Where(m => m.BodyId == id && m.From <= day && (m.To == null || m.To >= day))
            .OrderBy(m => m.Role).ThenBy(m => m.PublicName).Take(1000).ToListAsync(ct);
        Present = (await db.MeetingAttendance.AsNoTracking().Where(a => a.MeetingId == meetingId).Select(a => a.MemberId).ToListAsync(ct)).ToHashSet();
        return true;
    }
}
