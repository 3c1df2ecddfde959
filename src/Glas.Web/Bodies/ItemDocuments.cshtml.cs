using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Bodies;

/// <summary>Officials add the documents of one agenda item (materials, draft decision, opinions); they show under the item on the meeting's page.</summary>
[Authorize(Policy = Policies.Official)]
[RequestSizeLimit(25 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 25 * 1024 * 1024)]
public sealed class ItemDocumentsModel(GlasDbContext db, DocumentLibrary library, IStringLocalizer<BodiesText> t) : PageModel
{
    [BindProperty(Name = DocumentForm.Prefix)] public DocumentInput Document { get; set; } = new();
    [BindProperty(Name = DocumentForm.FileField)] public IFormFile? DocumentFile { get; set; }

    public Body Body { get; private set; } = null!;
    public Meeting Meeting { get; private set; } = null!;
    public AgendaItem Item { get; private set; } = null!;
    public List<DocumentView> Documents { get; private set; } = [];

    public DocumentUploadForm UploadForm => new("Document", AgendaItemDocumentSubjects.DocumentTypes, Documents, false, library.MaxUploadBytes, Document);

    public async Task<IActionResult> OnGetAsync(Guid id, Guid meetingId, Guid itemId, CancellationToken ct) =>
        await LoadAsync(id, meetingId, itemId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDocumentAsync(Guid id, Guid meetingId, Guid itemId, CancellationToken ct)
    {
        if (!await LoadAsync(id, meetingId, itemId, ct))
        {
            return NotFound();
        }
        return (await library.AddAsync(AgendaItemDocumentSubjects.SubjectKind, itemId, Document, DocumentFile, User, null, ct)).Answer(this, () =>
        {
            TempData["Status"] = t["Documents.Saved"].Value;
            return Redirect($"{Request.PathBase}{BodyPaths.Meeting(id, meetingId)}/items/{itemId}/documents");
        });
    }

    /// <summary>The item of the meeting of the body, all of this administration; false (404) otherwise.</summary>
    private async Task<bool> LoadAsync(Guid id, Guid meetingId, Guid itemId, CancellationToken ct)
    {
        var found = await db.AgendaItems.AsNoTracking().Where(a => a.Id == itemId && a.MeetingId == meetingId)
            .Join(db.Meetings.Where(m => m.BodyId == id), a => a.MeetingId, m => m.Id, (a, m) => new { Item = a, Meeting = m })
            .Join(db.Bodies, x => x.Meeting.BodyId, b => b.Id, (x, b) => new { x.Item, x.Meeting, Body = b }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return false;
        }
        (Item, Meeting, Body) = (found.Item, found.Meeting, found.Body);
        Documents = await library.ListAsync(AgendaItemDocumentSubjects.SubjectKind, itemId, ct);
        return true;
    }
}
