namespace Glas.Web.Participation.Documents;

/// <summary>
/// What the shared list partial (_Documents) shows: a subject's documents with all their versions.
/// <paramref name="TitlePath"/> gives the address a title links to (by default the newest version);
/// with <paramref name="RemoveHandler"/>, each document has a button that posts to that page handler.
/// </summary>
public sealed record DocumentList(IReadOnlyList<DocumentView> Documents, Func<DocumentView, string>? TitlePath = null, string? RemoveHandler = null, string ListId = "documents");

/// <summary>What the shared upload partial (_DocumentUpload) needs: the page handler, the subject's types and documents, and what was posted.</summary>
public sealed record DocumentUploadForm(string Handler, IReadOnlyList<DocumentType> Types, IReadOnlyList<DocumentView> Existing, bool LinksAllowed, long MaxUploadBytes, DocumentInput? Values = null);
