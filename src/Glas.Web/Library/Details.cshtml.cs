using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Library;

/// <summary>An entry's page with its files and their versions; Officials add a file or a new version here.</summary>
[RequestSizeLimit(25 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 25 * 1024 * 1024)]
public sealed class DetailsModel(GlasDbContext db, DocumentLibrary library, TenantRoles roles, IStringLocalizer<LibraryText> t) : PageModel
{
    [BindProperty(Name = DocumentForm.Prefix)] public DocumentInput Document { get; set; } = new();
    [BindProperty(Name = DocumentForm.FileField)] public IFormFile? DocumentFile { get; set; }

    public LibraryEntry Entry { get; private set; } = null!;
    public List<DocumentView> Documents { get; private set; } = [];
    public bool Official { get; private set; }

    public DocumentUploadForm UploadForm => new("Document", LibraryDocumentSubjects.DocumentTypes, Documents, true, library.MaxUploadBytes, Document);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDocumentAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct) || !Official)
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        return (await library.AddAsync(LibraryDocumentSubjects.SubjectKind, id, Document, DocumentFile, User, null, ct)).Answer(this, () =>
        {
            TempData["Status"] = t["Documents.Saved"].Value;
            return Redirect($"{Request.PathBase}/library/{id}");
        });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.LibraryEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is not { } e)
        {
            return false;
        }
        Entry = e;
        Official = await roles.CurrentRoleAsync(User) is { } role && RoleRules.Satisfies(role, TenantRole.Official);
        Documents = await library.ListAsync(LibraryDocumentSubjects.SubjectKind, id, ct);
        return true;
    }
}
