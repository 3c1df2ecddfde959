using System.Globalization;
using System.Text.Json;
using Glas.Web.Platform.Web;

namespace Glas.Web.Surveys;

/// <summary>One answer: chosen options, scale points per row or ranks per option, text, a number or a date.</summary>
public sealed record Answer
{
    public List<int>? Choices { get; init; }
    public Dictionary<int, int>? Rows { get; init; }
    public string? Text { get; init; }
    public decimal? Number { get; init; }
    public DateOnly? Date { get; init; }
}

/// <summary>An error beside a field: the field's name, the text's key in SurveysText and its arguments.</summary>
public sealed record AnswerError(string Field, string Key, params object[] Args);

/// <summary>
/// Reads and checks a respondent's answers against the questionnaire, as the form posts them:
/// q{No} for one value or several, q{No}_other for "other", q{No}_r{Code} for a matrix row or a
/// ranked option. The server decides which questions are shown; nothing outside them is accepted.
/// </summary>
public static class AnswerRules
{
    public const int ShortTextMax = 500;
    public const int LongTextMax = 5000;

    public static string Field(int no) => "q" + no.ToString(CultureInfo.InvariantCulture);

    public static string OtherField(int no) => Field(no) + "_other";

    public static string RowField(int no, int code) => Field(no) + "_r" + code.ToString(CultureInfo.InvariantCulture);

    /// <summary>Whether a question is shown given the answers so far (conditions refer to earlier sections).</summary>
    public static bool IsShown(SurveyQuestion q, IReadOnlyDictionary<int, Answer> answers) =>
        q.ShowIf is not { } c || (answers.TryGetValue(c.QuestionNo, out var a) && a.Choices?.Contains(c.OptionCode) == true);

    /// <summary>
    /// Reads the answers to one section from the posted values, checks them, and returns them with
    /// the errors.
    /// </summary>
    public static (Dictionary<int, Answer> Answers, List<AnswerError> Errors) ReadSection(
        SurveySection section, IReadOnlyDictionary<string, string[]> form, IReadOnlyDictionary<int, Answer> earlier)
    {
        var answers = new Dictionary<int, Answer>();
        var errors = new List<AnswerError>();
        foreach (var q in section.Questions)
        {
            var shown = IsShown(q, earlier.Concat(answers).ToDictionary(x => x.Key, x => x.Value));
            var (answer, error) = Read(q, form);
            if (!shown)
            {
                if (answer is not null)
                {
                    errors.Add(new AnswerError(Field(q.No), "Answer.Hidden"));
                }
                continue;
            }
            if (error is not null)
            {
                errors.Add(error);
            }
            else if (answer is null && q.Required)
            {
                errors.Add(new AnswerError(Field(q.No), "Answer.Required"));
            }
            else if (answer is not null)
            {
                answers[q.No] = answer;
            }
        }
        return (answers, errors);
    }

    /// <summary>
    /// Reads the answers to every section up to <paramref name="last"/> in order, so conditions see
    /// earlier answers; fields of no question of the survey are refused (later sections' answers
    /// ride along unchecked until their section is reached).
    /// </summary>
    public static (Dictionary<int, Answer> Answers, List<AnswerError> Errors, int FirstSectionWithErrors) ReadUpTo(
        SurveyDefinition definition, IReadOnlyDictionary<string, string[]> form, int last)
    {
        var answers = new Dictionary<int, Answer>();
        var errors = new List<AnswerError>();
        var first = -1;
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var q in definition.Questions)
        {
            known.Add(Field(q.No));
            known.Add(OtherField(q.No));
            foreach (var r in q.Type == QuestionType.Ranking ? q.Options : q.Rows)
            {
                known.Add(RowField(q.No, r.Code));
            }
        }
        for (var i = 0; i <= last && i < definition.Sections.Count; i++)
        {
            var (section, sectionErrors) = ReadSection(definition.Sections[i], form, answers);
            foreach (var (no, a) in section)
            {
                answers[no] = a;
            }
            if (sectionErrors.Count > 0 && first < 0)
            {
                first = i;
            }
            errors.AddRange(sectionErrors);
        }
        foreach (var name in form.Keys.Where(k => k.Length > 1 && k[0] == 'q' && char.IsAsciiDigit(k[1]) && !known.Contains(k)))
        {
            errors.Add(new AnswerError(name, "Answer.UnknownQuestion"));
            first = first < 0 ? Math.Min(last, definition.Sections.Count - 1) : first;
        }
        return (answers, errors, first);
    }

    private static string? One(IReadOnlyDictionary<string, string[]> form, string name) =>
        form.TryGetValue(name, out var v) ? v.Select(x => x.Trim()).FirstOrDefault(x => x.Length > 0) : null;

    /// <summary>One question's answer, null when unanswered, or an error.</summary>
    public static (Answer? Answer, AnswerError? Error) Read(SurveyQuestion q, IReadOnlyDictionary<string, string[]> form)
    {
        var field = Field(q.No);
        var values = form.TryGetValue(field, out var v) ? v.Select(x => x.Trim()).Where(x => x.Length > 0).ToList() : [];
        switch (q.Type)
        {
            case QuestionType.SingleChoice or QuestionType.Dropdown or QuestionType.MultipleChoice:
                {
                    if (values.Count == 0)
                    {
                        return (null, null);
                    }
                    var codes = new List<int>();
                    foreach (var value in values)
                    {
                        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                            || !(q.Options.Any(o => o.Code == code) || (q.AllowOther && code == SurveyCodes.Other)))
                        {
                            return (null, new AnswerError(field, "Answer.UnknownOption"));
                        }
                        if (!codes.Contains(code))
                        {
                            codes.Add(code);
                        }
                    }
                    if (q.IsSingle && codes.Count > 1)
                    {
                        return (null, new AnswerError(field, "Answer.OnlyOne"));
                    }
                    if (q.Type == QuestionType.MultipleChoice)
                    {
                        if (q.Min is { } min && codes.Count < min)
                        {
                            return (null, new AnswerError(field, "Answer.TooFew", (int)min));
                        }
                        if (q.Max is { } max && codes.Count > max)
                        {
                            return (null, new AnswerError(field, "Answer.TooMany", (int)max));
                        }
                    }
                    string? other = null;
                    if (codes.Contains(SurveyCodes.Other))
                    {
                        other = One(form, OtherField(q.No));
                        if (other is null)
                        {
                            return (null, new AnswerError(OtherField(q.No), "Answer.OtherRequired"));
                        }
                        if (TextError(OtherField(q.No), other, ShortTextMax) is { } e)
                        {
                            return (null, e);
                        }
                    }
                    return (new Answer { Choices = codes, Text = other }, null);
                }
            case QuestionType.Likert or QuestionType.Scale10:
                {
                    if (values.Count == 0)
                    {
                        return (null, null);
                    }
                    if (values.Count > 1 || !int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var point) || !q.ScalePoints.Contains(point))
                    {
                        return (null, new AnswerError(field, "Answer.OutOfScale"));
                    }
                    return (new Answer { Choices = [point] }, null);
                }
            case QuestionType.Matrix or QuestionType.Ranking:
                {
                    var rows = new Dictionary<int, int>();
                    var items = q.Type == QuestionType.Matrix ? q.Rows : q.Options;
                    foreach (var row in items)
                    {
                        var name = RowField(q.No, row.Code);
                        if (One(form, name) is not { } raw)
                        {
                            continue;
                        }
                        var allowed = q.Type == QuestionType.Matrix ? q.ScalePoints : Enumerable.Range(1, items.Count).ToList();
                        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || !allowed.Contains(value))
                        {
                            return (null, new AnswerError(name, q.Type == QuestionType.Matrix ? "Answer.OutOfScale" : "Answer.BadRank", items.Count));
                        }
                        rows[row.Code] = value;
                    }
                    if (values.Count > 0)
                    {
                        return (null, new AnswerError(field, "Answer.UnknownOption"));
                    }
                    if (rows.Count == 0)
                    {
                        return (null, null);
                    }
                    if (q.Type == QuestionType.Matrix && rows.Count < items.Count && q.Required)
                    {
                        var missing = items.First(r => !rows.ContainsKey(r.Code));
                        return (null, new AnswerError(RowField(q.No, missing.Code), "Answer.RowRequired"));
                    }
                    if (q.Type == QuestionType.Ranking && (rows.Count < items.Count || rows.Values.Distinct().Count() != rows.Count))
                    {
                        return (null, new AnswerError(field, "Answer.RankEach", items.Count));
                    }
                    return (new Answer { Rows = rows }, null);
                }
            case QuestionType.ShortText or QuestionType.LongText:
                {
                    var text = One(form, field);
                    if (text is null)
                    {
                        return (null, null);
                    }
                    var error = TextError(field, text, q.Type == QuestionType.ShortText ? ShortTextMax : LongTextMax);
                    return error is null ? (new Answer { Text = text.ReplaceLineEndings("\n") }, null) : (null, error);
                }
            case QuestionType.Number:
                {
                    var raw = One(form, field);
                    if (raw is null)
                    {
                        return (null, null);
                    }
                    if (!decimal.TryParse(raw.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || raw.Length > 30)
                    {
                        return (null, new AnswerError(field, "Answer.NotNumber"));
                    }
                    if ((q.Min is { } min && number < min) || (q.Max is { } max && number > max))
                    {
                        return (null, new AnswerError(field, "Answer.OutOfRange", q.Min ?? decimal.MinValue, q.Max ?? decimal.MaxValue));
                    }
                    return (new Answer { Number = number }, null);
                }
            case QuestionType.Date:
                {
                    var raw = One(form, field);
                    if (raw is null)
                    {
                        return (null, null);
                    }
                    if (!DateOnly.TryParseExact(raw, ["yyyy-MM-dd", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date.Year < 1900 || date.Year > 2100)
                    {
                        return (null, new AnswerError(field, "Answer.NotDate"));
                    }
                    return (new Answer { Date = date }, null);
                }
            default:
                return (null, new AnswerError(field, "Answer.UnknownQuestion"));
        }
    }

    private static AnswerError? TextError(string field, string text, int max) =>
        text.Length > max ? new AnswerError(field, "Answer.TooLong", max)
        : TextRules.HasUnsafeCharacters(text) ? new AnswerError(field, "Answer.UnsafeText")
        : null;

    /// <summary>The codes counted for a set of answers.</summary>
    public static int[] Codes(SurveyDefinition definition, IReadOnlyDictionary<int, Answer> answers)
    {
        var codes = new List<int>();
        foreach (var (no, a) in answers.OrderBy(x => x.Key))
        {
            if (definition.Question(no) is null)
            {
                continue;
            }
            foreach (var c in a.Choices ?? [])
            {
                codes.Add(SurveyCodes.Encode(no, 0, c));
            }
            foreach (var (row, value) in a.Rows ?? [])
            {
                codes.Add(SurveyCodes.Encode(no, row, value));
            }
        }
        return [.. codes];
    }

    /// <summary>Number answers as pairs of question number and value.</summary>
    public static double[] Numbers(IReadOnlyDictionary<int, Answer> answers) =>
        [.. answers.Where(a => a.Value.Number is not null).OrderBy(a => a.Key).SelectMany(a => new[] { a.Key, (double)a.Value.Number!.Value })];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    public static string ToJson(IReadOnlyDictionary<int, Answer> answers) => JsonSerializer.Serialize(answers, Json);

    public static Dictionary<int, Answer> FromJson(string json) => JsonSerializer.Deserialize<Dictionary<int, Answer>>(json, Json) ?? [];

    /// <summary>The answers as form values again, to carry them from page to page and refill a form.</summary>
    public static Dictionary<string, string[]> ToForm(SurveyDefinition definition, IReadOnlyDictionary<int, Answer> answers)
    {
        var form = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (no, a) in answers)
        {
            var q = definition.Question(no);
            if (q is null)
            {
                continue;
            }
            if (a.Choices is { } c)
            {
                form[Field(no)] = [.. c.Select(x => x.ToString(CultureInfo.InvariantCulture))];
                if (a.Text is { } other)
                {
                    form[OtherField(no)] = [other];
                }
            }
            else if (a.Text is { } t)
            {
                form[Field(no)] = [t];
            }
            if (a.Rows is { } rows)
            {
                foreach (var (row, value) in rows)
                {
                    form[RowField(no, row)] = [value.ToString(CultureInfo.InvariantCulture)];
                }
            }
            if (a.Number is { } n)
            {
                form[Field(no)] = [n.ToString(CultureInfo.InvariantCulture)];
            }
            if (a.Date is { } d)
            {
                form[Field(no)] = [d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
            }
        }
        return form;
    }
}
