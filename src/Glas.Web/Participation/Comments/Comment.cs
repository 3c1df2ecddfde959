using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Participation.Comments;

public enum AuthorShown
{
    DisplayName,
    Organisation,
    Anonymous,
}

/// <summary>
/// A comment on a subject of any module ("consultation", "project", …), on the whole subject or on
/// one unit of it (e.g. an article of a draft); a reply has a parent, one level deep. A hidden
/// comment stays in the record and the counts, shown as hidden; comments are never deleted by moderation.
/// </summary>
public sealed class Comment : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>The module's key for the kind of subject, e.g. "consultation".</summary>
    public required string SubjectKind { get; set; }

    public Guid SubjectId { get; set; }
    public Guid? UnitId { get; set; }
    public Guid? ParentId { get; set; }
    public Guid AuthorId { get; set; }
    public GlasUser? Author { get; set; }
    public AuthorShown Shown { get; set; }

    /// <summary>The organisation the author posted for, as it was named then.</summary>
    public string? OrganisationName { get; set; }

    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The id of the form submission that wrote it (one per rendered form): a form sent again —
    /// after a lost answer, a database restart or a double click — finds this comment instead of adding another.
    /// </summary>
    public Guid? SubmissionId { get; set; }

    /// <summary>When the author last changed the text (within <see cref="CommentRules.EditWindow"/>); shown as „редактиран“.</summary>
    public DateTimeOffset? EditedAt { get; set; }

    public int SupportCount { get; set; }

    public DateTimeOffset? HiddenAt { get; set; }
    public Guid? HiddenBy { get; set; }
    public string? HiddenReason { get; set; }

    public bool IsHidden => HiddenAt is not null;
}

/// <summary>"Подкрепям": one per user and comment.</summary>
public sealed class CommentSupport
{
    public Guid CommentId { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A participant's report of a comment to the moderators.</summary>
public sealed class CommentFlag
{
    public Guid Id { get; set; }
    public Guid CommentId { get; set; }
    public Guid ReporterId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
