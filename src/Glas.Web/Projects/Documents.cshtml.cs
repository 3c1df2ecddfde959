using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

/// <summary>Officials add a project's documents (a file, or a link) and new versions of them, and publish news about it.</summary>
[Authorize(Policy = Policies.Official)]
[RequestSizeLimit(25 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 25 * 1024 * 1024)]
public sealed class DocumentsModel(GlasDbContext db, ProjectEditor editor, TimeProvider time, DocumentLibrary library, IStringLocalizer<ProjectsText> t) : PageModel
{
    public sealed class NewsInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(300, ErrorMessage = "Validation.TooLong")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(20000, ErrorMessage = "Validation.TooLong")]
        public string? Body { get; set; }
    }

    [BindProperty(Name = DocumentForm.Prefix)] public DocumentInput Document { get; set; } = new();
    [BindProperty(Name = DocumentForm.FileField)] public IFormFile? DocumentFile { get; set; }
    [BindProperty] public NewsInput News { get; set; } = new();

    public Project Project { get; private set; } = null!;
    public List<ProjectNews> NewsItems { get; private set; } = [];

    public DocumentList DocumentList => new(Project.Documents, d => ProjectDocumentSubjects.LatestPath(Project.Id, d.Id), RemoveHandler: "RemoveDocument");

    public DocumentUploadForm UploadForm => new("Document", ProjectDocumentSubjects.DocumentTypes, Project.Documents, true, library.MaxUploadBytes, Document);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDocumentAsync(Guid id, CancellationToken ct)
    {
        // Only the document form was posted; the news form's (empty) fields are not this request's errors.
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith("Document", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            // A value that did not even bind (e.g. a document id that is not one).
            return Page();
        }
        return (await library.AddAsync(ProjectDocumentSubjects.SubjectKind, id, Document, DocumentFile, User, null, ct)).Answer(this, () =>
        {
            TempData["Status"] = t["Documents.Saved"].Value;
            return Redirect($"{Request.PathBase}/projects/{id}/documents");
        });
    }

    public async Task<IActionResult> OnPostRemoveDocumentAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        if (!await library.RemoveAsync(ProjectDocumentSubjects.SubjectKind, id, documentId, User, ct))
        {
            return NotFound();
        }
        TempData["Status"] = t["Documents.Removed"].Value;
        return Redirect($"{Request.PathBase}/projects/{id}/documents");
    }

    public async Task<IActionResult> OnPostNewsAsync(Guid id, CancellationToken ct)
    {
        ModelState.Remove("Document.Title");
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if ((News.Title is not null && ProjectEditor.HasControlCharacters(News.Title)) || (News.Body is not null && ProjectEditor.HasControlCharacters(News.Body)))
        {
            ModelState.AddModelError("News.Body", t["Error.Characters"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        db.ProjectNews.Add(new ProjectNews
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), TenantId = editor.TenantId, ProjectId = id, Title = News.Title!.Trim(),
            Body = News.Body!.Trim().Replace("\r\n", "\n", StringComparison.Ordinal), PublishedAt = time.GetUtcNow(),
        });
        editor.Audit(await db.ActorAsync(User, ct), "project.news.add", Project, News.Title.Trim());
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["News.Saved"].Value;
        return Redirect($"{Request.PathBase}/projects/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } project)
        {
            return false;
        }
        Project = project;
        Project.Documents = await library.ListAsync(ProjectDocumentSubjects.SubjectKind, id, ct);
        NewsItems = await db.ProjectNews.AsNoTracking().Where(n => n.ProjectId == id).OrderByDescending(n => n.PublishedAt).ToListAsync(ct);
        return true;
    }

    public static string LocalInput(DateTimeOffset at) => Formats.ToSofia(at).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
