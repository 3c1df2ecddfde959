using Glas.Web.Platform.Database;
using Glas.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Participation.Documents;

/// <summary>Versioned documents attached to the subjects of any module, declared to the platform (no navigation of its own).</summary>
public sealed class DocumentsModule : GlasModule
{
    public override string Key => "documents";

    /// <summary>Documents appear on the pages of every module.</summary>
    public override IEnumerable<string> EvictsOnWrite => [Platform.Caching.CacheScope.Everything];

    public override int Order => 5;

    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<DocumentLibrary>();

    public override void MapEndpoints(IEndpointRouteBuilder app) =>
        // Any version of any document; the owning module decides whether the viewer may see it.
        app.MapGet("/documents/{documentId:guid}/versions/{versionId:guid}", (Guid documentId, Guid versionId, DocumentLibrary library, HttpContext http) =>
            library.DownloadAsync(http, versionId, documentId: documentId))
            .ExcludeFromDescription();

    public override IEnumerable<PersonalReference> PersonalReferences => [new(typeof(DocumentVersion), nameof(DocumentVersion.UploadedBy))];

    public override async Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        var uploads = await db.DocumentVersions.AsNoTracking().Where(v => v.UploadedBy == userId).OrderBy(v => v.UploadedAt)
            .Join(db.Documents.IgnoreQueryFilters(), v => v.DocumentId, d => d.Id, (v, d) => new { d.SubjectKind, d.SubjectId, document = d.Title, v.FileName, v.UploadedAt, v.Note })
            .ToListAsync(ct);
        return uploads.Count == 0 ? null : new { uploads };
    }

    public override Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct) =>
        // The documents stay public; who uploaded a version is forgotten.
        db.DocumentVersions.Where(v => v.UploadedBy == userId).ExecuteUpdateAsync(s => s.SetProperty(v => v.UploadedBy, (Guid?)null), ct);
}
