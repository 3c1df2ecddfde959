using System.Security.Claims;
using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Projects;

/// <summary>What the documents component asks about a project: the register is public; its Officials add documents.</summary>
public sealed class ProjectDocumentSubjects(GlasDbContext db, TenantRoles roles) : IDocumentSubjects
{
    public const string SubjectKind = "project";

    public static readonly IReadOnlyList<DocumentType> DocumentTypes =
        [DocumentType.Report, DocumentType.Analysis, DocumentType.Strategy, DocumentType.CaseStudy, DocumentType.Other];

    public string Kind => SubjectKind;

    public IReadOnlyList<DocumentType> Types => DocumentTypes;

    /// <summary>A project's document may be a link to where it is published (e.g. ИСУН) rather than a file.</summary>
    public bool LinksAllowed => true;

    public Task<bool> CanViewAsync(Guid subjectId, ClaimsPrincipal viewer, CancellationToken ct) => db.Projects.AnyAsync(p => p.Id == subjectId, ct);

    public async Task<bool> CanManageAsync(Guid subjectId, ClaimsPrincipal user, CancellationToken ct) =>
        await roles.CurrentRoleAsync(user) is { } role && RoleRules.Satisfies(role, TenantRole.Official) && await db.Projects.AnyAsync(p => p.Id == subjectId, ct);

    public string VersionPath(Guid subjectId, Guid documentId, Guid versionId) => Path(subjectId, documentId, versionId);

    public static string Path(Guid projectId, Guid documentId, Guid versionId) => $"/projects/{projectId}/documents/{documentId}/versions/{versionId}";

    /// <summary>The address that always gives a document's newest file.</summary>
    public static string LatestPath(Guid projectId, Guid documentId) => $"/projects/{projectId}/documents/{documentId}/file";
}
