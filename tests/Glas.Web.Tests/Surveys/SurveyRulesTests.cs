using Glas.Web.Surveys;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Surveys;

/// <summary>Answer validation per question type, conditions, builder rules and changes after responses.</summary>
[Trait("Category", "Unit")]
public class SurveyRulesTests
{
    private static readonly List<SurveyOption> Abc = [new(1, "А"), new(2, "Б"), new(3, "В")];

    private static SurveyDefinition Definition() => new()
    {
        NextNo = 12,
        Sections =
        [
            new SurveySection
            {
                Title = "Първи",
                Questions =
                [
                    new() { No = 1, Type = QuestionType.SingleChoice, Text = "Един", Required = true, Options = Abc, AllowOther = true },
                    new() { No = 2, Type = QuestionType.MultipleChoice, Text = "Много", Options = Abc, Min = 1, Max = 2 },
                    new() { No = 3, Type = QuestionType.Likert, Text = "Скала", Required = true },
                    new() { No = 4, Type = QuestionType.Scale10, Text = "0–10" },
                    new() { No = 5, Type = QuestionType.Matrix, Text = "Таблица", Required = true, Rows = [new(1, "Р1"), new(2, "Р2")] },
                    new() { No = 6, Type = QuestionType.Number, Text = "Число", Min = 0, Max = 100 },
                    new() { No = 7, Type = QuestionType.Date, Text = "Дата" },
                    new() { No = 8, Type = QuestionType.Ranking, Text = "Ред", Options = Abc },
                    new() { No = 9, Type = QuestionType.ShortText, Text = "Кратък" },
                    new() { No = 10, Type = QuestionType.Dropdown, Text = "Списък", Options = Abc },
                ],
            },
            new SurveySection
            {
                Title = "Втори",
                Questions = [new() { No = 11, Type = QuestionType.LongText, Text = "Защо Б?", Required = true, ShowIf = new QuestionCondition(1, 2) }],
            },
        ],
    };

    private static Dictionary<string, string[]> Form(params (string Key, string Value)[] values) =>
        values.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Select(v => v.Value).ToArray());

    private static readonly (string, string)[] Valid = [("q1", "2"), ("q3", "4"), ("q5_r1", "5"), ("q5_r2", "1")];

    private static List<AnswerError> Errors(params (string, string)[] values) => AnswerRules.ReadUpTo(Definition(), Form([.. Valid, .. values]), 0).Errors;

    [Fact]
    public void A_complete_valid_section_reads_every_type()
    {
        var (answers, errors, _) = AnswerRules.ReadUpTo(Definition(), Form([.. Valid, ("q2", "1"), ("q2", "3"), ("q4", "10"), ("q6", "12,5"), ("q7", "2026-03-15"),
            ("q8_r1", "2"), ("q8_r2", "1"), ("q8_r3", "3"), ("q9", "  здравей  "), ("q10", "3")]), 0);
        errors.ShouldBeEmpty();
        answers[1].Choices.ShouldBe([2]);
        answers[2].Choices.ShouldBe([1, 3]);
        answers[4].Choices.ShouldBe([10]);
        answers[5].Rows.ShouldBe(new Dictionary<int, int> { [1] = 5, [2] = 1 });
        answers[6].Number.ShouldBe(12.5m);
        answers[7].Date.ShouldBe(new DateOnly(2026, 3, 15));
        answers[8].Rows![2].ShouldBe(1);
        answers[9].Text.ShouldBe("здравей");
        AnswerRules.Codes(Definition(), answers).ShouldContain(SurveyCodes.Encode(5, 2, 1));
        AnswerRules.Numbers(answers).ShouldBe([6, 12.5]);
    }

    [Theory]
    [InlineData("q1", "7", "q1", "Answer.UnknownOption")]
    [InlineData("q1", "1' OR 1=1--", "q1", "Answer.UnknownOption")]
    [InlineData("q3", "6", "q3", "Answer.OutOfScale")]
    [InlineData("q3", "<script>", "q3", "Answer.OutOfScale")]
    [InlineData("q4", "11", "q4", "Answer.OutOfScale")]
    [InlineData("q6", "101", "q6", "Answer.OutOfRange")]
    [InlineData("q6", "-1", "q6", "Answer.OutOfRange")]
    [InlineData("q6", "дванайсет", "q6", "Answer.NotNumber")]
    [InlineData("q7", "2026-02-30", "q7", "Answer.NotDate")]
    [InlineData("q9", "текст\u202Eобърнат", "q9", "Answer.UnsafeText")]
    [InlineData("q10", "99", "q10", "Answer.UnknownOption")]
    [InlineData("q8_r1", "4", "q8_r1", "Answer.BadRank")]
    [InlineData("q99", "1", "q99", "Answer.UnknownQuestion")]
    [InlineData("q1_other", "x", "q1_other", "Answer.OtherRequired")]
    public void Bad_answers_get_an_error_at_their_field(string field, string value, string errorField, string key)
    {
        var values = field == "q1_other" ? new[] { ("q1", "99") } : new[] { (field, value) };
        var errors = AnswerRules.ReadUpTo(Definition(), Form([.. Valid.Where(v => v.Item1 != (field == "q1_other" ? "q1" : field)), .. values]), 0).Errors;
        errors.ShouldContain(e => e.Field == errorField && e.Key == key);
    }

    [Fact]
    public void Multiple_choice_limits_single_choice_one_only_and_ranking_each_once()
    {
        Errors(("q2", "1"), ("q2", "2"), ("q2", "3")).ShouldContain(e => e.Key == "Answer.TooMany");
        Errors(("q1", "1")).ShouldContain(e => e.Key == "Answer.OnlyOne");
        Errors(("q8_r1", "1"), ("q8_r2", "1"), ("q8_r3", "2")).ShouldContain(e => e.Key == "Answer.RankEach");
        Errors(("q9", new string('я', AnswerRules.ShortTextMax + 1))).ShouldContain(e => e.Key == "Answer.TooLong");
        // Emoji, homoglyphs and markup are text like any other; they are encoded when shown.
        Errors(("q9", "Сливен 🙂 Sliven <b>x</b> ' ; DROP TABLE")).ShouldBeEmpty();
    }

    [Fact]
    public void Required_questions_and_matrix_rows_must_be_answered()
    {
        var errors = AnswerRules.ReadUpTo(Definition(), Form(("q5_r1", "3")), 0).Errors;
        errors.ShouldContain(e => e.Field == "q1" && e.Key == "Answer.Required");
        errors.ShouldContain(e => e.Field == "q3" && e.Key == "Answer.Required");
        errors.ShouldContain(e => e.Field == "q5_r2" && e.Key == "Answer.RowRequired");
    }

    [Fact]
    public void A_conditional_question_is_asked_only_when_its_condition_holds_and_refused_when_hidden()
    {
        var shown = AnswerRules.ReadUpTo(Definition(), Form([.. Valid]), 1);
        shown.Errors.ShouldContain(e => e.Field == "q11" && e.Key == "Answer.Required");
        shown.FirstSectionWithErrors.ShouldBe(1);

        var other = Form([.. Valid.Where(v => v.Item1 != "q1"), ("q1", "1"), ("q11", "защото")]);
        AnswerRules.ReadUpTo(Definition(), other, 1).Errors.ShouldContain(e => e.Field == "q11" && e.Key == "Answer.Hidden");
        AnswerRules.ReadUpTo(Definition(), Form([.. Valid.Where(v => v.Item1 != "q1"), ("q1", "1")]), 1).Errors.ShouldBeEmpty();
    }

    [Fact]
    public void Answers_survive_a_round_trip_through_json_and_the_form()
    {
        var definition = Definition();
        var (answers, _, _) = AnswerRules.ReadUpTo(definition, Form([.. Valid, ("q1_other", "x")]), 0);
        var again = AnswerRules.ReadUpTo(definition, AnswerRules.ToForm(definition, AnswerRules.FromJson(AnswerRules.ToJson(answers))), 0).Answers;
        AnswerRules.Codes(definition, again).ShouldBe(AnswerRules.Codes(definition, answers));
    }

    [Fact]
    public void The_builder_refuses_unsound_questions()
    {
        var d = Definition();
        SurveyRules.Validate(d).ShouldBeEmpty();
        SurveyRules.ValidateQuestion(d, 0, new SurveyQuestion { No = 20, Type = QuestionType.SingleChoice, Text = "Х", Options = [new(1, "само един")] })
            .ShouldContain(e => e.Key == "Builder.TwoOptions");
        SurveyRules.ValidateQuestion(d, 0, new SurveyQuestion { No = 20, Type = QuestionType.MultipleChoice, Text = "Х", Options = Abc, Min = 3, Max = 2 })
            .ShouldContain(e => e.Key == "Builder.BadMax");
        SurveyRules.ValidateQuestion(d, 0, new SurveyQuestion { No = 20, Type = QuestionType.Matrix, Text = "Х" }).ShouldContain(e => e.Key == "Builder.OneRow");
        SurveyRules.ValidateQuestion(d, 0, new SurveyQuestion { No = 20, Type = QuestionType.ShortText, Text = "" }).ShouldContain(e => e.Key == "Builder.Required");
        // A condition must look back to a choice question of an earlier section.
        SurveyRules.ValidateQuestion(d, 0, new SurveyQuestion { No = 20, Type = QuestionType.ShortText, Text = "Х", ShowIf = new(1, 2) }).ShouldContain(e => e.Key == "Builder.BadCondition");
        SurveyRules.ValidateQuestion(d, 1, new SurveyQuestion { No = 20, Type = QuestionType.ShortText, Text = "Х", ShowIf = new(1, 7) }).ShouldContain(e => e.Key == "Builder.BadCondition");
        SurveyRules.ValidateQuestion(d, 1, new SurveyQuestion { No = 20, Type = QuestionType.ShortText, Text = "Х", ShowIf = new(1, 2) }).ShouldBeEmpty();
        SurveyRules.Validate(new SurveyDefinition()).ShouldContain(e => e.Key == "Builder.NoQuestions");
        foreach (var template in SurveyTemplates.All)
        {
            SurveyRules.Validate(template.Definition).ShouldBeEmpty(template.Key);
        }
    }

    [Fact]
    public void Options_keep_their_codes_when_lines_are_corrected()
    {
        var options = SurveyRules.Options("А\nБб\r\n\nВ\nГ", Abc);
        options.Select(o => o.Code).ShouldBe([1, 2, 3, 4]);
        options[1].Label.ShouldBe("Бб");
    }

    [Fact]
    public void After_responses_only_optional_questions_and_corrected_texts_are_allowed()
    {
        var before = Definition();
        var typo = before.Copy();
        typo.Sections[0].Questions[0] = typo.Sections[0].Questions[0] with { Text = "Един (поправен)", Options = [new(1, "А!"), new(2, "Б"), new(3, "В")] };
        typo.Sections[1].Questions.Add(new SurveyQuestion { No = 12, Type = QuestionType.ShortText, Text = "Нов" });
        SurveyRules.ValidateChange(before, typo, hasResponses: true).ShouldBeEmpty();

        var broken = before.Copy();
        broken.Sections[0].Questions[0] = broken.Sections[0].Questions[0] with { Type = QuestionType.MultipleChoice };
        broken.Sections[0].Questions.RemoveAll(q => q.No == 9);
        broken.Sections[0].Questions[1] = broken.Sections[0].Questions[1] with { Required = true };
        broken.Sections[1].Questions.Add(new SurveyQuestion { No = 12, Type = QuestionType.ShortText, Text = "Нов", Required = true });
        var errors = SurveyRules.ValidateChange(before, broken, hasResponses: true);
        errors.Select(e => e.Key).ShouldBe(["Builder.Locked.Changed", "Builder.Locked.Required", "Builder.Locked.Removed", "Builder.Locked.NewRequired"], ignoreOrder: true);
        SurveyRules.ValidateChange(before, broken, hasResponses: false).ShouldBeEmpty();
    }
}
