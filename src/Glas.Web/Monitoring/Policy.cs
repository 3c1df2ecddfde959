using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Monitoring;

public enum PolicyKind
{
    Strategy,
    Programme,
    Plan,
    Policy,
    Ordinance,
}

public enum MeasureStatus
{
    NotStarted,
    InProgress,
    Completed,
    Delayed,
    Cancelled,
}

/// <summary>What an indicator's values are: a share (0–100), a whole count, or any number.</summary>
public enum IndicatorUnit
{
    Percent,
    Count,
    Number,
}

public enum IndicatorDirection
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>A policy document in force (стратегия, програма, план …) and what it sets out to do.</summary>
public sealed class Policy : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public required string Title { get; set; }
    public PolicyKind Kind { get; set; }
    public string? Area { get; set; }
    public required string ResponsibleUnit { get; set; }
    public int StartYear { get; set; }
    public int EndYear { get; set; }
    public string? Summary { get; set; }

    /// <summary>The consultation that discussed the policy, when there was one.</summary>
    public Guid? ConsultationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<PolicyGoal> Goals { get; set; } = [];
}

public sealed class PolicyGoal : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid PolicyId { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
    public List<PolicyMeasure> Measures { get; set; } = [];
    public List<PolicyIndicator> Indicators { get; set; } = [];
}

/// <summary>A measure (дейност/мярка) under a goal: who does it, when, for how much, and how far it is.</summary>
public sealed class PolicyMeasure : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid GoalId { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
    public string? ResponsibleUnit { get; set; }
    public DateOnly PlannedStart { get; set; }
    public DateOnly PlannedEnd { get; set; }
    public decimal? Budget { get; set; }

    /// <summary>BGN or EUR, as in the project register; set whenever <see cref="Budget"/> is.</summary>
    public string? Currency { get; set; }

    public MeasureStatus Status { get; set; }

    /// <summary>0–100 %.</summary>
    public int Progress { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An indicator of a goal: where it started, where it should get to, and which way is better.</summary>
public sealed class PolicyIndicator : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid GoalId { get; set; }
    public int Position { get; set; }

    /// <summary>A code shared across administrations (e.g. by an association's members) to compare the same indicator.</summary>
    public string? Code { get; set; }

    public required string Name { get; set; }

    /// <summary>For an association: the member municipality the indicator measures (one of the association's members).</summary>
    public string? Municipality { get; set; }

    public IndicatorUnit Unit { get; set; }

    /// <summary>How values are written, e.g. "%", "бр.", "дни".</summary>
    public required string UnitLabel { get; set; }

    public decimal BaselineValue { get; set; }
    public int BaselineYear { get; set; }
    public decimal TargetValue { get; set; }
    public int TargetYear { get; set; }
    public IndicatorDirection Direction { get; set; }
    public string? DataSource { get; set; }
    public string? Frequency { get; set; }
    public List<IndicatorValue> Values { get; set; } = [];
}

/// <summary>A reported value for a year. A correction adds a new row and marks the old one replaced, so history stays.</summary>
public sealed class IndicatorValue : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid IndicatorId { get; set; }
    public int Year { get; set; }
    public decimal Value { get; set; }
    public string? SourceNote { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public Guid? ReportedById { get; set; }
    public required string ReportedByName { get; set; }
    public DateTimeOffset? ReplacedAt { get; set; }
}

/// <summary>A project in the register that finances a policy.</summary>
public sealed class PolicyProject : ITenantOwned
{
    public Guid PolicyId { get; set; }
    public Guid ProjectId { get; set; }
    public Guid TenantId { get; set; }
}
