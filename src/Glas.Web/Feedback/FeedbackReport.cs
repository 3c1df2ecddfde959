using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Feedback;

/// <summary>What the sender brings (АПК, глава осма): a proposal to improve something, or a signal about a wrong.</summary>
public enum FeedbackKind
{
    Signal,
    Proposal,
}

/// <summary>Where a report stands; <see cref="FeedbackStatusMachine"/> says which step may follow which.</summary>
public enum FeedbackStatus
{
    Received,
    Assigned,
    InProgress,
    Answered,
    Closed,
    Forwarded,
    Rejected,
    Duplicate,
}

/// <summary>A kind of problem an administration takes reports about (an Open311 "service").</summary>
public sealed class FeedbackCategory : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>Stable code, the Open311 service_code, e.g. "street-lighting".</summary>
    public required string Code { get; set; }

    public required string NameBg { get; set; }
    public required string NameEn { get; set; }

    /// <summary>The department that usually handles it, proposed when a report is assigned.</summary>
    public string? Department { get; set; }

    public int SortOrder { get; set; }

    public string Name(bool english) => english ? NameEn : NameBg;
}

/// <summary>
/// A signal or a proposal, registered with a number and date (АПК чл. 111, ал. 2). The sender is
/// always identified (чл. 111, ал. 4) but never shown publicly.
/// </summary>
public sealed class FeedbackReport : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }

    /// <summary>The registration number, e.g. "2026-000042", unique in the administration.</summary>
    public required string Number { get; set; }

    public FeedbackKind Kind { get; set; }
    public Guid CategoryId { get; set; }
    public FeedbackCategory? Category { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public required string Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>Shown on the public list and map (without the sender); otherwise only the sender and staff see it.</summary>
    public bool IsPublic { get; set; }

    public FeedbackStatus Status { get; set; }

    /// <summary>"web" or "open311".</summary>
    public required string Source { get; set; }

    /// <summary>The sender's account; null for a submission through Open311 by someone without one.</summary>
    public Guid? ReporterUserId { get; set; }

    public required string ReporterName { get; set; }
    public string? ReporterEmail { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When the decision is due (АПК чл. 118), moved by each extension.</summary>
    public DateTimeOffset DueAt { get; set; }

    public int Extensions { get; set; }
    public string? Department { get; set; }
    public Guid? AssigneeUserId { get; set; }

    /// <summary>The public answer; required to answer and to close.</summary>
    public string? Answer { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ForwardedTo { get; set; }
    public Guid? DuplicateOfId { get; set; }
    public string? RejectReason { get; set; }

    /// <summary>The sender's satisfaction with the answer, 1–5.</summary>
    public int? Rating { get; set; }

    public string? RatingRemark { get; set; }
    public DateTimeOffset? RatedAt { get; set; }

    /// <summary>The sender may reopen a disputed answer once.</summary>
    public bool Reopened { get; set; }
}

/// <summary>One entry of a report's timeline: a change of status, added information, an extension, an internal note.</summary>
public sealed class FeedbackEvent : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid ReportId { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>"status", "info", "extension", "note" (internal), "rating", "assignment".</summary>
    public required string Kind { get; set; }

    public FeedbackStatus? Status { get; set; }
    public string? Text { get; set; }

    /// <summary>False for internal notes and assignments: never shown outside the staff pages.</summary>
    public bool IsPublic { get; set; }

    public Guid? ActorUserId { get; set; }
}

/// <summary>The last registration number given in a year by an administration (see FeedbackDesk's numbering).</summary>
public sealed class FeedbackNumber : ITenantOwned
{
    public Guid TenantId { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}
