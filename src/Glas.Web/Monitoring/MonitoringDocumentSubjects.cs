using System.Security.Claims;
using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Monitoring;

/// <summary>A policy's documents (the policy itself, reports on its implementation, analyses): public; the administration's Officials add them.</summary>
public sealed class PolicyDocumentSubjects(GlasDbContext db, TenantRoles roles) : OfficialDocumentSubjects(roles)
{
    public const string SubjectKind = "policy";

    public static readonly IReadOnlyList<DocumentType> DocumentTypes = [DocumentType.Strategy, DocumentType.Report, DocumentType.Analysis, DocumentType.Decision, DocumentType.Other];

    public override string Kind => SubjectKind;

    public override IReadOnlyList<DocumentType> Types => DocumentTypes;

    protected override Task<bool> ExistsAsync(Guid subjectId, CancellationToken ct) => db.Policies.AnyAsync(p => p.Id == subjectId, ct);
}

/// <summary>
/// A monitoring report's or analysis's documents: public; added by the organisation that wrote it, or,
/// for the administration's own analyses, by its Officials.
/// </summary>
public sealed class ReportDocumentSubjects(GlasDbContext db, TenantRoles roles) : IDocumentSubjects
{
    public const string SubjectKind = "monitoring-report";

    public static readonly IReadOnlyList<DocumentType> DocumentTypes = [DocumentType.Report, DocumentType.Analysis, DocumentType.CaseStudy, DocumentType.Other];

    public string Kind => SubjectKind;

    public IReadOnlyList<DocumentType> Types => DocumentTypes;

    public Task<bool> CanViewAsync(Guid subjectId, ClaimsPrincipal viewer, CancellationToken ct) => db.MonitoringReports.AnyAsync(r => r.Id == subjectId, ct);

    public async Task<bool> CanManageAsync(Guid subjectId, ClaimsPrincipal user, CancellationToken ct)
    {
        var author = await db.MonitoringReports.Where(r => r.Id == subjectId).Select(r => new { r.AuthorUserId }).FirstOrDefaultAsync(ct);
        if (author is null)
        {
            return false;
        }
        return author.AuthorUserId is { } id
            ? user.UserId() == id
            : await roles.CurrentRoleAsync(user) is { } role && RoleRules.Satisfies(role, TenantRole.Official);
    }
}
