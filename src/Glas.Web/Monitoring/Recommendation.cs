using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Monitoring;

public enum ReportKind
{
    /// <summary>Civic monitoring of a policy by an organisation.</summary>
    MonitoringReport,

    /// <summary>A study or analysis (проучване, анализ) by the administration or an organisation.</summary>
    Analysis,
}

public enum RecommendationSource
{
    Analysis,
    MonitoringReport,
    Organisation,
}

public enum AnswerStatus
{
    Pending,
    Accepted,
    PartiallyAccepted,
    NotAccepted,
}

public enum ImplementationStatus
{
    Planned,
    InProgress,
    Implemented,
    NotImplemented,
}

/// <summary>A civic monitoring report or an analysis, public and attributed to its author.</summary>
public sealed class MonitoringReport : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public ReportKind Kind { get; set; }
    public Guid? PolicyId { get; set; }
    public required string Title { get; set; }

    /// <summary>The organisation's account that wrote it; null when the administration published it.</summary>
    public Guid? AuthorUserId { get; set; }

    /// <summary>The organisation's (or administration's) name, as shown publicly.</summary>
    public required string AuthorName { get; set; }

    public required string Summary { get; set; }
    public string? Findings { get; set; }
    public DateTimeOffset PublishedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A recommendation (препоръка), the administration's answer to it, and how far it is implemented.</summary>
public sealed class Recommendation : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public RecommendationSource Source { get; set; }
    public Guid? ReportId { get; set; }
    public Guid? PolicyId { get; set; }
    public Guid? MeasureId { get; set; }
    public required string Title { get; set; }
    public string? Text { get; set; }
    public required string AddresseeUnit { get; set; }
    public Guid? AuthorUserId { get; set; }
    public required string AuthorName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The day the administration's answer is due (received + the configured days).</summary>
    public DateOnly AnswerDue { get; set; }

    public AnswerStatus Answer { get; set; }
    public string? AnswerReason { get; set; }
    public string? PlannedAction { get; set; }
    public DateOnly? Deadline { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }

    /// <summary>Null until accepted (wholly or partly).</summary>
    public ImplementationStatus? Implementation { get; set; }

    public string? Evidence { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One step of a recommendation's public timeline.</summary>
public sealed class RecommendationEvent : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid RecommendationId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? ActorUserId { get; set; }
    public required string ActorName { get; set; }

    /// <summary>"received", "answer.Accepted", "implementation.InProgress" …</summary>
    public required string Kind { get; set; }

    public string? Note { get; set; }
}

/// <summary>A monitoring report's rating of one measure of its policy, on the one scale for all (1 to 5).</summary>
public sealed class ReportRating : ITenantOwned
{
    public const int Min = 1;
    public const int Max = 5;

    public Guid ReportId { get; set; }
    public Guid MeasureId { get; set; }
    public Guid TenantId { get; set; }
    public int Rating { get; set; }
}
