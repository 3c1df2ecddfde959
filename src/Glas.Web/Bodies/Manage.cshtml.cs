using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Bodies;

/// <summary>
/// Officials keep a body: its details, its members (added with their consent to a public name,
/// ended rather than deleted), its meetings and its documents. The new-body page posts here too.
/// </summary>
[Authorize(Policy = Policies.Official)]
[RequestSizeLimit(25 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 25 * 1024 * 1024)]
public class ManageModel(GlasDbContext db, DocumentLibrary library, TimeProvider time, IStringLocalizer<BodiesText> t) : PageModel
{
    [BindProperty] public BodyInput Input { get; set; } = new();
    [BindProperty] public MemberInput Member { get; set; } = new();
    [BindProperty] public MeetingInput NewMeeting { get; set; } = new();
    [BindProperty(Name = DocumentForm.Prefix)] public DocumentInput Document { get; set; } = new();
    [BindProperty(Name = DocumentForm.FileField)] public IFormFile? DocumentFile { get; set; }

    public Body? Body { get; private set; }
    public List<BodyMember> Members { get; private set; } = [];
    public List<DocumentView> Documents { get; private set; } = [];

    public List<SelectListItem> Kinds => Enum.GetValues<BodyKind>().Select(k => new SelectListItem(t["Kind." + k], k.ToString())).ToList();
    public List<SelectListItem> Roles => Enum.GetValues<MemberRole>().Select(r => new SelectListItem(t["Role." + r], r.ToString())).ToList();
    public DocumentUploadForm UploadForm => new("Document", BodyDocumentSubjects.DocumentTypes, Documents, false, library.MaxUploadBytes, Document);

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } bodyId)
        {
            if (!await LoadAsync(bodyId, ct))
            {
                return NotFound();
            }
            Input = BodyInput.From(Body!);
        }
        else
        {
            Input = new BodyInput { TermStart = Platform.Localization.Formats.ToSofia(time.GetUtcNow()).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostBodyAsync(Guid? id, CancellationToken ct)
    {
        Only("Input.");
        var now = time.GetUtcNow();
        var tenant = HttpContext.CurrentTenant();
        Body target;
        if (id is { } bodyId)
        {
            if (await db.Bodies.FirstOrDefaultAsync(b => b.Id == bodyId, ct) is not { } existing)
            {
                return NotFound();
            }
            target = existing;
        }
        else
        {
            target = new Body { Id = Guid.CreateVersion7(now), TenantId = tenant.Id, Name = "", Mandate = "", CreatedAt = now };
        }
        if (Fail(BodyEditor.Apply(Input, target), "Input."))
        {
            if (id is { } b)
            {
                await LoadAsync(b, ct);
            }
            return Page();
        }
        target.UpdatedAt = now;
        if (id is null)
        {
            db.Bodies.Add(target);
        }
        Audit(id is null ? "body.create" : "body.update", target.Id, target.Name);
        await db.SaveChangesAsync(ct);
        return Done(target.Id, "Saved");
    }

    public async Task<IActionResult> OnPostMemberAsync(Guid id, CancellationToken ct)
    {
        Only("Member.");
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var member = new BodyMember { Id = Guid.CreateVersion7(time.GetUtcNow()), TenantId = Body!.TenantId, BodyId = id, PublicName = "" };
        if (Fail(BodyEditor.Apply(Member, member), "Member."))
        {
            return Page();
        }
        db.BodyMembers.Add(member);
        Audit("body.member.add", id, member.PublicName);
        await db.SaveChangesAsync(ct);
        return Done(id, "Member.Saved");
    }

    /// <summary>Ends a membership today; the row stays, as the body's history.</summary>
    public async Task<IActionResult> OnPostEndMemberAsync(Guid id, Guid memberId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(Platform.Localization.Formats.ToSofia(time.GetUtcNow()).DateTime);
        if (await db.BodyMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.BodyId == id && m.To == null, ct) is not { } member)
        {
            return NotFound();
        }
        member.To = today < member.From ? member.From : today;
        Audit("body.member.end", id, member.PublicName);
        await db.SaveChangesAsync(ct);
        return Done(id, "Member.Ended");
    }

    public async Task<IActionResult> OnPostMeetingAsync(Guid id, CancellationToken ct)
    {
        Only("NewMeeting.");
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var now = time.GetUtcNow();
        var meeting = new Meeting { Id = Guid.CreateVersion7(now), TenantId = Body!.TenantId, BodyId = id, Title = "", Status = MeetingStatus.Planned, CreatedAt = now, UpdatedAt = now };
        if (Fail(BodyEditor.Apply(NewMeeting, meeting), "NewMeeting."))
        {
            return Page();
        }
        db.Meetings.Add(meeting);
        Audit("meeting.create", id, meeting.Title);
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Meeting.Saved"].Value;
        return Redirect($"{Request.PathBase}{BodyPaths.Meeting(id, meeting.Id)}/manage");
    }

    public async Task<IActionResult> OnPostDocumentAsync(Guid id, CancellationToken ct)
    {
        Only("Document");
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        return (await library.AddAsync(BodyDocumentSubjects.SubjectKind, id, Document, DocumentFile, User, null, ct)).Answer(this, () => Done(id, "Documents.Saved"));
    }

    private void Only(string prefix)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private bool Fail(List<(string Field, string Key)> errors, string prefix)
    {
        foreach (var (field, key) in errors)
        {
            ModelState.AddModelError(prefix + field, t[key]);
        }
        return errors.Count > 0;
    }

    private void Audit(string action, Guid bodyId, string details) => db.AuditEntries.Add(new AuditEntry
    {
        TenantId = HttpContext.CurrentTenant().Id, ActorUserId = User.UserId(), Action = action, Subject = $"body:{bodyId}", Details = details, At = time.GetUtcNow(),
    });

    private RedirectResult Done(Guid id, string message)
    {
        TempData["Status"] = t[message].Value;
        return Redirect($"{Request.PathBase}/bodies/{id}/manage");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is not { } body)
        {
            return false;
        }
        Body = body;
        Members = await db.BodyMembers.AsNoTracking().Where(m => m.BodyId == id).OrderBy(m => m.To != null).ThenBy(m => m.Role).ThenBy(m => m.PublicName).Take(1000).ToListAsync(ct);
        Documents = await library.ListAsync(BodyDocumentSubjects.SubjectKind, id, ct);
        return true;
    }
}
