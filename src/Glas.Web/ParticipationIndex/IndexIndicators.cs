namespace Glas.Web.ParticipationIndex;

/// <summary>How an indicator's raw value is read: a count per year, a rate per 1,000 residents per year, a share in per cent, days or a 1–5 average.</summary>
public enum IndicatorUnit
{
    PerYear,
    PerThousandPerYear,
    Percent,
    Days,
    Average,
}

/// <summary>One module's number an indicator is computed from, e.g. ("feedback", "answered_on_time").</summary>
public sealed record StatisticKey(string Module, string Key)
{
    public override string ToString() => Module + "." + Key;
}

/// <summary>
/// One indicator of the participation index: which modules' numbers it reads, how it turns them into
/// a raw value (null is "no data"), whether more is better, and its default bounds and weight. The
/// wording (name, formula, source) is in the resources under <c>Indicator.{Code}.*</c>.
/// </summary>
public sealed record IndicatorDefinition(
    string Code,
    IndicatorUnit Unit,
    bool HigherIsBetter,
    decimal DefaultLower,
    decimal DefaultUpper,
    decimal DefaultWeight,
    IReadOnlyList<StatisticKey> Inputs,
    Func<IndexInputs, decimal?> Raw);

/// <summary>The numbers the modules reported for one period of one administration, with what the per-year and per-resident indicators need.</summary>
public sealed class IndexInputs(IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> modules, int? population, decimal annualFactor)
{
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> Modules { get; } = modules;

    /// <summary>Residents served (the administration's setting); null when not set.</summary>
    public int? Population { get; } = population;

    /// <summary>What a count in this period is multiplied by to make it a count per year (4 for a quarter, more for a period not over yet).</summary>
    public decimal AnnualFactor { get; } = annualFactor;

    /// <summary>The number, or null when the module is absent or did not report it.</summary>
    public decimal? Get(StatisticKey key) =>
        Modules.TryGetValue(key.Module, out var numbers) && numbers.TryGetValue(key.Key, out var value) ? value : null;

    public decimal? Get(string module, string key) => Get(new StatisticKey(module, key));
}

/// <summary>The indicators of the index, in the order the methodology lists them.</summary>
public static class IndexIndicators
{
    private static readonly StatisticKey Consultations = new("consultations", "consultations");
    private static readonly StatisticKey ConsultationsClosed = new("consultations", "closed");
    private static readonly StatisticKey ReportsOnTime = new("consultations", "reports_on_time");
    private static readonly StatisticKey Proposals = new("consultations", "proposals");
    private static readonly StatisticKey ProposalsAnswered = new("consultations", "proposals_answered");
    private static readonly StatisticKey ProposalsAccepted = new("consultations", "proposals_accepted");
    private static readonly StatisticKey ProcessRatings = new("consultations", "process_ratings");
    private static readonly StatisticKey ProcessRatingAverage = new("consultations", "process_rating_average");
    private static readonly StatisticKey FeedbackAnswered = new("feedback", "answered");
    private static readonly StatisticKey FeedbackOnTime = new("feedback", "answered_on_time");
    private static readonly StatisticKey FeedbackMedianDays = new("feedback", "median_days_to_answer");
    private static readonly StatisticKey FeedbackRatings = new("feedback", "ratings");
    private static readonly StatisticKey FeedbackSatisfaction = new("feedback", "satisfaction");
    private static readonly StatisticKey SurveyResponses = new("surveys", "survey_responses");
    private static readonly StatisticKey EventsHeld = new("events", "events_held");
    private static readonly StatisticKey EventsAttended = new("events", "attended");
    private static readonly StatisticKey Recommendations = new("monitoring", "recommendations");
    private static readonly StatisticKey RecommendationsAnswered = new("monitoring", "recommendations_answered");
    private static readonly StatisticKey RecommendationsAccepted = new("monitoring", "recommendations_accepted");
    private static readonly StatisticKey RecommendationsImplemented = new("monitoring", "recommendations_implemented");
    private static readonly StatisticKey CivicReports = new("monitoring", "civic_reports");

    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new("consultations_held", IndicatorUnit.PerYear, true, 0, 12, 8, [Consultations], i => PerYear(i, Consultations)),
        new("reports_on_time", IndicatorUnit.Percent, true, 0, 100, 10, [ConsultationsClosed, ReportsOnTime], i => Share(i, ReportsOnTime, ConsultationsClosed)),
        new("proposals_per_1000", IndicatorUnit.PerThousandPerYear, true, 0, 5, 10, [Proposals], i => PerThousand(i, Proposals)),
        new("proposals_accepted", IndicatorUnit.Percent, true, 0, 50, 8, [ProposalsAnswered, ProposalsAccepted], i => Share(i, ProposalsAccepted, ProposalsAnswered)),
        new("feedback_on_time", IndicatorUnit.Percent, true, 0, 100, 10, [FeedbackAnswered, FeedbackOnTime], i => Share(i, FeedbackOnTime, FeedbackAnswered)),
        new("feedback_median_days", IndicatorUnit.Days, false, 5, 60, 8, [FeedbackMedianDays], i => i.Get(FeedbackMedianDays)),
        new("survey_responses_per_1000", IndicatorUnit.PerThousandPerYear, true, 0, 20, 8, [SurveyResponses], i => PerThousand(i, SurveyResponses)),
        new("events_held", IndicatorUnit.PerYear, true, 0, 12, 6, [EventsHeld], i => PerYear(i, EventsHeld)),
        new("event_attendance_per_1000", IndicatorUnit.PerThousandPerYear, true, 0, 5, 6, [EventsAttended], i => PerThousand(i, EventsAttended)),
        new("recommendations_answered", IndicatorUnit.Percent, true, 0, 100, 8, [Recommendations, RecommendationsAnswered], i => Share(i, RecommendationsAnswered, Recommendations)),
        new("recommendations_implemented", IndicatorUnit.Percent, true, 0, 100, 6, [RecommendationsAccepted, RecommendationsImplemented], i => Share(i, RecommendationsImplemented, RecommendationsAccepted)),
        new("civic_reports", IndicatorUnit.PerYear, true, 0, 4, 6, [CivicReports], i => PerYear(i, CivicReports)),
        new("satisfaction", IndicatorUnit.Average, true, 1, 5, 6, [FeedbackRatings, FeedbackSatisfaction, ProcessRatings, ProcessRatingAverage], Satisfaction),
    ];

    public static IndicatorDefinition? Find(string code) => All.FirstOrDefault(d => d.Code == code);

    /// <summary>A count made a count per year; no data when the module did not report it.</summary>
    public static decimal? PerYear(IndexInputs inputs, StatisticKey key) =>
        inputs.Get(key) is { } count ? count * inputs.AnnualFactor : null;

    /// <summary>A count per year per 1,000 residents; no data without the count or without the population.</summary>
    public static decimal? PerThousand(IndexInputs inputs, StatisticKey key) =>
        inputs.Get(key) is { } count && inputs.Population is int population && population > 0
            ? count * inputs.AnnualFactor * 1000m / population
            : null;

    /// <summary>part / whole in per cent; no data when either is missing or there was nothing to count (whole is 0).</summary>
    public static decimal? Share(IndexInputs inputs, StatisticKey part, StatisticKey whole) =>
        inputs.Get(part) is { } p && inputs.Get(whole) is { } w && w > 0 ? Math.Min(100m, 100m * p / w) : null;

    /// <summary>The mean of every 1–5 rating given in the period (feedback answers and consultation processes), each source weighted by its number of ratings.</summary>
    public static decimal? Satisfaction(IndexInputs inputs)
    {
        decimal sum = 0, count = 0;
        foreach (var (n, mean) in new[] { (FeedbackRatings, FeedbackSatisfaction), (ProcessRatings, ProcessRatingAverage) })
        {
            if (inputs.Get(n) is { } ratings and > 0 && inputs.Get(mean) is { } average)
            {
                sum += ratings * average;
                count += ratings;
            }
        }
        return count > 0 ? sum / count : null;
    }
}
