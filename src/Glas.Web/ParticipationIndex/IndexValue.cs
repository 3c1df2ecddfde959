using System.Text.Json;
using Glas.Web.Platform.Tenancy;

namespace Glas.Web.ParticipationIndex;

/// <summary>
/// The index of one administration for one period as last computed (precomputed so the dashboard and
/// the open data read one row per period): the methodology version used, the index, and every
/// indicator with the numbers behind it.
/// </summary>
public sealed class IndexValue : ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>"2025" or "2025-Q3".</summary>
    public required string Period { get; set; }

    public PeriodKind Kind { get; set; }
    public DateOnly Start { get; set; }
    public DateOnly End { get; set; }
    public int MethodologyVersion { get; set; }

    /// <summary>0–100; null when no indicator had data.</summary>
    public decimal? Value { get; set; }

    /// <summary>The share of the methodology's weight whose indicators had data, in per cent.</summary>
    public decimal Coverage { get; set; }

    /// <summary>The indicators as JSON (a list of <see cref="IndicatorResult"/>).</summary>
    public string Indicators { get; set; } = "[]";

    public DateTimeOffset ComputedAt { get; set; }

    public IndexPeriod PeriodOf() => IndexPeriod.Parse(Period)!;

    public IReadOnlyList<IndicatorResult> Results() => JsonSerializer.Deserialize<List<IndicatorResult>>(Indicators, MethodologyRules.Json) ?? [];
}
