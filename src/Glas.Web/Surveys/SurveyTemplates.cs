namespace Glas.Web.Surveys;

/// <summary>A questionnaire that ships with Glas, ready to copy into a survey.</summary>
public sealed record SurveyTemplate(string Key, string Title, string Introduction, SurveyAudience Audience, bool AskGroup, SurveyDefinition Definition);

/// <summary>The three templates: staff attitudes, satisfaction with service, and the assessment of a consultation.</summary>
public static class SurveyTemplates
{
    private static List<SurveyOption> Options(params string[] labels) => labels.Select((l, i) => new SurveyOption(i + 1, l)).ToList();

    private static SurveyDefinition Numbered(params SurveySection[] sections)
    {
        var no = 1;
        var numbered = sections.Select(s => s with { Questions = s.Questions.Select(q => q with { No = no++ }).ToList() }).ToList();
        return new SurveyDefinition { Sections = numbered, NextNo = no };
    }

    public static readonly IReadOnlyList<SurveyTemplate> All =
    [
        new("staff-attitudes", "Нагласи на служителите към диалога с гражданите",
            "Анонимно проучване сред служителите на администрацията. Отговорите не могат да бъдат свързани с вас; резултати по групи се показват само при поне 5 отговора.",
            SurveyAudience.Invitation, false,
            Numbered(
                new SurveySection
                {
                    Title = "Вашата работа",
                    Questions =
                    [
                        new() { Type = QuestionType.Dropdown, Text = "В какво звено работите?", Required = true, Options = Options("Дирекция", "Отдел", "Сектор", "Кметство") },
                        new() { Type = QuestionType.Likert, Text = "Гражданите трябва да участват в подготовката на решенията на администрацията.", Required = true, LowLabel = "Напълно несъгласен", HighLabel = "Напълно съгласен" },
                        new() { Type = QuestionType.Matrix, Text = "Доколкото сте съгласни със следните твърдения?", Required = true,
                            Rows = Options("Имам време да отговарям на предложения от граждани", "Ръководството насърчава диалога", "Знам как се провежда обществено обсъждане"),
                            LowLabel = "Напълно несъгласен", HighLabel = "Напълно съгласен" },
                    ],
                },
                new SurveySection
                {
                    Title = "Пречки и предложения",
                    Questions =
                    [
                        new() { Type = QuestionType.MultipleChoice, Text = "Кое затруднява диалога с гражданите?", Max = 3, AllowOther = true,
                            Options = Options("Липса на време", "Липса на обучение", "Малък интерес от гражданите", "Неясни правила") },
                        new() { Type = QuestionType.LongText, Text = "Какво бихте предложили?" },
                    ],
                })),
        new("service-satisfaction", "Удовлетвореност от административното обслужване",
            "Помогнете ни да подобрим обслужването. Проучването отнема около 3 минути.",
            SurveyAudience.Public, true,
            Numbered(
                new SurveySection
                {
                    Title = "Обслужването",
                    Questions =
                    [
                        new() { Type = QuestionType.SingleChoice, Text = "Как потърсихте услугата?", Required = true, AllowOther = true, Options = Options("На гише", "По електронен път", "По телефона", "По пощата") },
                        new() { Type = QuestionType.Likert, Text = "Доколко сте доволни от обслужването?", Required = true, LowLabel = "Много недоволен", HighLabel = "Много доволен" },
                        new() { Type = QuestionType.Scale10, Text = "Колко вероятно е да препоръчате електронните услуги на общината?", Required = true, LowLabel = "Никак", HighLabel = "Напълно" },
                        new() { Type = QuestionType.Number, Text = "Колко минути чакахте?", Min = 0, Max = 600 },
                        new() { Type = QuestionType.Ranking, Text = "Подредете по важност за вас", Options = Options("Бързина", "Учтивост", "Ясна информация") },
                        new() { Type = QuestionType.LongText, Text = "Какво да подобрим?" },
                    ],
                })),
        new("consultation-assessment", "Оценка на участието в обществено обсъждане",
            "Оценете обсъждането, в което участвахте. Отговорът ви помага да подобрим следващите.",
            SurveyAudience.Participants, false,
            Numbered(
                new SurveySection
                {
                    Title = "Оценка",
                    Questions =
                    [
                        new() { Type = QuestionType.Likert, Text = "Доколко сте доволни от обсъждането като цяло?", Required = true, LowLabel = "Много недоволен", HighLabel = "Много доволен" },
                        new() { Type = QuestionType.SingleChoice, Text = "Беше ли достатъчен срокът за предложения?", Required = true, Options = Options("Да", "Не", "Не мога да преценя") },
                        new() { Type = QuestionType.Matrix, Text = "Оценете материалите по обсъждането", Rows = Options("Разбираемост", "Пълнота", "Навременност"), LowLabel = "Много лошо", HighLabel = "Много добре" },
                        new() { Type = QuestionType.ShortText, Text = "Какво да променим следващия път?" },
                    ],
                })),
    ];

    public static SurveyTemplate? Find(string? key) => All.FirstOrDefault(t => string.Equals(t.Key, key, StringComparison.Ordinal));
}
