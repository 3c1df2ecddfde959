using System.Security.Claims;
using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Events;

/// <summary>An event's documents and, afterwards, its materials: public; the administration's Officials add them.</summary>
public sealed class EventDocumentSubjects(GlasDbContext db, TenantRoles roles) : IDocumentSubjects
{
    public const string SubjectKind = "event";

    public static readonly IReadOnlyList<DocumentType> DocumentTypes = [DocumentType.Agenda, DocumentType.Materials, DocumentType.Report, DocumentType.Other];

    public string Kind => SubjectKind;

    public IReadOnlyList<DocumentType> Types => DocumentTypes;

    public Task<bool> CanViewAsync(Guid subjectId, ClaimsPrincipal viewer, CancellationToken ct) => db.Events.AnyAsync(e => e.Id == subjectId, ct);

    public async Task<bool> CanManageAsync(Guid subjectId, ClaimsPrincipal user, CancellationToken ct) =>
        await roles.CurrentRoleAsync(user) is { } role && RoleRules.Satisfies(role, TenantRole.Official) && await db.Events.AnyAsync(e => e.Id == subjectId, ct);
}
