using Glas.Web.Platform.Web;

namespace Glas.Web.Surveys;

/// <summary>What makes a questionnaire sound, and which changes it may take once people have answered.</summary>
public static class SurveyRules
{
    public const int QuestionTextMax = 500;
    public const int HelpMax = 1000;
    public const int OptionMax = 200;
    public const int MaxOptions = 50;
    public const int MaxQuestions = 200;

    /// <summary>Errors of one question in its place in the questionnaire (conditions look at earlier sections).</summary>
    public static List<AnswerError> ValidateQuestion(SurveyDefinition definition, int sectionIndex, SurveyQuestion q)
    {
        var errors = new List<AnswerError>();
        Text(errors, "Text", q.Text, QuestionTextMax, required: true);
        Text(errors, "Help", q.Help, HelpMax, required: false);
        Text(errors, "LowLabel", q.LowLabel, OptionMax, required: false);
        Text(errors, "HighLabel", q.HighLabel, OptionMax, required: false);
        var needsOptions = q.IsChoice || q.Type == QuestionType.Ranking;
        if (needsOptions && q.Options.Count < 2)
        {
            errors.Add(new("Options", "Builder.TwoOptions"));
        }
        if (q.Type == QuestionType.Matrix && q.Rows.Count < 1)
        {
            errors.Add(new("Rows", "Builder.OneRow"));
        }
        foreach (var (list, field) in new[] { (q.Options, "Options"), (q.Rows, "Rows") })
        {
            if (list.Count > MaxOptions || list.Any(o => o.Code is < 1 or >= SurveyCodes.Other))
            {
                errors.Add(new(field, "Builder.TooManyOptions", MaxOptions));
            }
            if (list.Any(o => string.IsNullOrWhiteSpace(o.Label) || o.Label.Length > OptionMax || TextRules.HasUnsafeCharacters(o.Label)))
            {
                errors.Add(new(field, "Builder.BadOption", OptionMax));
            }
            if (list.Select(o => o.Label.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != list.Count)
            {
                errors.Add(new(field, "Builder.DuplicateOption"));
            }
        }
        if (q.Type == QuestionType.MultipleChoice)
        {
            var count = q.Options.Count + (q.AllowOther ? 1 : 0);
            if (q.Min is { } min && (min < 0 || min > count || min != decimal.Truncate(min)))
            {
                errors.Add(new("Min", "Builder.BadMin", count));
            }
            if (q.Max is { } max && (max < 1 || max > count || max < (q.Min ?? 0) || max != decimal.Truncate(max)))
            {
                errors.Add(new("Max", "Builder.BadMax", count));
            }
        }
        if (q.Type == QuestionType.Number && q.Min is { } lo && q.Max is { } hi && lo > hi)
        {
            errors.Add(new("Max", "Builder.RangeOrder"));
        }
        if (q.ShowIf is { } c)
        {
            var earlier = definition.Sections.Take(sectionIndex).SelectMany(s => s.Questions).FirstOrDefault(x => x.No == c.QuestionNo);
            if (earlier is null || !earlier.IsChoice || !(earlier.Options.Any(o => o.Code == c.OptionCode) || (earlier.AllowOther && c.OptionCode == SurveyCodes.Other)))
            {
                errors.Add(new("ShowIf", "Builder.BadCondition"));
            }
        }
        return errors;
    }

    private static void Text(List<AnswerError> errors, string field, string? text, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors.Add(new(field, "Builder.Required"));
            }
            return;
        }
        if (text.Length > max)
        {
            errors.Add(new(field, "Answer.TooLong", max));
        }
        else if (TextRules.HasUnsafeCharacters(text))
        {
            errors.Add(new(field, "Answer.UnsafeText"));
        }
    }

    /// <summary>Errors of the whole questionnaire, e.g. before it is launched.</summary>
    public static List<AnswerError> Validate(SurveyDefinition definition)
    {
        var errors = new List<AnswerError>();
        if (!definition.Questions.Any())
        {
            errors.Add(new("Questions", "Builder.NoQuestions"));
        }
        if (definition.Questions.Count() > MaxQuestions)
        {
            errors.Add(new("Questions", "Builder.TooManyQuestions", MaxQuestions));
        }
        for (var i = 0; i < definition.Sections.Count; i++)
        {
            foreach (var q in definition.Sections[i].Questions)
            {
                errors.AddRange(ValidateQuestion(definition, i, q).Select(e => e with { Field = AnswerRules.Field(q.No) + "." + e.Field }));
            }
        }
        if (definition.Questions.GroupBy(q => q.No).Any(g => g.Count() > 1))
        {
            errors.Add(new("Questions", "Builder.DuplicateNumber"));
        }
        return errors;
    }

    /// <summary>
    /// Once a survey has responses, its questions may only gain optional questions and corrected
    /// texts: every question keeps its type, options, rows, limits and condition, and none becomes
    /// required or disappears.
    /// </summary>
    public static List<AnswerError> ValidateChange(SurveyDefinition before, SurveyDefinition after, bool hasResponses)
    {
        var errors = new List<AnswerError>();
        if (!hasResponses)
        {
            return errors;
        }
        foreach (var old in before.Questions)
        {
            var field = AnswerRules.Field(old.No);
            if (after.Question(old.No) is not { } now)
            {
                errors.Add(new(field, "Builder.Locked.Removed"));
                continue;
            }
            if (now.Type != old.Type || now.AllowOther != old.AllowOther || now.Min != old.Min || now.Max != old.Max || now.ShowIf != old.ShowIf
                || !now.Options.Select(o => o.Code).SequenceEqual(old.Options.Select(o => o.Code))
                || !now.Rows.Select(o => o.Code).SequenceEqual(old.Rows.Select(o => o.Code)))
            {
                errors.Add(new(field, "Builder.Locked.Changed"));
            }
            if (now.Required && !old.Required)
            {
                errors.Add(new(field, "Builder.Locked.Required"));
            }
        }
        foreach (var added in after.Questions.Where(q => before.Question(q.No) is null && q.Required))
        {
            errors.Add(new(AnswerRules.Field(added.No), "Builder.Locked.NewRequired"));
        }
        return errors;
    }

    /// <summary>Lines of a text area as options, keeping the codes of the lines already there.</summary>
    public static List<SurveyOption> Options(string? lines, IReadOnlyList<SurveyOption> existing)
    {
        var labels = (lines ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var next = existing.Count == 0 ? 1 : existing.Max(o => o.Code) + 1;
        var result = new List<SurveyOption>();
        for (var i = 0; i < labels.Count; i++)
        {
            result.Add(new SurveyOption(i < existing.Count ? existing[i].Code : next++, labels[i]));
        }
        return result;
    }
}
