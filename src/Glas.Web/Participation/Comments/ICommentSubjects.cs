using System.Security.Claims;

namespace Glas.Web.Participation.Comments;

/// <summary>
/// What a module tells the comments component about its subjects of one kind: whether one exists
/// for the viewer and accepts comments now, and how the moderation queue names and links to it.
/// Each module registers its implementation in its AddServices.
/// </summary>
public interface ICommentSubjects
{
    /// <summary>The <see cref="Comment.SubjectKind"/> this covers, e.g. "consultation".</summary>
    string Kind { get; }

    /// <summary>The audit action written when a moderator hides a comment on this kind of subject.</summary>
    string HiddenAuditAction => "comment.hidden";

    /// <summary>The subject in the current administration as the viewer may see it, or null when it is not there for them.</summary>
    Task<CommentSubject?> FindAsync(Guid subjectId, ClaimsPrincipal viewer, CancellationToken ct);

    /// <summary>Title and path (under the administration) of each place comments were made, for the moderation queue.</summary>
    Task<IReadOnlyDictionary<CommentPlace, CommentSubjectLink>> LinksAsync(IReadOnlyCollection<CommentPlace> places, CancellationToken ct);
}

/// <summary>A subject as the component needs it: whose it is, whether it takes comments now, and how long they may be.</summary>
public sealed record CommentSubject(Guid Id, Guid TenantId, bool AcceptsComments, int MaxLength);

/// <summary>Where a comment was made: the subject, and the unit of it if any.</summary>
public readonly record struct CommentPlace(Guid SubjectId, Guid? UnitId);

/// <summary>How the moderation queue shows a subject: the module's name for it, its title and its page.</summary>
public sealed record CommentSubjectLink(string Module, string Title, string Path);
