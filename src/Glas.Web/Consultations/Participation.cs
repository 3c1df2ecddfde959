namespace Glas.Web.Consultations;

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
