using Glas.Web.Surveys;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Surveys;

/// <summary>The arithmetic of results: shares that add up, means and medians, filters and the rule of five.</summary>
[Trait("Category", "Unit")]
public class ResultsMathTests
{
    [Fact]
    public void Shares_of_exclusive_answers_add_up_to_exactly_100()
    {
        var p = ResultsMath.Percentages([1, 1, 1], 3);
        p.Sum().ShouldBe(100m);
        p.ShouldBe([33.4m, 33.3m, 33.3m]);
        ResultsMath.Percentages([2, 1, 4], 7).Sum().ShouldBe(100m);
        ResultsMath.Percentages([0, 0], 0).ShouldBe([0m, 0m]);
        // Multiple choice: shares of respondents, each rounded on its own.
        ResultsMath.Percentages([3, 2], 4).ShouldBe([75m, 50m]);
    }

    [Fact]
    public void Mean_and_median_from_a_distribution_and_from_values()
    {
        var s = ResultsMath.FromDistribution([(1, 1), (2, 0), (3, 1), (4, 2), (5, 0)])!;
        s.Count.ShouldBe(4);
        s.Mean.ShouldBe(3.0);
        s.Median.ShouldBe(3.5);
        s.Min.ShouldBe(1);
        s.Max.ShouldBe(4);
        ResultsMath.FromDistribution([(1, 0)]).ShouldBeNull();
        var v = ResultsMath.FromValues([10, 2, 6])!;
        v.Median.ShouldBe(6);
        v.Mean.ShouldBe(6);
    }

    private static readonly SurveyDefinition Definition = new()
    {
        Sections =
        [
            new SurveySection
            {
                Questions =
                [
                    new() { No = 1, Type = QuestionType.SingleChoice, Text = "Да или не", Options = [new(1, "Да"), new(2, "Не")] },
                    new() { No = 2, Type = QuestionType.Likert, Text = "Оценка" },
                    new() { No = 3, Type = QuestionType.Number, Text = "Минути" },
                ],
            },
        ],
    };

    private static ResponseRow Row(string group, int yesNo, int score, double minutes, int day = 1) =>
        new(group, [SurveyCodes.Encode(1, 0, yesNo), SurveyCodes.Encode(2, 0, score)], [3, minutes], new DateOnly(2026, 11, day));

    private static readonly List<ResponseRow> Rows =
    [
        Row("citizen", 1, 5, 10), Row("citizen", 1, 4, 20), Row("citizen", 2, 2, 30, 2), Row("ngo", 1, 3, 40, 2),
        Row("ngo", 2, 1, 50, 3), Row("ngo", 2, 1, 60, 3),
    ];

    [Fact]
    public void Results_count_filter_by_group_and_by_answer()
    {
        var all = ResultsMath.Compute(Definition, SurveyAudience.Public, Rows, new ResultsFilter());
        all.Total.ShouldBe(6);
        all.Questions[0].Lines.Select(l => l.Count).ShouldBe([3, 3]);
        all.Questions[0].Lines.Select(l => l.Percent).ShouldBe([50m, 50m]);
        all.Questions[1].Summary!.Mean.ShouldBe(16.0 / 6, 1e-9);
        all.Questions[1].Summary!.Median.ShouldBe(2.5);
        all.Questions[2].Summary!.Median.ShouldBe(35);
        all.PerDay.ShouldBe([(new DateOnly(2026, 11, 1), 2), (new DateOnly(2026, 11, 2), 2), (new DateOnly(2026, 11, 3), 2)]);
        all.PerGroup.ShouldBe([("citizen", 3), ("ngo", 3)]);

        var ngo = ResultsMath.Compute(Definition, SurveyAudience.Public, Rows, new ResultsFilter("ngo"));
        ngo.Total.ShouldBe(3);
        ngo.Questions[0].Lines.Select(l => l.Count).ShouldBe([1, 2]);
        ngo.Questions[0].Lines.Select(l => l.Percent).ShouldBe([33.3m, 66.7m]);

        // Cross-tabulation: the scores of those who said "Да".
        var yes = ResultsMath.Compute(Definition, SurveyAudience.Public, Rows, new ResultsFilter(Code: SurveyCodes.Encode(1, 0, 1)));
        yes.Total.ShouldBe(3);
        yes.Questions[1].Summary!.Mean.ShouldBe(4);
    }

    [Fact]
    public void Anonymous_surveys_hide_groups_and_filters_below_five_responses()
    {
        ResultsMath.Compute(Definition, SurveyAudience.Invitation, Rows, new ResultsFilter("ngo")).Suppressed.ShouldBeTrue();
        ResultsMath.Compute(Definition, SurveyAudience.Invitation, Rows, new ResultsFilter()).Suppressed.ShouldBeFalse();
        ResultsMath.Compute(Definition, SurveyAudience.Public, Rows, new ResultsFilter("ngo")).Suppressed.ShouldBeFalse();
        var five = Rows.Take(5).Select(r => r with { Group = "staff" }).ToList();
        ResultsMath.Compute(Definition, SurveyAudience.Invitation, five, new ResultsFilter("staff")).Suppressed.ShouldBeFalse();
        ResultsMath.MayShow(SurveyAudience.Invitation, new ResultsFilter("staff"), 4).ShouldBeFalse();
        ResultsMath.MayShow(SurveyAudience.Invitation, new ResultsFilter("staff"), 5).ShouldBeTrue();
    }
}
