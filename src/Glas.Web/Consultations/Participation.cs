using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Consultations;

public enum AuthorShown
{
    DisplayName,
    Organisation,
    Anonymous,
}

/// <summary>A comment on the whole draft (no unit) or on one unit; a reply has a parent, one level deep.</summary>
public sealed class Comment : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid ConsultationId { get; set; }
    public Guid? UnitId { get; set; }
    public Guid? ParentId { get; set; }
    public Guid AuthorId { get; set; }
    public GlasUser? Author { get; set; }
    public AuthorShown Shown { get; set; }

    /// <summary>The organisation the author posted for, as it was named then.</summary>
    public string? OrganisationName { get; set; }

    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public int SupportCount { get; set; }

    public DateTimeOffset? HiddenAt { get; set; }
    public Guid? HiddenBy { get; set; }
    public string? HiddenReason { get; set; }

    /// <summary>Top-level comments are the proposals the report must answer.</summary>
    public bool IsProposal => ParentId is null;
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

public enum AnswerOutcome
{
    Accepted,
    PartiallyAccepted,
    NotAccepted,
    NotAProposal,
}

/// <summary>The official's answer to one proposal, for the справка.</summary>
public sealed class ProposalAnswer
{
    public Guid CommentId { get; set; }
    public Guid ConsultationId { get; set; }
    public AnswerOutcome Outcome { get; set; }
    public string? Justification { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
    public Guid AnsweredBy { get; set; }

    /// <summary>A justification is required unless the proposal is accepted.</summary>
    public static bool NeedsJustification(AnswerOutcome outcome) => outcome != AnswerOutcome.Accepted;
}

/// <summary>A participant's rating of the process, 1–5, after commenting.</summary>
public sealed class ProcessRating
{
    public Guid ConsultationId { get; set; }
    public Guid UserId { get; set; }
    public int Score { get; set; }
    public string? Remark { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

public enum TimelineKind
{
    Created,
    Scheduled,
    Unscheduled,
    Opened,
    Closed,
    ReportPublished,
    Adopted,
    Withdrawn,
    DatesChanged,
    DocumentAdded,
    DraftChanged,
}

/// <summary>The public history of a consultation.</summary>
public sealed class TimelineEvent
{
    public long Id { get; set; }
    public Guid ConsultationId { get; set; }
    public DateTimeOffset At { get; set; }
    public TimelineKind Kind { get; set; }
    public string? Details { get; set; }
}
