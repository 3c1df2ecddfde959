using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Bodies;

/// <summary>A meeting's agenda as the partial shows it: the items, each item's documents, and for staff the address the items' documents are kept under.</summary>
public sealed record AgendaView(List<AgendaItem> Items, Dictionary<Guid, List<DocumentView>> Documents, string? ManagePath = null);

/// <summary>A meeting's page: when and where, its agenda with the decisions and votes, attendance, the agenda's and minutes' documents.</summary>
public sealed class MeetingModel(GlasDbContext db, DocumentLibrary library) : PageModel
{
    public Body Body { get; private set; } = null!;
    public Meeting Meeting { get; private set; } = null!;
    public List<AgendaItem> Agenda { get; private set; } = [];
    public List<DocumentView> Documents { get; private set; } = [];
    public Dictionary<Guid, List<DocumentView>> ItemDocuments { get; private set; } = [];

    /// <summary>The members recorded present (public names, which members agreed to), when the record was kept.</summary>
    public List<BodyMember> Present { get; private set; } = [];

    public AgendaView AgendaView => new(Agenda, ItemDocuments);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid meetingId, CancellationToken ct)
    {
        if (!await LoadAsync(this, db, library, id, meetingId, ct))
        {
            return NotFound();
        }
        ItemDocuments = await library.ListAsync(AgendaItemDocumentSubjects.SubjectKind, Agenda.Select(a => a.Id).ToList(), ct);
        Present = await db.MeetingAttendance.AsNoTracking().Where(a => a.MeetingId == meetingId)
            .Join(db.BodyMembers, a => a.MemberId, m => m.Id, (a, m) => m).OrderBy(m => m.Role).ThenBy(m => m.PublicName).ToListAsync(ct);
        return Page();
    }

    /// <summary>Loads a meeting of the body (404 when either is not of this administration), for this page and the staff page.</summary>
    public static async Task<bool> LoadAsync(MeetingModel? page, GlasDbContext db, DocumentLibrary library, Guid id, Guid meetingId, CancellationToken ct,
        Action<Body, Meeting, List<AgendaItem>, List<DocumentView>>? into = null)
    {
        var found = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId && m.BodyId == id)
            .Join(db.Bodies, m => m.BodyId, b => b.Id, (m, b) => new { Meeting = m, Body = b }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return false;
        }
        var agenda = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meetingId).OrderBy(a => a.Number).ToListAsync(ct);
        var documents = await library.ListAsync(MeetingDocumentSubjects.SubjectKind, meetingId, ct);
        if (page is not null)
        {
            (page.Body, page.Meeting, page.Agenda, page.Documents) = (found.Body, found.Meeting, agenda, documents);
        }
        into?.Invoke(found.Body, found.Meeting, agenda, documents);
        return true;
    }
}
