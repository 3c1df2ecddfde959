using Glas.Web.ParticipationIndex;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.ParticipationIndex;

[Trait("Category", "Unit")]
public class IndexCalculatorTests
{
    private static IndexInputs Inputs(int? population = 10_000, decimal factor = 1m, params (string Module, string Key, decimal Value)[] numbers) =>
        new(numbers.GroupBy(n => n.Module).ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, decimal>)g.ToDictionary(n => n.Key, n => n.Value)), population, factor);

    private static IndicatorDefinition D(string code) => IndexIndicators.Find(code)!;

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 100)]
    [InlineData(5, 50)]
    [InlineData(-3, 0)]
    [InlineData(25, 100)]
    public void Normalising_is_linear_between_the_bounds_and_clamped(decimal raw, decimal score) =>
        IndexCalculator.Normalise(raw, 0, 10, higherIsBetter: true).ShouldBe(score);

    [Fact]
    public void Less_is_better_reverses_the_scale()
    {
        IndexCalculator.Normalise(5, 5, 60, higherIsBetter: false).ShouldBe(100);
        IndexCalculator.Normalise(60, 5, 60, higherIsBetter: false).ShouldBe(0);
        IndexCalculator.Normalise(90, 5, 60, higherIsBetter: false).ShouldBe(0);
        IndexCalculator.Normalise(32.5m, 5, 60, higherIsBetter: false).ShouldBe(50);
    }

    [Fact]
    public void Bounds_in_the_wrong_order_are_an_error() =>
        Should.Throw<ArgumentException>(() => IndexCalculator.Normalise(1, 10, 10, true));

    public static TheoryData<string, (string, string, decimal)[], decimal?> Formulas => new()
    {
        { "consultations_held", [("consultations", "consultations", 3)], 3 },
        { "reports_on_time", [("consultations", "closed", 4), ("consultations", "reports_on_time", 3)], 75 },
        { "reports_on_time", [("consultations", "closed", 0), ("consultations", "reports_on_time", 0)], null },
        { "proposals_per_1000", [("consultations", "proposals", 25)], 2.5m },
        { "proposals_accepted", [("consultations", "proposals_answered", 8), ("consultations", "proposals_accepted", 2)], 25 },
        { "feedback_on_time", [("feedback", "answered", 10), ("feedback", "answered_on_time", 9)], 90 },
        { "feedback_on_time", [("feedback", "answered", 0), ("feedback", "answered_on_time", 0)], null },
        { "feedback_median_days", [("feedback", "median_days_to_answer", 12.5m)], 12.5m },
        { "survey_responses_per_1000", [("surveys", "survey_responses", 150)], 15 },
        { "events_held", [("events", "events_held", 6)], 6 },
        { "event_attendance_per_1000", [("events", "attended", 40)], 4 },
        { "recommendations_answered", [("monitoring", "recommendations", 10), ("monitoring", "recommendations_answered", 7)], 70 },
        { "recommendations_implemented", [("monitoring", "recommendations_accepted", 4), ("monitoring", "recommendations_implemented", 1)], 25 },
        { "civic_reports", [("monitoring", "civic_reports", 2)], 2 },
        { "satisfaction", [("feedback", "ratings", 3), ("feedback", "satisfaction", 4), ("consultations", "process_ratings", 1), ("consultations", "process_rating_average", 2)], 3.5m },
        { "satisfaction", [("feedback", "ratings", 0)], null },
    };

    [Theory]
    [MemberData(nameof(Formulas))]
    public void Each_formula_computes_its_raw_value_or_no_data(string code, (string, string, decimal)[] numbers, decimal? expected) =>
        D(code).Raw(Inputs(10_000, 1m, numbers)).ShouldBe(expected);

    [Fact]
    public void Every_indicator_scores_0_and_100_at_its_default_bounds()
    {
        foreach (var d in IndexIndicators.All)
        {
            IndexCalculator.Normalise(d.DefaultLower, d.DefaultLower, d.DefaultUpper, d.HigherIsBetter).ShouldBe(d.HigherIsBetter ? 0 : 100, d.Code);
            IndexCalculator.Normalise(d.DefaultUpper, d.DefaultLower, d.DefaultUpper, d.HigherIsBetter).ShouldBe(d.HigherIsBetter ? 100 : 0, d.Code);
        }
    }

    [Fact]
    public void A_quarter_is_made_yearly_and_per_resident_needs_the_population()
    {
        D("events_held").Raw(Inputs(null, 4m, ("events", "events_held", 2))).ShouldBe(8);
        D("survey_responses_per_1000").Raw(Inputs(null, 1m, ("surveys", "survey_responses", 100))).ShouldBeNull();
        D("survey_responses_per_1000").Raw(Inputs(20_000, 4m, ("surveys", "survey_responses", 100))).ShouldBe(20);
    }

    [Fact]
    public void An_absent_module_is_no_data_never_zero()
    {
        var result = IndexCalculator.Compute(MethodologyRules.Default, 1, Inputs(10_000, 1m, ("events", "events_held", 12), ("events", "attended", 0)));
        result.Indicators.Single(i => i.Code == "events_held").Score.ShouldBe(100);
        result.Indicators.Single(i => i.Code == "event_attendance_per_1000").Score.ShouldBe(0);
        result.Indicators.Where(i => i.Code is not ("events_held" or "event_attendance_per_1000")).ShouldAllBe(i => i.Raw == null && i.Score == null && i.EffectiveWeight == 0);
        // Only the two event indicators (6 % + 6 %) count, renormalised to 50 % each.
        result.Index.ShouldBe(50);
        result.Coverage.ShouldBe(12);
        result.Indicators.Single(i => i.Code == "events_held").EffectiveWeight.ShouldBe(50);
    }

    [Fact]
    public void Weights_combine_the_scores_with_data()
    {
        IndicatorSetting[] methodology = [new("events_held", 75, 0, 10), new("civic_reports", 25, 0, 4), new("consultations_held", 0, 0, 10)];
        var result = IndexCalculator.Compute(methodology, 3, Inputs(null, 1m, ("events", "events_held", 10), ("monitoring", "civic_reports", 0), ("consultations", "consultations", 10)));
        result.Index.ShouldBe(75);
        result.MethodologyVersion.ShouldBe(3);
        result.Indicators.Single(i => i.Code == "events_held").Numbers["events.events_held"].ShouldBe(10);
    }

    [Fact]
    public void With_no_data_at_all_there_is_no_index()
    {
        var result = IndexCalculator.Compute(MethodologyRules.Default, 1, Inputs(null, 1m));
        result.Index.ShouldBeNull();
        result.Coverage.ShouldBe(0);
    }

    [Fact]
    public void The_default_methodology_is_valid_and_adds_up_to_100()
    {
        MethodologyRules.Validate(MethodologyRules.Default).ShouldBeEmpty();
        MethodologyRules.Default.Sum(s => s.Weight).ShouldBe(100);
        MethodologyRules.Default.Count.ShouldBe(IndexIndicators.All.Count);
    }

    [Fact]
    public void Bad_weights_and_bounds_are_refused_with_bulgarian_messages()
    {
        var settings = MethodologyRules.Default.ToList();
        settings[0] = settings[0] with { Weight = settings[0].Weight + 1 };
        MethodologyRules.Validate(settings).ShouldContain(e => e.Code == "" && e.Message == "Теглата трябва да са общо 100 %, а сега са 101 %.");

        settings = MethodologyRules.Default.ToList();
        settings[1] = settings[1] with { Lower = -1 };
        MethodologyRules.Validate(settings).ShouldContain(new MethodologyError(settings[1].Code, "Lower", "Границите не могат да са отрицателни."));

        settings = MethodologyRules.Default.ToList();
        settings[2] = settings[2] with { Lower = 5, Upper = 5 };
        MethodologyRules.Validate(settings).ShouldContain(new MethodologyError(settings[2].Code, "Lower", "Долната граница трябва да е по-малка от горната."));

        settings = MethodologyRules.Default.ToList();
        settings[3] = settings[3] with { Weight = -10 };
        settings[4] = settings[4] with { Weight = settings[4].Weight + 10 };
        MethodologyRules.Validate(settings).ShouldContain(new MethodologyError(settings[3].Code, "Weight", "Теглото трябва да е между 0 и 100 %."));

        MethodologyRules.Validate([.. MethodologyRules.Default, new IndicatorSetting("nonsense", 0, 0, 1)]).ShouldContain(e => e.Message == "Непознат показател.");
    }

    [Fact]
    public void A_version_keeps_its_settings_and_fills_in_indicators_added_later()
    {
        var m = new IndexMethodology { Version = 2 };
        m.SetIndicators([new IndicatorSetting("events_held", 100, 0, 24)]);
        var read = m.Indicators();
        read.Count.ShouldBe(IndexIndicators.All.Count);
        read.Single(s => s.Code == "events_held").ShouldBe(new IndicatorSetting("events_held", 100, 0, 24));
        read.Where(s => s.Code != "events_held").ShouldAllBe(s => s.Weight == 0);
    }

    [Theory]
    [InlineData("2025", PeriodKind.Year, "2025-01-01", "2026-01-01")]
    [InlineData("2025-Q3", PeriodKind.Quarter, "2025-07-01", "2025-10-01")]
    public void Periods_are_calendar_years_and_quarters(string key, PeriodKind kind, string start, string end)
    {
        var p = IndexPeriod.Parse(key)!;
        p.Kind.ShouldBe(kind);
        p.Start.ShouldBe(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture));
        p.End.ShouldBe(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture));
        p.Key.ShouldBe(key);
    }

    [Theory]
    [InlineData("2025-Q5")]
    [InlineData("25")]
    [InlineData("1999")]
    [InlineData("2025-q1")]
    [InlineData("'; drop table")]
    public void Bad_period_keys_are_not_periods(string key) => IndexPeriod.Parse(key).ShouldBeNull();

    [Fact]
    public void A_finished_quarter_counts_four_times_and_a_running_one_more()
    {
        var q = IndexPeriod.Parse("2025-Q1")!;
        q.AnnualFactor(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).ShouldBe(4);
        IndexPeriod.Parse("2025")!.AnnualFactor(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)).ShouldBe(1);
        q.AnnualFactor(q.From.AddDays(45)).ShouldBeGreaterThan(7.9m);
    }

    [Fact]
    public void Recent_periods_are_three_years_and_eight_quarters()
    {
        var periods = IndexPeriod.Recent(new DateTimeOffset(2026, 2, 10, 12, 0, 0, TimeSpan.Zero));
        periods.Where(p => p.Kind == PeriodKind.Year).Select(p => p.Key).ShouldBe(["2024", "2025", "2026"]);
        periods.Where(p => p.Kind == PeriodKind.Quarter).Select(p => p.Key).ShouldBe(["2024-Q2", "2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"]);
    }
}
