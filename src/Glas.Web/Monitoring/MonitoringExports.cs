using Glas.Web.Platform.OpenData;

namespace Glas.Web.Monitoring;

/// <summary>A recommendation with whether it is overdue today, as a row of the export.</summary>
public sealed record RecommendationLine(Recommendation R, bool Overdue);

/// <summary>One yearly value of an indicator of a goal, as a row of the export.</summary>
public sealed record IndicatorLine(GoalCard Goal, IndicatorCard Indicator, IndicatorValue Value);

/// <summary>The monitoring tables as open data, their columns declared once for CSV and XLSX.</summary>
public static class MonitoringExports
{
    public static readonly TableExport<RecommendationLine> Recommendations = new("Recommendations",
    [
        ExportColumn.Of<RecommendationLine>("id", "Stable identifier (UUID).", l => l.R.Id.ToString()),
        ExportColumn.Of<RecommendationLine>("title", "Title of the recommendation.", l => l.R.Title),
        ExportColumn.Of<RecommendationLine>("source", "Where it came from: " + string.Join(", ", Enum.GetNames<RecommendationSource>()) + ".", l => l.R.Source.ToString()),
        ExportColumn.Of<RecommendationLine>("addressee", "Unit of the administration it is addressed to.", l => l.R.AddresseeUnit),
        ExportColumn.Of<RecommendationLine>("author", "Display name of the author.", l => l.R.AuthorName),
        ExportColumn.Of<RecommendationLine>("created", "When it was made (ISO 8601 with the Sofia offset).", l => l.R.CreatedAt),
        ExportColumn.Of<RecommendationLine>("answer_due", "Date the answer is due (ISO 8601 date).", l => l.R.AnswerDue),
        ExportColumn.Of<RecommendationLine>("answer", "The administration's answer: " + string.Join(", ", Enum.GetNames<AnswerStatus>()) + ".", l => l.R.Answer.ToString()),
        ExportColumn.Of<RecommendationLine>("reason", "Reason given with the answer.", l => l.R.AnswerReason),
        ExportColumn.Of<RecommendationLine>("planned_action", "Action the administration plans.", l => l.R.PlannedAction),
        ExportColumn.Of<RecommendationLine>("deadline", "Deadline of the planned action (ISO 8601 date).", l => l.R.Deadline),
        ExportColumn.Of<RecommendationLine>("implementation", "Implementation state, empty before any.", l => l.R.Implementation?.ToString()),
        ExportColumn.Of<RecommendationLine>("evidence", "Evidence of implementation.", l => l.R.Evidence),
        ExportColumn.Of<RecommendationLine>("stage", "Stage in the cycle.", l => RecommendationRules.Stage(l.R.Answer, l.R.Implementation)),
        ExportColumn.Of<RecommendationLine>("overdue", "Whether the answer or the implementation is overdue (true/false).", l => l.Overdue),
    ]);

    public static readonly TableExport<IndicatorLine> Indicators = new("Indicators",
    [
        ExportColumn.Of<IndicatorLine>("goal", "Goal of the policy.", l => l.Goal.Goal.Title),
        ExportColumn.Of<IndicatorLine>("code", "Code of the indicator.", l => l.Indicator.Indicator.Code),
        ExportColumn.Of<IndicatorLine>("indicator", "Name of the indicator.", l => l.Indicator.Indicator.Name),
        ExportColumn.Of<IndicatorLine>("unit", "Unit of measure.", l => l.Indicator.Indicator.UnitLabel),
        ExportColumn.Of<IndicatorLine>("baseline", "Baseline value (decimal point).", l => l.Indicator.Indicator.BaselineValue),
        ExportColumn.Of<IndicatorLine>("baseline_year", "Year of the baseline (integer).", l => l.Indicator.Indicator.BaselineYear),
        ExportColumn.Of<IndicatorLine>("target", "Target value (decimal point).", l => l.Indicator.Indicator.TargetValue),
        ExportColumn.Of<IndicatorLine>("target_year", "Year of the target (integer).", l => l.Indicator.Indicator.TargetYear),
        ExportColumn.Of<IndicatorLine>("direction", "Whether higher or lower is better.", l => l.Indicator.Indicator.Direction.ToString()),
        ExportColumn.Of<IndicatorLine>("year", "Year of the value (integer).", l => l.Value.Year),
        ExportColumn.Of<IndicatorLine>("value", "Measured value (decimal point).", l => l.Value.Value),
        ExportColumn.Of<IndicatorLine>("source", "Source of the value.", l => l.Value.SourceNote),
        ExportColumn.Of<IndicatorLine>("status", "Progress towards the target.", l => l.Indicator.Status.ToString()),
    ]);

    public static IEnumerable<RecommendationLine> Lines(IEnumerable<Recommendation> rows, DateOnly today) =>
        rows.Select(r => new RecommendationLine(r,
            RecommendationRules.AnswerOverdue(r.Answer, r.AnswerDue, today) || RecommendationRules.ImplementationOverdue(r.Implementation, r.Deadline, today)));

    public static IEnumerable<IndicatorLine> Lines(PolicyCard card) =>
        card.Goals.SelectMany(g => g.Indicators.SelectMany(i => i.Values.Select(v => new IndicatorLine(g, i, v))));
}
