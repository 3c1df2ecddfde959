using Glas.Web.Monitoring;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Monitoring;

[Trait("Category", "Unit")]
public class ScorecardTests
{
    private static ScoreStatus Higher((int, decimal)? latest, int currentYear = 2025) =>
        Scorecard.Indicator(IndicatorDirection.HigherIsBetter, 20m, 2022, 100m, 2027, latest, currentYear);

    [Fact]
    public void No_value_is_no_data() => Higher(null).ShouldBe(ScoreStatus.NoData);

    [Theory]
    // 2025 is 3/5 of the way: 60 % expected. Achieved (v − 20) / 80.
    [InlineData(68, ScoreStatus.OnTrack)]   // 60 % achieved: no shortfall
    [InlineData(60, ScoreStatus.OnTrack)]   // 50 %: exactly 10 points short
    [InlineData(59, ScoreStatus.AtRisk)]    // 48.75 %: just over 10
    [InlineData(48, ScoreStatus.AtRisk)]    // 35 %: exactly 25 points short
    [InlineData(47, ScoreStatus.OffTrack)]  // 33.75 %
    [InlineData(10, ScoreStatus.OffTrack)]  // went the wrong way
    public void Higher_is_better_against_elapsed_time(decimal value, ScoreStatus expected) =>
        Higher((2025, value)).ShouldBe(expected);

    [Fact]
    public void A_target_reached_early_is_on_track() => Higher((2023, 100m)).ShouldBe(ScoreStatus.OnTrack);

    [Fact]
    public void Lower_is_better_reads_the_other_way()
    {
        // Days to answer: 60 → 30 by 2027; in 2025, 60 % of the way means 42.
        Scorecard.Indicator(IndicatorDirection.LowerIsBetter, 60m, 2022, 30m, 2027, (2025, 42m), 2025).ShouldBe(ScoreStatus.OnTrack);
        Scorecard.Indicator(IndicatorDirection.LowerIsBetter, 60m, 2022, 30m, 2027, (2025, 58m), 2025).ShouldBe(ScoreStatus.OffTrack);
        Scorecard.Indicator(IndicatorDirection.LowerIsBetter, 60m, 2022, 30m, 2027, (2024, 29m), 2025).ShouldBe(ScoreStatus.OnTrack);
    }

    [Fact]
    public void A_period_ended_short_of_the_target_is_off_track()
    {
        Higher((2027, 99m), 2027).ShouldBe(ScoreStatus.OffTrack);
        Higher((2026, 95m), 2028).ShouldBe(ScoreStatus.OffTrack);
        Higher((2027, 100m), 2028).ShouldBe(ScoreStatus.OnTrack);
    }

    [Fact]
    public void A_value_in_the_baseline_year_expects_nothing_yet() => Higher((2022, 20m)).ShouldBe(ScoreStatus.OnTrack);

    [Theory]
    [InlineData(MeasureStatus.Completed, 40, "2025-06-01", ScoreStatus.OnTrack)]
    [InlineData(MeasureStatus.Cancelled, 40, "2025-06-01", ScoreStatus.NoData)]
    [InlineData(MeasureStatus.NotStarted, 0, "2023-12-31", ScoreStatus.OnTrack)]   // before it starts
    [InlineData(MeasureStatus.InProgress, 50, "2025-01-01", ScoreStatus.OnTrack)]  // half the time, half done
    [InlineData(MeasureStatus.InProgress, 30, "2025-01-01", ScoreStatus.AtRisk)]
    [InlineData(MeasureStatus.InProgress, 20, "2025-01-01", ScoreStatus.OffTrack)]
    [InlineData(MeasureStatus.Delayed, 60, "2025-01-01", ScoreStatus.AtRisk)]      // said to be late: never "on track"
    [InlineData(MeasureStatus.InProgress, 99, "2026-01-01", ScoreStatus.OffTrack)] // period ended
    [InlineData(MeasureStatus.InProgress, 100, "2026-01-01", ScoreStatus.OnTrack)]
    public void Measures_against_their_time(MeasureStatus status, int progress, string today, ScoreStatus expected) =>
        Scorecard.Measure(status, progress, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(expected);

    [Fact]
    public void Roll_up_counts_only_what_has_data()
    {
        Scorecard.RollUp([]).ShouldBe(ScoreStatus.NoData);
        Scorecard.RollUp([ScoreStatus.NoData]).ShouldBe(ScoreStatus.NoData);
        Scorecard.RollUp([ScoreStatus.OnTrack, ScoreStatus.OnTrack, ScoreStatus.OnTrack, ScoreStatus.OffTrack, ScoreStatus.NoData]).ShouldBe(ScoreStatus.OnTrack);
        Scorecard.RollUp([ScoreStatus.OnTrack, ScoreStatus.AtRisk]).ShouldBe(ScoreStatus.AtRisk);
        Scorecard.RollUp([ScoreStatus.OnTrack, ScoreStatus.AtRisk, ScoreStatus.OffTrack]).ShouldBe(ScoreStatus.OffTrack);
    }
}
