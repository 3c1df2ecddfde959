using System.Security.Claims;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Surveys;

public sealed record SurveySummaryDto(Guid Id, string Title, string Audience, string Status, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, int Responses, bool ResultsPublished);

public sealed record CountDto(int Value, string Label, int Count, decimal Percent);

public sealed record SummaryDto(int Count, double Mean, double Median, double Min, double Max);

public sealed record RowResultDto(int Code, string Label, int Answered, List<CountDto> Counts, SummaryDto? Summary);

public sealed record QuestionResultDto(int No, string Type, string Text, int Answered, List<CountDto> Counts, SummaryDto? Summary, List<RowResultDto> Rows);

public sealed record SurveyResultsDto(Guid Id, string Title, int Responses, bool Suppressed, List<QuestionResultDto> Questions, List<DayCountDto> PerDay);

public sealed record DayCountDto(DateOnly Day, int Count);

/// <summary>The open-data API of surveys and the staff's exports.</summary>
public static class SurveysApi
{
    public const int PageSize = 20;

    public static string Status(Survey s, DateTimeOffset now) =>
        !s.Launched ? "draft" : s.IsClosed(now) ? "closed" : s.IsOpen(now) ? "open" : "scheduled";

    /// <summary>Officials and moderators of the administration see results before they are public.</summary>
    public static async Task<bool> IsStaffAsync(IAuthorizationService authorization, ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && ((await authorization.AuthorizeAsync(user, Policies.Official)).Succeeded || (await authorization.AuthorizeAsync(user, Policies.Moderator)).Succeeded);

    /// <summary>Reads a results filter from the query; null when it names an unknown group or option.</summary>
    public static ResultsFilter? ParseFilter(SurveyDefinition definition, string? group, int? answer)
    {
        if (!string.IsNullOrEmpty(group) && !RespondentGroups.IsKnown(group))
        {
            return null;
        }
        if (answer is { } code)
        {
            var (no, row, value) = SurveyCodes.Decode(code);
            if (code < 0 || row != 0 || definition.Question(no) is not { IsChoice: true } q || !(q.Options.Any(o => o.Code == value) || (q.AllowOther && value == SurveyCodes.Other)))
            {
                return null;
            }
        }
        return new ResultsFilter(string.IsNullOrEmpty(group) ? null : group, answer);
    }

    public static SurveyResultsDto ToDto(Survey survey, SurveyResultSet r) =>
        new(survey.Id, survey.Title, r.Total, r.Suppressed,
            r.Questions.Select(q => new QuestionResultDto(q.Question.No, q.Question.Type.ToString(), q.Question.Text, q.Answered,
                q.Lines.Select(Count).ToList(), Summary(q.Summary),
                q.Rows.Select(x => new RowResultDto(x.Row.Code, x.Row.Label, x.Answered, x.Lines.Select(Count).ToList(), Summary(x.Summary))).ToList())).ToList(),
            r.PerDay.Select(d => new DayCountDto(d.Day, d.Count)).ToList());

    private static CountDto Count(CountLine l) => new(l.Value, l.Label, l.Count, l.Percent);

    private static SummaryDto? Summary(Summary? s) => s is null ? null : new(s.Count, Math.Round(s.Mean, 3), s.Median, s.Min, s.Max);

    public static IEndpointRouteBuilder MapSurveysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/surveys").WithTags("Surveys");

        api.MapGet("/", async (GlasDbContext db, TimeProvider time, int? page, CancellationToken ct) =>
            {
                var query = db.Surveys.AsNoTracking().Where(s => s.Launched);
                var pager = new Pager(page, PageSize, await query.CountAsync(ct));
                var surveys = await query.OrderByDescending(s => s.OpensAt ?? s.CreatedAt).ThenBy(s => s.Id).Skip(pager.Skip).Take(pager.Size).ToListAsync(ct);
                var ids = surveys.Select(s => s.Id).ToList();
                var counts = await db.SurveyResponses.Where(r => ids.Contains(r.SurveyId) && r.SubmittedAt != null).GroupBy(r => r.SurveyId)
                    .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
                var now = time.GetUtcNow();
                return TypedResults.Ok(PageOf.Create(surveys.Select(s => new SurveySummaryDto(s.Id, s.Title, s.Audience.ToString(), Status(s, now), s.OpensAt, s.ClosesAt,
                    counts.GetValueOrDefault(s.Id), s.ResultsPublished)).ToList(), pager));
            })
            .WithName("ListSurveys").WithSummary("The administration's launched surveys with their audience, status, dates and number of responses.");

        api.MapGet("/{id:guid}/results", async Task<Results<Ok<SurveyResultsDto>, NotFound, ValidationProblem>> (Guid id, string? group, int? answer,
                GlasDbContext db, SurveyStore store, IAuthorizationService authorization, HttpContext http, CancellationToken ct) =>
            {
                var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
                if (survey is null || !(survey.ResultsPublished || await IsStaffAsync(authorization, http.User)))
                {
                    return TypedResults.NotFound();
                }
                var definition = survey.Questionnaire();
                if (ParseFilter(definition, group, answer) is not { } filter)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["filter"] = ["group: " + string.Join('|', RespondentGroups.All) + "; answer: the code of an option of a choice question (question × 10000 + option)"] });
                }
                var results = await store.ResultsAsync(survey, filter, ct);
                return TypedResults.Ok(ToDto(survey, results));
            })
            .WithName("GetSurveyResults").WithSummary("Published results: counts, shares, means and medians per question, optionally for a group or an answer. No free text.");

        var staff = app.MapGroup("/surveys/{id:guid}").RequireAuthorization(Policies.Official).ExcludeFromDescription();
        staff.MapGet("/export.csv", (Guid id, GlasDbContext db, CancellationToken ct) =>
            ExportAsync(db, id, "csv", s => SurveyExport.CsvAsync(db, s, ct), ct));
        staff.MapGet("/export.xlsx", (Guid id, GlasDbContext db, CancellationToken ct) =>
            ExportAsync(db, id, "xlsx", s => SurveyExport.XlsxAsync(db, s, ct), ct));
        staff.MapGet("/codebook.csv", (Guid id, GlasDbContext db, CancellationToken ct) =>
            ExportAsync(db, id, "codebook.csv", s => Task.FromResult(SurveyExport.CodebookCsv(s)), ct));
        staff.MapGet("/results.xlsx", async (Guid id, string? group, int? answer, GlasDbContext db, SurveyStore store, CancellationToken ct) =>
        {
            var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
            if (survey is null)
            {
                return Results.NotFound();
            }
            if (ParseFilter(survey.Questionnaire(), group, answer) is not { } filter)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["filter"] = ["Unknown group or answer."] });
            }
            var results = await store.ResultsAsync(survey, filter, ct);
            return Results.File(SurveyExport.ResultsXlsx(results), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"survey-{id:N}-results.xlsx");
        });
        return app;
    }

    private static async Task<IResult> ExportAsync(GlasDbContext db, Guid id, string kind, Func<Survey, Task<byte[]>> write, CancellationToken ct)
    {
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (survey is null)
        {
            return Results.NotFound();
        }
        var bytes = await write(survey);
        return kind switch
        {
            "xlsx" => Results.File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"survey-{id:N}.xlsx"),
            "codebook.csv" => Results.File(bytes, "text/csv; charset=utf-8", $"survey-{id:N}-codebook.csv"),
            _ => Results.File(bytes, "text/csv; charset=utf-8", $"survey-{id:N}.csv"),
        };
    }
}
