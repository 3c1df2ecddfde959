using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Files;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

/// <summary>Officials list a project's documents (title, type, time of publication, link) and publish news about it.</summary>
[Authorize(Policy = Policies.Official)]
[RequestSizeLimit(25 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 25 * 1024 * 1024)]
public sealed class DocumentsModel(GlasDbContext db, ProjectEditor editor, TimeProvider time, FileStore files, Microsoft.Extensions.Options.IOptions<FileStoreOptions> fileOptions, IStringLocalizer<ProjectsText> t) : PageModel
{
    public sealed class DocumentInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(300, ErrorMessage = "Validation.TooLong")]
        public string? Title { get; set; }

        public string? Kind { get; set; }

        /// <summary>Local time in Bulgaria, as the seed lists it ("11.06.2020 / 16:19").</summary>
        public string? PublishedAt { get; set; }

        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        public string? Url { get; set; }
    }

    public sealed class NewsInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(300, ErrorMessage = "Validation.TooLong")]
        public string? Title { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(20000, ErrorMessage = "Validation.TooLong")]
        public string? Body { get; set; }
    }

    [BindProperty] public DocumentInput Document { get; set; } = new();
    [BindProperty] public IFormFile? DocumentFile { get; set; }

    public long MaxUploadBytes => fileOptions.Value.MaxUploadBytes;
    [BindProperty] public NewsInput News { get; set; } = new();

    public Project Project { get; private set; } = null!;
    public List<ProjectNews> NewsItems { get; private set; } = [];

    public IEnumerable<SelectListItem> KindItems => Enum.GetValues<DocumentKind>().Select(k => new SelectListItem(t["DocumentKind." + k], k.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDocumentAsync(Guid id, CancellationToken ct)
    {
        // Only the document form was posted; the news form's (empty) fields are not this request's errors,
        // whether they were bound with their prefix or, when absent, without it.
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith("Document", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        var kind = Enum.TryParse<DocumentKind>(Document.Kind, false, out var k) && Enum.IsDefined(k) && !(Document.Kind ?? "").Any(char.IsDigit) ? k : (DocumentKind?)null;
        if (kind is null)
        {
            ModelState.AddModelError("Document.Kind", t["Error.Invalid"]);
        }
        DateTimeOffset at = time.GetUtcNow();
        if (!string.IsNullOrWhiteSpace(Document.PublishedAt))
        {
            if (DateTime.TryParseExact(Document.PublishedAt.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm", "dd.MM.yyyy HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                at = Formats.FromSofia(local);
            }
            else
            {
                ModelState.AddModelError("Document.PublishedAt", t["Error.DateFormat"]);
            }
        }
        if (ProjectEditor.Clean(Document.Url) is { } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            ModelState.AddModelError("Document.Url", t["Error.Url"]);
        }
        if (Document.Title is not null && ProjectEditor.HasControlCharacters(Document.Title))
        {
            ModelState.AddModelError("Document.Title", t["Error.Characters"]);
        }
        var detected = UploadCheck.Unknown;
        if (DocumentFile is { Length: > 0 } file)
        {
            if (file.Length > MaxUploadBytes)
            {
                ModelState.AddModelError(nameof(DocumentFile), string.Format(CultureInfo.CurrentCulture, t["Error.FileTooLarge"], MaxUploadBytes / 1024 / 1024));
            }
            else
            {
                await using var head = file.OpenReadStream();
                detected = await UploadCheck.InspectAsync(head, ct);
                if (detected.Kind == UploadKind.Unknown)
                {
                    ModelState.AddModelError(nameof(DocumentFile), detected.Problem switch
                    {
                        UploadProblem.Macros => t["Error.FileMacros"],
                        UploadProblem.Expands => string.Format(CultureInfo.CurrentCulture, t["Error.FileExpands"], UploadCheck.MaxUnpackedBytes / 1024 / 1024, UploadCheck.MaxZipEntries),
                        _ => t["Error.FileType"],
                    });
                }
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var document = new ProjectDocument
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()), TenantId = editor.TenantId, ProjectId = id, Title = Document.Title!.Trim(), Kind = kind!.Value,
            PublishedAt = at, Url = ProjectEditor.Clean(Document.Url),
        };
        if (DocumentFile is { Length: > 0 } upload)
        {
            await using var content = upload.OpenReadStream();
            var (key, _, size) = await files.SaveAsync(content, ct);
            document.StorageKey = key;
            document.Size = size;
            document.ContentType = detected.ContentType;
            document.FileName = UploadCheck.SafeName(upload.FileName, detected.Extension);
        }
        db.ProjectDocuments.Add(document);
        editor.Audit(await db.ActorAsync(User, ct), "project.document.add", Project, Document.Title.Trim());
        await db.SaveChangesAsync(ct);
        TempData["Status"] = t["Documents.Saved"].Value;
        return Redirect($"{Request.PathBase}/projects/{id}/documents");
    }

    public async Task<IActionResult> OnPostRemoveDocumentAsync(Guid id, Guid documentId, CancellationToken ct)
    {
        var doc = await db.ProjectDocuments.FirstOrDefaultAsync(d => d.Id == documentId && d.ProjectId == id, ct);
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (doc is null || project is null)
        {
            return NotFound();
        }
        db.ProjectDocuments.Remove(doc);
        editor.Audit(await db.ActorAsync(User, ct), "project.document.remove", project, doc.Title);
        await db.SaveChangesAsync(ct);
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
        if (await db.Projects.AsNoTracking().Include(p => p.Documents).FirstOrDefaultAsync(p => p.Id == id, ct) is not { } project)
        {
            return false;
        }
        Project = project;
        NewsItems = await db.ProjectNews.AsNoTracking().Where(n => n.ProjectId == id).OrderByDescending(n => n.PublishedAt).ToListAsync(ct);
        return true;
    }

    public static string LocalInput(DateTimeOffset at) => Formats.ToSofia(at).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
