using System.Text.Json;
using System.Text.Json.Serialization;

namespace Glas.Web.Surveys;

/// <summary>The kinds of question a survey may ask.</summary>
public enum QuestionType
{
    SingleChoice,
    Dropdown,
    MultipleChoice,
    Likert,
    Scale10,
    Matrix,
    ShortText,
    LongText,
    Number,
    Date,
    Ranking,
}

/// <summary>One option of a choice or ranking question; its code never changes once given.</summary>
public sealed record SurveyOption(int Code, string Label);

/// <summary>Show a question only when an earlier choice question was answered with a given option.</summary>
public sealed record QuestionCondition(int QuestionNo, int OptionCode);

/// <summary>
/// One question. <see cref="No"/> is its stable number within the survey (never reused), which
/// answers, codes and exports refer to, so texts may be corrected without breaking responses.
/// </summary>
public sealed record SurveyQuestion
{
    public int No { get; init; }
    public QuestionType Type { get; init; }
    public string Text { get; init; } = "";
    public string? Help { get; init; }
    public bool Required { get; init; }
    public List<SurveyOption> Options { get; init; } = [];

    /// <summary>Rows of a matrix question; each is answered on the question's scale.</summary>
    public List<SurveyOption> Rows { get; init; } = [];

    /// <summary>Single and multiple choice: an "other, please specify" option with code <see cref="SurveyCodes.Other"/>.</summary>
    public bool AllowOther { get; init; }

    /// <summary>Multiple choice: fewest and most options; number: the range.</summary>
    public decimal? Min { get; init; }
    public decimal? Max { get; init; }

    /// <summary>Likert: labels of the lowest and highest point.</summary>
    public string? LowLabel { get; init; }
    public string? HighLabel { get; init; }

    public QuestionCondition? ShowIf { get; init; }

    [JsonIgnore]
    public bool IsChoice => Type is QuestionType.SingleChoice or QuestionType.Dropdown or QuestionType.MultipleChoice;

    [JsonIgnore]
    public bool IsSingle => Type is QuestionType.SingleChoice or QuestionType.Dropdown;

    [JsonIgnore]
    public bool IsText => Type is QuestionType.ShortText or QuestionType.LongText;

    /// <summary>The points of a scale question (Likert 1–5, 0–10, a matrix's 1–5).</summary>
    [JsonIgnore]
    public IReadOnlyList<int> ScalePoints => Type switch
    {
        QuestionType.Likert or QuestionType.Matrix => [1, 2, 3, 4, 5],
        QuestionType.Scale10 => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
        _ => [],
    };

    public string OptionLabel(int code) =>
        code == SurveyCodes.Other ? SurveyCodes.OtherLabel : Options.FirstOrDefault(o => o.Code == code)?.Label ?? code.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A page of the questionnaire.</summary>
public sealed record SurveySection
{
    public string Title { get; init; } = "";
    public List<SurveyQuestion> Questions { get; init; } = [];
}

/// <summary>The questionnaire: sections of questions, stored as JSON with the survey.</summary>
public sealed record SurveyDefinition
{
    public List<SurveySection> Sections { get; init; } = [];

    /// <summary>The next free question number.</summary>
    public int NextNo { get; init; } = 1;

    [JsonIgnore]
    public IEnumerable<SurveyQuestion> Questions => Sections.SelectMany(s => s.Questions);

    public SurveyQuestion? Question(int no) => Questions.FirstOrDefault(q => q.No == no);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SurveyDefinition FromJson(string json) => JsonSerializer.Deserialize<SurveyDefinition>(json, Json) ?? new SurveyDefinition();

    /// <summary>A deep copy, for edits that must not touch the original until they are valid.</summary>
    public SurveyDefinition Copy() => FromJson(ToJson());
}

/// <summary>How answers are coded for counting: one integer per chosen option, scale point or rank.</summary>
public static class SurveyCodes
{
    /// <summary>The option code of "other, please specify".</summary>
    public const int Other = 99;
    public const string OtherLabel = "Друго";

    /// <summary>question number × 10000 + row × 100 + value (row 0 for questions without rows).</summary>
    public static int Encode(int questionNo, int row, int value) => (questionNo * 10000) + (row * 100) + value;

    public static (int QuestionNo, int Row, int Value) Decode(int code) => (code / 10000, code / 100 % 100, code % 100);
}

/// <summary>The groups a respondent may say they belong to.</summary>
public static class RespondentGroups
{
    public static readonly IReadOnlyList<string> All = ["citizen", "ngo", "business", "staff", "other"];

    public static bool IsKnown(string? group) => group is not null && All.Contains(group, StringComparer.Ordinal);
}
