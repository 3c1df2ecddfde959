using System.Security.Claims;
using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Files;
using Glas.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Consultations;

public static class ConsultationFiles
{
    /// <summary>The kind consultations' documents are stored under.</summary>
    public const string Kind = "consultation";

    /// <summary>Why an upload was refused, in the interface language.</summary>
    public static string UploadRefusal(UploadProblem problem, Microsoft.Extensions.Localization.IStringLocalizer<ConsultationsText> t) => problem switch
    {
        UploadProblem.Macros => t["Upload.Macros"],
        UploadProblem.Expands => string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Upload.Expands"], UploadCheck.MaxUnpackedBytes / 1024 / 1024, UploadCheck.MaxZipEntries),
        _ => t["Upload.WrongType"],
    };

    /// <summary>The address of a version that consultations have always used; served by the documents component.</summary>
    public static IEndpointRouteBuilder MapConsultationFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/consultations/{id:guid}/files/{versionId:guid}", (Guid id, Guid versionId, DocumentLibrary library, HttpContext context) =>
            library.DownloadAsync(context, versionId, Kind, id)).ExcludeFromDescription();
        return app;
    }
}

/// <summary>What the documents component asks about a consultation: a draft's documents are for the administration's staff only.</summary>
public sealed class ConsultationDocumentSubjects(GlasDbContext db, TenantRoles roles) : IDocumentSubjects
{
    public string Kind => ConsultationFiles.Kind;

    public IReadOnlyList<DocumentType> Types { get; } =
        [DocumentType.Draft, DocumentType.Motives, DocumentType.ImpactAssessment, DocumentType.ProposalsReport, DocumentType.Consolidated, DocumentType.Other];

    public async Task<bool> CanViewAsync(Guid subjectId, ClaimsPrincipal viewer, CancellationToken ct)
    {
        var status = await db.Consultations.Where(c => c.Id == subjectId).Select(c => (ConsultationStatus?)c.Status).FirstOrDefaultAsync(ct);
        return status is { } s && (s != ConsultationStatus.Draft || await IsStaffAsync(viewer));
    }

    public async Task<bool> CanManageAsync(Guid subjectId, ClaimsPrincipal user, CancellationToken ct) =>
        await IsStaffAsync(user) && await db.Consultations.AnyAsync(c => c.Id == subjectId, ct);

    public string VersionPath(Guid subjectId, Guid documentId, Guid versionId) => $"/consultations/{subjectId}/files/{versionId}";

    /// <summary>Documents listed in the order of <see cref="Types"/>, then by title.</summary>
    public List<DocumentView> InOrder(IEnumerable<DocumentView> documents) =>
        documents.OrderBy(d => Types.ToList().IndexOf(d.Type)).ThenBy(d => d.Title, StringComparer.Ordinal).ToList();

    private async Task<bool> IsStaffAsync(ClaimsPrincipal user) => await roles.CurrentRoleAsync(user) is { } role && RoleRules.Satisfies(role, TenantRole.Official);
}
