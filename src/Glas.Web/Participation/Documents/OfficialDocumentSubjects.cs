using System.Security.Claims;
using Glas.Web.Platform.Identity;

namespace Glas.Web.Participation.Documents;

/// <summary>
/// The common kind of subject: its documents are public while it exists in the administration,
/// and the administration's Officials add them. A module names the kind, the types it offers and
/// how to tell that a subject exists (the tenant filter scopes that query to the administration).
/// </summary>
public abstract class OfficialDocumentSubjects(TenantRoles roles) : IDocumentSubjects
{
    public abstract string Kind { get; }

    public abstract IReadOnlyList<DocumentType> Types { get; }

    /// <summary>Whether the subject exists in the current administration.</summary>
    protected abstract Task<bool> ExistsAsync(Guid subjectId, CancellationToken ct);

    public Task<bool> CanViewAsync(Guid subjectId, ClaimsPrincipal viewer, CancellationToken ct) => ExistsAsync(subjectId, ct);

    public async Task<bool> CanManageAsync(Guid subjectId, ClaimsPrincipal user, CancellationToken ct) =>
        await roles.CurrentRoleAsync(user) is { } role && RoleRules.Satisfies(role, TenantRole.Official) && await ExistsAsync(subjectId, ct);
}
