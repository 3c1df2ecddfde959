using System.Globalization;
using System.Security.Claims;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Files;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Glas.Web.Participation.Documents;

/// <summary>A document as lists show it, with every version, newest first.</summary>
public sealed record DocumentView(Guid Id, Guid SubjectId, DocumentType Type, string Title, string Language, DateTimeOffset DocumentDate, string? Url, IReadOnlyList<VersionView> Versions)
{
    public VersionView? Latest => Versions.Count > 0 ? Versions[0] : null;
}

public sealed record VersionView(Guid Id, string FileName, string ContentType, long Size, string? Sha256, DateTimeOffset UploadedAt, string? Note, string Path);

/// <summary>What became of an upload: saved, refused field by field, or not allowed (answered as 404).</summary>
public sealed record DocumentUploadResult(IReadOnlyList<(string Field, string Message)> Errors, Document? Document = null, DocumentVersion? Version = null, bool NotFound = false)
{
    public bool Saved => Document is not null;

    /// <summary>Puts the refusals on the form's fields ("Document.Title", the file on "DocumentFile").</summary>
    public void AddTo(ModelStateDictionary modelState)
    {
        foreach (var (field, message) in Errors)
        {
            modelState.AddModelError(DocumentForm.Key(field), message);
        }
    }

    /// <summary>How a page answers the upload: 404 when the subject is not there for the user, the form again with its messages, or <paramref name="saved"/>.</summary>
    public Microsoft.AspNetCore.Mvc.IActionResult Answer(Microsoft.AspNetCore.Mvc.RazorPages.PageModel page, Func<Microsoft.AspNetCore.Mvc.IActionResult> saved)
    {
        if (NotFound)
        {
            return page.NotFound();
        }
        if (!Saved)
        {
            AddTo(page.ModelState);
            return page.Page();
        }
        return saved();
    }
}

/// <summary>Names of the shared upload form's fields.</summary>
public static class DocumentForm
{
    public const string Prefix = "Document";
    public const string FileField = "DocumentFile";

    public static string Key(string field) => field == "File" ? FileField : $"{Prefix}.{field}";
}

/// <summary>
/// The documents of every module's subjects: adds documents and versions (checked by content,
/// audited), lists a subject's documents with all versions, and serves any version as an
/// attachment once the owning module says the viewer may see the subject.
/// </summary>
public sealed class DocumentLibrary(
    GlasDbContext db, FileStore files, IOptions<FileStoreOptions> fileOptions, TimeProvider time,
    IEnumerable<IDocumentSubjects> subjects, IStringLocalizer<DocumentsText> t)
{
    public long MaxUploadBytes => fileOptions.Value.MaxUploadBytes;

    public IDocumentSubjects Subjects(string kind) =>
        subjects.FirstOrDefault(s => s.Kind == kind) ?? throw new InvalidOperationException($"No module declares documents of kind '{kind}'.");

    /// <summary>The subject's documents in the current administration, by date, each with all its versions.</summary>
    public async Task<List<DocumentView>> ListAsync(string kind, Guid subjectId, CancellationToken ct) =>
        (await ListAsync(kind, [subjectId], ct)).GetValueOrDefault(subjectId) ?? [];

    public Task<Dictionary<Guid, List<DocumentView>>> ListAsync(string kind, IReadOnlyCollection<Guid> subjectIds, CancellationToken ct) =>
        ListAsync(db, kind, subjectIds, Subjects(kind).VersionPath, ct);

    /// <summary>The documents of several subjects of one kind, by date, each with all its versions (newest first) and their addresses.</summary>
    public static async Task<Dictionary<Guid, List<DocumentView>>> ListAsync(GlasDbContext db, string kind, IReadOnlyCollection<Guid> subjectIds,
        Func<Guid, Guid, Guid, string> versionPath, CancellationToken ct)
    {
        var documents = await db.Documents.AsNoTracking().Include(d => d.Versions)
            .Where(d => d.SubjectKind == kind && subjectIds.Contains(d.SubjectId))
            .OrderBy(d => d.DocumentDate).ThenBy(d => d.Id)
            .ToListAsync(ct);
        return documents.GroupBy(d => d.SubjectId).ToDictionary(g => g.Key, g => g.Select(d => new DocumentView(d.Id, d.SubjectId, d.Type, d.Title, d.Language, d.DocumentDate, d.Url,
            d.Versions.OrderByDescending(v => v.UploadedAt).ThenByDescending(v => v.Id)
                .Select(v => new VersionView(v.Id, v.FileName, v.ContentType, v.Size, v.Sha256, v.UploadedAt, v.Note, versionPath(d.SubjectId, d.Id, v.Id)))
                .ToList())).ToList());
    }

    /// <summary>
    /// Adds a document with its first file, or (with <see cref="DocumentInput.DocumentId"/>) a new
    /// version of one of the subject's documents. <paramref name="alongside"/> adds what the module
    /// records with it (e.g. a timeline line), saved in the same transaction.
    /// </summary>
    public async Task<DocumentUploadResult> AddAsync(string kind, Guid subjectId, DocumentInput input, IFormFile? file, ClaimsPrincipal user,
        Action<Document, DocumentVersion?>? alongside, CancellationToken ct)
    {
        var owner = Subjects(kind);
        if (db.CurrentTenantId is not { } tenantId || !await owner.CanManageAsync(subjectId, user, ct))
        {
            return new([], NotFound: true);
        }
        var hasFile = file is { Length: > 0 };
        var errors = DocumentRules.Check(input, owner.Types, owner.LinksAllowed, hasFile, out var draft)
            .Select(e => (e.Field, Message: Message(e.Key))).ToList();

        Document? existing = null;
        if (input.DocumentId is { } documentId)
        {
            existing = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId && d.SubjectKind == kind && d.SubjectId == subjectId, ct);
            if (existing is null)
            {
                errors.Add(("DocumentId", t["Error.NoSuchDocument"].Value));
            }
        }

        UploadInspection? inspection = null;
        if (hasFile)
        {
            if (file!.Length > MaxUploadBytes)
            {
                errors.Add(("File", string.Format(CultureInfo.CurrentCulture, t["Error.TooLarge"], MaxUploadBytes / 1024 / 1024)));
            }
            else
            {
                await using var head = file.OpenReadStream();
                inspection = await UploadCheck.InspectAsync(head, ct);
                if (inspection.Kind == UploadKind.Unknown)
                {
                    errors.Add(("File", Refusal(inspection.Problem)));
                }
            }
        }
        if (errors.Count > 0)
        {
            return new(errors);
        }

        var now = time.GetUtcNow();
        var document = existing ?? new Document
        {
            Id = Guid.CreateVersion7(now), TenantId = tenantId, SubjectKind = kind, SubjectId = subjectId, Type = draft!.Type, Title = draft.Title,
            Language = draft.Language, DocumentDate = draft.Date ?? now, Url = draft.Url,
        };
        if (existing is null)
        {
            db.Documents.Add(document);
        }
        DocumentVersion? version = null;
        if (hasFile)
        {
            await using var content = file!.OpenReadStream();
            var (key, sha, size) = await files.SaveAsync(content, ct);
            version = new DocumentVersion
            {
                Id = Guid.CreateVersion7(now), DocumentId = document.Id, FileName = UploadCheck.SafeName(file.FileName, inspection!.Extension),
                ContentType = inspection.ContentType, Size = size, Sha256 = sha, StorageKey = key, UploadedAt = now, UploadedBy = user.UserId(), Note = draft!.Note,
            };
            db.DocumentVersions.Add(version);
        }
        db.AuditEntries.Add(new AuditEntry
        {
            TenantId = tenantId, ActorUserId = user.UserId(), Action = existing is null ? "document.add" : "document.version",
            Subject = $"{kind}:{subjectId}", Details = version is null ? document.Title : $"{document.Title} — {version.FileName}", At = now,
        });
        alongside?.Invoke(document, version);
        await db.SaveChangesAsync(ct);
        return new([], document, version);
    }

    /// <summary>
    /// Adds a document of trusted content (demo data, imports the administration runs), with its
    /// file when there is one; not checked, not audited, saved by the caller.
    /// </summary>
    public static async Task<Document> AddTrustedAsync(GlasDbContext db, FileStore files, Guid tenantId, string kind, Guid subjectId, DocumentType type, string title,
        DateTimeOffset date, (byte[] Content, string FileName, string ContentType)? file, CancellationToken ct, Guid? id = null)
    {
        var document = new Document { Id = id ?? Guid.CreateVersion7(date), TenantId = tenantId, SubjectKind = kind, SubjectId = subjectId, Type = type, Title = title, DocumentDate = date };
        if (file is { } f)
        {
            var (key, sha, size) = await files.SaveAsync(new MemoryStream(f.Content), ct);
            document.Versions.Add(new DocumentVersion { Id = Guid.CreateVersion7(date), FileName = f.FileName, ContentType = f.ContentType, Size = size, Sha256 = sha, StorageKey = key, UploadedAt = date });
        }
        db.Documents.Add(document);
        return document;
    }

    /// <summary>Removes a document with all its versions (the files stay on disk, as the audit log may name them).</summary>
    public async Task<bool> RemoveAsync(string kind, Guid subjectId, Guid documentId, ClaimsPrincipal user, CancellationToken ct)
    {
        var document = await db.Documents.FirstOrDefaultAsync(d => d.Id == documentId && d.SubjectKind == kind && d.SubjectId == subjectId, ct);
        if (document is null || !await Subjects(kind).CanManageAsync(subjectId, user, ct))
        {
            return false;
        }
        db.Documents.Remove(document);
        db.AuditEntries.Add(new AuditEntry { TenantId = document.TenantId, ActorUserId = user.UserId(), Action = "document.remove", Subject = $"{kind}:{subjectId}", Details = document.Title, At = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// A version as an attachment, 404 unless it belongs to a document of this administration (of
    /// the given subject, when one is named) whose module lets the viewer see the subject.
    /// </summary>
    public async Task<IResult> DownloadAsync(HttpContext http, Guid versionId, string? kind = null, Guid? subjectId = null, Guid? documentId = null) =>
        await ServeAsync(http, db.DocumentVersions.Where(v => v.Id == versionId), kind, subjectId, documentId);

    /// <summary>The newest version of a document, as <see cref="DownloadAsync"/>.</summary>
    public async Task<IResult> DownloadLatestAsync(HttpContext http, string kind, Guid subjectId, Guid documentId) =>
        await ServeAsync(http, db.DocumentVersions.Where(v => v.DocumentId == documentId).OrderByDescending(v => v.UploadedAt).ThenByDescending(v => v.Id).Take(1), kind, subjectId, documentId);

    private async Task<IResult> ServeAsync(HttpContext http, IQueryable<DocumentVersion> versions, string? kind, Guid? subjectId, Guid? documentId)
    {
        var ct = http.RequestAborted;
        // The join goes through Documents, so the administration's filter applies.
        var found = await versions.AsNoTracking()
            .Join(db.Documents, v => v.DocumentId, d => d.Id, (v, d) => new { v.StorageKey, v.ContentType, v.FileName, d.Id, d.SubjectKind, d.SubjectId })
            .FirstOrDefaultAsync(ct);
        if (found is null || (kind is not null && found.SubjectKind != kind) || (subjectId is not null && found.SubjectId != subjectId) || (documentId is not null && found.Id != documentId)
            || subjects.FirstOrDefault(s => s.Kind == found.SubjectKind) is not { } owner
            || !await owner.CanViewAsync(found.SubjectId, http.User, ct))
        {
            return Results.NotFound();
        }
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return files.Download(http, found.StorageKey, DocumentRules.SafeContentType(found.ContentType), found.FileName);
    }

    private string Message(string key) => key == "Error.Title"
        ? string.Format(CultureInfo.CurrentCulture, t[key], DocumentRules.MaxTitle)
        : key == "Error.NoteTooLong" ? string.Format(CultureInfo.CurrentCulture, t[key], DocumentRules.MaxNote) : t[key].Value;

    /// <summary>Why a file was refused, in the interface language.</summary>
    public string Refusal(UploadProblem problem) => problem switch
    {
        UploadProblem.Macros => t["Error.Macros"],
        UploadProblem.Expands => string.Format(CultureInfo.CurrentCulture, t["Error.Expands"], UploadCheck.MaxUnpackedBytes / 1024 / 1024, UploadCheck.MaxZipEntries),
        _ => t["Error.WrongType"],
    };
}
