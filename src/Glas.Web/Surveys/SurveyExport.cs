using System.Globalization;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.OpenData;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Surveys;

/// <summary>
/// One row per response with one column per answer part, as codes and numbers a spreadsheet
/// counts, and the codebook that explains the columns. Invitation addresses are never read here.
/// </summary>
public static class SurveyExport
{
    private sealed record Column(string Name, string Question, string Meaning, Func<IReadOnlyDictionary<int, Answer>, object?> Value);

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static List<Column> Columns(SurveyDefinition definition)
    {
        var columns = new List<Column>();
        foreach (var q in definition.Questions)
        {
            var f = AnswerRules.Field(q.No);
            Answer? A(IReadOnlyDictionary<int, Answer> a) => a.GetValueOrDefault(q.No);
            switch (q.Type)
            {
                case QuestionType.SingleChoice or QuestionType.Dropdown:
                    columns.Add(new(f, q.Text, string.Join("; ", q.Options.Select(o => $"{N(o.Code)} = {o.Label}").Concat(q.AllowOther ? [$"{N(SurveyCodes.Other)} = {SurveyCodes.OtherLabel}"] : [])),
                        a => A(a)?.Choices is [var c, ..] ? c : null));
                    break;
                case QuestionType.MultipleChoice:
                    foreach (var o in q.Options.Append(new SurveyOption(SurveyCodes.Other, SurveyCodes.OtherLabel)).Where(o => o.Code != SurveyCodes.Other || q.AllowOther))
                    {
                        columns.Add(new($"{f}_{N(o.Code)}", q.Text, $"{o.Label}: 1 = избран, 0 = не", a => A(a) is { } x ? (x.Choices?.Contains(o.Code) == true ? 1 : 0) : null));
                    }
                    break;
                case QuestionType.Likert or QuestionType.Scale10:
                    columns.Add(new(f, q.Text, $"{N(q.ScalePoints[0])}–{N(q.ScalePoints[^1])}" + (q.LowLabel is null ? "" : $" ({q.LowLabel} … {q.HighLabel})"), a => A(a)?.Choices is [var c, ..] ? c : null));
                    break;
                case QuestionType.Matrix or QuestionType.Ranking:
                    foreach (var r in q.Type == QuestionType.Matrix ? q.Rows : q.Options)
                    {
                        columns.Add(new($"{f}_r{N(r.Code)}", q.Text, q.Type == QuestionType.Matrix ? $"{r.Label}: 1–5" : $"{r.Label}: място 1–{N(q.Options.Count)}",
                            a => A(a)?.Rows is { } rows && rows.TryGetValue(r.Code, out var v) ? v : null));
                    }
                    break;
                case QuestionType.Number:
                    columns.Add(new(f, q.Text, "число", a => A(a)?.Number));
                    break;
                case QuestionType.Date:
                    columns.Add(new(f, q.Text, "дата (ГГГГ-ММ-ДД)", a => A(a)?.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                    break;
                default:
                    columns.Add(new(f, q.Text, "текст", a => A(a)?.Text));
                    break;
            }
            if (q.IsChoice && q.AllowOther)
            {
                columns.Add(new(AnswerRules.OtherField(q.No), q.Text, "текст на „Друго“", a => A(a)?.Text));
            }
        }
        return columns;
    }

    private static readonly string[] Fixed = ["response", "submitted_at", "group"];

    private static async Task<(List<Column> Columns, List<object?[]> Rows)> TableAsync(GlasDbContext db, Survey survey, CancellationToken ct)
    {
        var columns = Columns(survey.Questionnaire());
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == survey.Id && r.SubmittedAt != null)
            .OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Select(r => new { r.SubmittedAt, r.Group, r.Answers }).ToListAsync(ct);
        var rows = new List<object?[]>(responses.Count);
        var n = 0;
        foreach (var r in responses)
        {
            var answers = AnswerRules.FromJson(r.Answers);
            var row = new object?[Fixed.Length + columns.Count];
            row[0] = ++n;
            row[1] = Formats.ToSofia(r.SubmittedAt!.Value).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            row[2] = r.Group;
            for (var i = 0; i < columns.Count; i++)
            {
                row[Fixed.Length + i] = columns[i].Value(answers);
            }
            rows.Add(row);
        }
        return (columns, rows);
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static async Task<byte[]> CsvAsync(GlasDbContext db, Survey survey, CancellationToken ct)
    {
        var (columns, rows) = await TableAsync(db, survey, ct);
        return Csv.Write(Fixed.Concat(columns.Select(c => c.Name)), rows.Select(r => r.Select(Cell)));
    }

    public static async Task<byte[]> XlsxAsync(GlasDbContext db, Survey survey, CancellationToken ct)
    {
        var (columns, rows) = await TableAsync(db, survey, ct);
        return Xlsx.Write([
            new Sheet("Отговори", [.. Fixed, .. columns.Select(c => c.Name)], rows),
            new Sheet("Кодове", ["column", "question", "meaning"], Codebook(columns)),
        ]);
    }

    private static IEnumerable<IReadOnlyList<object?>> Codebook(List<Column> columns) =>
        new[] { new object?[] { "response", "", "пореден номер" }, ["submitted_at", "", "дата и час (София)"], ["group", "", string.Join("; ", RespondentGroups.All)] }
            .Concat(columns.Select(c => new object?[] { c.Name, c.Question, c.Meaning }));

    public static byte[] CodebookCsv(Survey survey) =>
        Csv.Write(["column", "question", "meaning"], Codebook(Columns(survey.Questionnaire())).Select(r => r.Select(Cell)));

    /// <summary>The aggregated tables of the results page as a workbook: one sheet of counts and shares, one of summaries.</summary>
    public static byte[] ResultsXlsx(SurveyResultSet results)
    {
        var counts = new List<object?[]>();
        var summaries = new List<object?[]>();
        foreach (var r in results.Questions)
        {
            foreach (var line in r.Lines)
            {
                counts.Add([r.Question.No, r.Question.Text, "", line.Value, line.Label, line.Count, line.Percent]);
            }
            foreach (var row in r.Rows)
            {
                foreach (var line in row.Lines)
                {
                    counts.Add([r.Question.No, r.Question.Text, row.Row.Label, line.Value, line.Label, line.Count, line.Percent]);
                }
                if (row.Summary is { } rs)
                {
                    summaries.Add([r.Question.No, r.Question.Text, row.Row.Label, rs.Count, rs.Mean, rs.Median, rs.Min, rs.Max]);
                }
            }
            if (r.Summary is { } s)
            {
                summaries.Add([r.Question.No, r.Question.Text, "", s.Count, s.Mean, s.Median, s.Min, s.Max]);
            }
        }
        return Xlsx.Write([
            new Sheet("Разпределения", ["question", "text", "row", "value", "label", "count", "percent"], counts),
            new Sheet("Средни", ["question", "text", "row", "count", "mean", "median", "min", "max"], summaries),
            new Sheet("По дни", ["day", "count"], results.PerDay.Select(d => new object?[] { d.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Count })),
        ]);
    }
}
