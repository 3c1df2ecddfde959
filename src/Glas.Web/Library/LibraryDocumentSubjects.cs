using System.Security.Claims;
using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Library;

/// <summary>A library entry's files: public; the administration's Officials add them and their new versions.</summary>
public sealed class LibraryDocumentSubjects(GlasDbContext db, TenantRoles roles) : IDocumentSubjects
{
    public const string SubjectKind = "library";

    public static readonly IReadOnlyList<DocumentType> DocumentTypes =
        [DocumentType.Report, DocumentType.Analysis, DocumentType.Strategy, DocumentType.CaseStudy, DocumentType.Guide, DocumentType.Other];

    public string Kind => SubjectKind;

    public IReadOnlyList<DocumentType> Types => DocumentTypes;

    public bool LinksAllowed => true;

    public Task<bool> CanViewAsync(Guid subjectId, ClaimsPrincipal viewer, CancellationToken ct) => db.LibraryEntries.AnyAsync(e => e.Id == subjectId, ct);

    public async Task<bool> CanManageAsync(Guid subjectId, ClaimsPrincipal user, CancellationToken ct) =>
        await roles.CurrentRoleAsync(user) is { } role && RoleRules.Satisfies(role, TenantRole.Official) && await db.LibraryEntries.AnyAsync(e => e.Id == subjectId, ct);
}
