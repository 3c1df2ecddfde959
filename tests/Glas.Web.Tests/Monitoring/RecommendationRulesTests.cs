using Glas.Web.Monitoring;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Monitoring;

[Trait("Category", "Unit")]
public class RecommendationRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    private static List<string> Errors(AnswerStatus answer, string? reason, string? action, DateOnly? deadline, AnswerStatus current = AnswerStatus.Pending) =>
        RecommendationRules.CheckAnswer(current, answer, reason, action, deadline, Today).Select(e => $"{e.Field}:{e.Key}").ToList();

    [Fact]
    public void An_accepted_answer_needs_an_action_and_a_deadline_not_in_the_past()
    {
        Errors(AnswerStatus.Accepted, null, "План", Today).ShouldBeEmpty();
        Errors(AnswerStatus.Accepted, null, null, null).ShouldBe(["PlannedAction:Error.PlannedActionRequired", "Deadline:Error.DeadlineRequired"]);
        Errors(AnswerStatus.Accepted, null, "План", Today.AddDays(-1)).ShouldBe(["Deadline:Error.DeadlinePast"]);
    }

    [Fact]
    public void Anything_but_acceptance_needs_a_reason()
    {
        Errors(AnswerStatus.PartiallyAccepted, " ", "План", Today).ShouldBe(["Reason:Error.ReasonRequired"]);
        Errors(AnswerStatus.NotAccepted, null, null, null).ShouldBe(["Reason:Error.ReasonRequired"]);
        Errors(AnswerStatus.NotAccepted, "Няма бюджет", null, null).ShouldBeEmpty();
    }

    [Fact]
    public void An_answer_is_given_once_and_must_be_chosen()
    {
        Errors(AnswerStatus.Accepted, null, "План", Today, current: AnswerStatus.NotAccepted).ShouldBe(["Answer:Error.AlreadyAnswered"]);
        Errors(AnswerStatus.Pending, "x", "x", Today).ShouldBe(["Answer:Error.AnswerRequired"]);
    }

    [Theory]
    [InlineData(AnswerStatus.Accepted, ImplementationStatus.Planned, ImplementationStatus.InProgress, true)]
    [InlineData(AnswerStatus.Accepted, ImplementationStatus.Planned, ImplementationStatus.Implemented, true)]
    [InlineData(AnswerStatus.PartiallyAccepted, ImplementationStatus.InProgress, ImplementationStatus.NotImplemented, true)]
    [InlineData(AnswerStatus.Accepted, ImplementationStatus.InProgress, ImplementationStatus.Planned, false)]
    [InlineData(AnswerStatus.Accepted, ImplementationStatus.Implemented, ImplementationStatus.InProgress, false)]
    [InlineData(AnswerStatus.Accepted, ImplementationStatus.NotImplemented, ImplementationStatus.Implemented, false)]
    [InlineData(AnswerStatus.NotAccepted, null, ImplementationStatus.InProgress, false)]
    [InlineData(AnswerStatus.Pending, null, ImplementationStatus.Planned, false)]
    public void Implementation_moves_forward_only_after_acceptance(AnswerStatus answer, ImplementationStatus? from, ImplementationStatus to, bool allowed) =>
        RecommendationRules.CanMove(answer, from, to).ShouldBe(allowed);

    [Fact]
    public void Overdue_is_the_day_after_the_due_date()
    {
        RecommendationRules.AnswerOverdue(AnswerStatus.Pending, Today, Today).ShouldBeFalse();
        RecommendationRules.AnswerOverdue(AnswerStatus.Pending, Today.AddDays(-1), Today).ShouldBeTrue();
        RecommendationRules.AnswerOverdue(AnswerStatus.NotAccepted, Today.AddDays(-100), Today).ShouldBeFalse();
        RecommendationRules.ImplementationOverdue(ImplementationStatus.InProgress, Today.AddDays(-1), Today).ShouldBeTrue();
        RecommendationRules.ImplementationOverdue(ImplementationStatus.Planned, Today, Today).ShouldBeFalse();
        RecommendationRules.ImplementationOverdue(ImplementationStatus.Implemented, Today.AddDays(-1), Today).ShouldBeFalse();
        RecommendationRules.ImplementationOverdue(null, null, Today).ShouldBeFalse();
    }

    [Theory]
    [InlineData(AnswerStatus.Pending, null, "AwaitingAnswer")]
    [InlineData(AnswerStatus.NotAccepted, null, "NotAccepted")]
    [InlineData(AnswerStatus.PartiallyAccepted, ImplementationStatus.Implemented, "Implemented")]
    public void One_public_stage(AnswerStatus answer, ImplementationStatus? implementation, string stage) =>
        RecommendationRules.Stage(answer, implementation).ShouldBe(stage);

    [Theory]
    [InlineData(IndicatorUnit.Percent, "100", null)]
    [InlineData(IndicatorUnit.Percent, "100.5", "Error.Percent")]
    [InlineData(IndicatorUnit.Percent, "-1", "Error.Percent")]
    [InlineData(IndicatorUnit.Count, "3.5", "Error.Count")]
    [InlineData(IndicatorUnit.Count, "-3", "Error.Count")]
    [InlineData(IndicatorUnit.Number, "-3.25", null)]
    public void Values_fit_their_unit(IndicatorUnit unit, string value, string? error) =>
        MonitoringEditor.UnitError(unit, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(error);

    [Theory]
    [InlineData("12,5", 12.5)]
    [InlineData("1 234", 1234)]
    [InlineData("-7.25", -7.25)]
    public void Numbers_are_read_as_typed(string text, decimal expected) => MonitoringEditor.ParseNumber(text).ShouldBe(expected);

    [Theory]
    [InlineData("дванадесет")]
    [InlineData("1e5")]
    [InlineData("12;DROP TABLE")]
    [InlineData("0x10")]
    public void Words_are_not_numbers(string text) => MonitoringEditor.ParseNumber(text).ShouldBeNull();

    [Fact]
    public void A_target_year_before_the_baseline_is_refused()
    {
        var errors = MonitoringEditor.Check(new IndicatorInput("Дял", null, IndicatorUnit.Percent, "%", 10m, 2025, 50m, 2024, IndicatorDirection.HigherIsBetter, null, null));
        errors.ShouldContain(new FieldError("TargetYear", "Error.TargetBeforeBaseline"));
        MonitoringEditor.Check(new IndicatorInput("Дял", null, IndicatorUnit.Percent, "%", 10m, 2022, 5m, 2027, IndicatorDirection.HigherIsBetter, null, null))
            .ShouldBe([new FieldError("Direction", "Error.DirectionMismatch")]);
        MonitoringEditor.Check(new IndicatorInput("Дял", null, IndicatorUnit.Percent, "%", 10m, 2022, 150m, 2027, IndicatorDirection.HigherIsBetter, null, null))
            .ShouldBe([new FieldError("TargetValue", "Error.Percent")]);
    }

    [Fact]
    public void Progress_is_0_to_100_and_complete_means_100()
    {
        MonitoringEditor.CheckProgress(MeasureStatus.InProgress, 101).ShouldBe([new FieldError("Progress", "Error.Progress")]);
        MonitoringEditor.CheckProgress(MeasureStatus.InProgress, -1).ShouldBe([new FieldError("Progress", "Error.Progress")]);
        MonitoringEditor.CheckProgress(MeasureStatus.Completed, 90).ShouldBe([new FieldError("Progress", "Error.CompletedNot100")]);
        MonitoringEditor.CheckProgress(MeasureStatus.Completed, 100).ShouldBeEmpty();
    }
}
