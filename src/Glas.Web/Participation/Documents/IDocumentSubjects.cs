using System.Security.Claims;

namespace Glas.Web.Participation.Documents;

/// <summary>
/// A module's answer to the documents component about its own subjects: which document types fit
/// them, who may see and who may add documents, and where a file is downloaded. A module registers
/// one in its AddServices; the component asks it before listing, serving or storing anything.
/// </summary>
public interface IDocumentSubjects
{
    /// <summary>The short kind stored with each document, e.g. "consultation".</summary>
    string Kind { get; }

    /// <summary>The types offered for this kind of subject, in the order they are listed.</summary>
    IReadOnlyList<DocumentType> Types { get; }

    /// <summary>Whether a document may be kept as a link (https) without a file.</summary>
    bool LinksAllowed => false;

    /// <summary>Whether the subject exists in the current administration and <paramref name="viewer"/> may see it and its documents.</summary>
    Task<bool> CanViewAsync(Guid subjectId, ClaimsPrincipal viewer, CancellationToken ct);

    /// <summary>Whether <paramref name="user"/> may add documents and versions to the subject now.</summary>
    Task<bool> CanManageAsync(Guid subjectId, ClaimsPrincipal user, CancellationToken ct);

    /// <summary>The address (under the administration) that downloads a version.</summary>
    string VersionPath(Guid subjectId, Guid documentId, Guid versionId) => $"/documents/{documentId}/versions/{versionId}";
}
