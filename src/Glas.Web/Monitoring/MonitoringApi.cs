using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.OpenData;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Monitoring;

public sealed record PolicySummaryDto(Guid Id, string Title, string Kind, string? Area, string ResponsibleUnit, int StartYear, int EndYear, DateTimeOffset UpdatedAt);

public sealed record ValueDto(int Year, decimal Value, string? SourceNote, DateTimeOffset ReportedAt);

public sealed record IndicatorDto(Guid Id, string? Code, string Name, string Unit, string UnitLabel, decimal BaselineValue, int BaselineYear,
    decimal TargetValue, int TargetYear, string Direction, string? DataSource, string? Frequency, string Status, IReadOnlyList<ValueDto> Values);

public sealed record MeasureDto(Guid Id, string Title, string? ResponsibleUnit, DateOnly PlannedStart, DateOnly PlannedEnd, decimal? Budget, string? Currency,
    string Status, int Progress, string Scorecard);

public sealed record GoalDto(Guid Id, string Title, string Status, IReadOnlyList<MeasureDto> Measures, IReadOnlyList<IndicatorDto> Indicators);

public sealed record PolicyDto(Guid Id, string Title, string Kind, string? Area, string ResponsibleUnit, int StartYear, int EndYear, string? Summary, string Status,
    IReadOnlyList<GoalDto> Goals)
{
    public static PolicyDto From(PolicyCard c) => new(c.Policy.Id, c.Policy.Title, c.Policy.Kind.ToString(), c.Policy.Area, c.Policy.ResponsibleUnit,
        c.Policy.StartYear, c.Policy.EndYear, c.Policy.Summary, c.Status.ToString(),
        c.Goals.Select(g => new GoalDto(g.Goal.Id, g.Goal.Title, g.Status.ToString(),
            g.Measures.Select(m => new MeasureDto(m.Measure.Id, m.Measure.Title, m.Measure.ResponsibleUnit, m.Measure.PlannedStart, m.Measure.PlannedEnd,
                m.Measure.Budget, m.Measure.Currency, m.Measure.Status.ToString(), m.Measure.Progress, m.Status.ToString())).ToList(),
            g.Indicators.Select(i => new IndicatorDto(i.Indicator.Id, i.Indicator.Code, i.Indicator.Name, i.Indicator.Unit.ToString(), i.Indicator.UnitLabel,
                i.Indicator.BaselineValue, i.Indicator.BaselineYear, i.Indicator.TargetValue, i.Indicator.TargetYear, i.Indicator.Direction.ToString(),
                i.Indicator.DataSource, i.Indicator.Frequency, i.Status.ToString(),
                i.Values.Select(v => new ValueDto(v.Year, v.Value, v.SourceNote, v.ReportedAt)).ToList())).ToList())).ToList());
}

public sealed record RecommendationDto(Guid Id, string Title, string? Text, string Source, Guid? ReportId, Guid? PolicyId, string AddresseeUnit, string AuthorName,
    DateTimeOffset CreatedAt, DateOnly AnswerDue, string Answer, string? AnswerReason, string? PlannedAction, DateOnly? Deadline, string? Implementation,
    string? Evidence, string Stage, bool AnswerOverdue, bool ImplementationOverdue)
{
    public static RecommendationDto From(Recommendation r, DateOnly today) => new(r.Id, r.Title, r.Text, r.Source.ToString(), r.ReportId, r.PolicyId, r.AddresseeUnit,
        r.AuthorName, r.CreatedAt, r.AnswerDue, r.Answer.ToString(), r.AnswerReason, r.PlannedAction, r.Deadline, r.Implementation?.ToString(), r.Evidence,
        RecommendationRules.Stage(r.Answer, r.Implementation), RecommendationRules.AnswerOverdue(r.Answer, r.AnswerDue, today),
        RecommendationRules.ImplementationOverdue(r.Implementation, r.Deadline, today));
}

public sealed record RecommendationListDto(IReadOnlyList<RecommendationDto> Items, int Page, int PageSize, int Total, IReadOnlyDictionary<string, int> Counts);

public sealed record EventDto(DateTimeOffset At, string ActorName, string Kind, string? Note);

public sealed record RecommendationDetailDto(RecommendationDto Recommendation, IReadOnlyList<EventDto> Timeline);

public static class MonitoringApi
{
    /// <summary>Reads the tracker's query; null when a value is not one of the allowed ones.</summary>
    public static MonitoringQueries.RecommendationFilter? ParseFilter(string? stage, string? source, Guid? policy, int? year, string? unit)
    {
        if (stage is { Length: > 0 } && !RecommendationRules.Stages.Contains(stage, StringComparer.Ordinal))
        {
            return null;
        }
        RecommendationSource? s = null;
        if (source is { Length: > 0 })
        {
            if (!Enum.TryParse<RecommendationSource>(source, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed) || source.Any(char.IsDigit))
            {
                return null;
            }
            s = parsed;
        }
        if (year is { } y && y is < 2000 or > 2100)
        {
            return null;
        }
        if (unit is { Length: > 300 } || (unit is not null && TextRules.HasUnsafeCharacters(unit)))
        {
            return null;
        }
        return new(stage is { Length: > 0 } ? stage : null, s, policy, year, string.IsNullOrWhiteSpace(unit) ? null : unit.Trim());
    }

    private static ValidationProblem Problem(IEnumerable<FieldError> errors, IStringLocalizer<MonitoringText> t) =>
        TypedResults.ValidationProblem(errors.GroupBy(e => char.ToLowerInvariant(e.Field[0]) + e.Field[1..])
            .ToDictionary(g => g.Key, g => g.Select(e => t[e.Message].Value).ToArray()));

    public static IEndpointRouteBuilder MapMonitoringApi(this IEndpointRouteBuilder app)
    {
        var policies = app.MapGroup("/api/v1/policies").WithTags("Monitoring");
        var recommendations = app.MapGroup("/api/v1/recommendations").WithTags("Monitoring");

        policies.MapGet("/", async (GlasDbContext db, int? page, CancellationToken ct) =>
            {
                var pager = new Pager(page, MonitoringQueries.PageSize, await db.Policies.CountAsync(ct));
                var items = await db.Policies.AsNoTracking().OrderBy(p => p.Title).ThenBy(p => p.Id).Skip(pager.Skip).Take(pager.Size)
                    .Select(p => new PolicySummaryDto(p.Id, p.Title, p.Kind.ToString(), p.Area, p.ResponsibleUnit, p.StartYear, p.EndYear, p.UpdatedAt)).ToListAsync(ct);
                return TypedResults.Ok(PageOf.Create(items, pager));
            })
            .WithName("ListPolicies").WithSummary("The administration's policies, paged.");

        policies.MapGet("/{id:guid}", async Task<Results<Ok<PolicyDto>, NotFound>> (Guid id, GlasDbContext db, MonitoringEditor editor, CancellationToken ct) =>
                await MonitoringQueries.CardAsync(db, id, editor.Today, ct) is { } card ? TypedResults.Ok(PolicyDto.From(card)) : TypedResults.NotFound())
            .WithName("GetPolicy").WithSummary("A policy with its goals, measures, indicators, values and scorecard.");

        recommendations.MapGet("/", async Task<Results<Ok<RecommendationListDto>, ValidationProblem>> (GlasDbContext db, MonitoringEditor editor,
                int? page, string? stage, string? source, Guid? policy, int? year, string? unit, CancellationToken ct) =>
            {
                if (ParseFilter(stage, source, policy, year, unit) is not { } filter)
                {
                    return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["filter"] = ["stage: " + string.Join('|', RecommendationRules.Stages) + "; source: " + string.Join('|', Enum.GetNames<RecommendationSource>()) + "; year: 2000–2100"],
                    });
                }
                var q = MonitoringQueries.Filtered(db, filter);
                var counts = await MonitoringQueries.CountsAsync(q, ct);
                var pager = new Pager(page, MonitoringQueries.PageSize, counts.Values.Sum());
                var today = editor.Today;
                var rows = await q.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Skip(pager.Skip).Take(pager.Size).ToListAsync(ct);
                return TypedResults.Ok(new RecommendationListDto(rows.Select(r => RecommendationDto.From(r, today)).ToList(), pager.Current, pager.Size, pager.Total, counts));
            })
            .WithName("ListRecommendations").WithSummary("The recommendation tracker: filtered by stage, source, policy, year and unit, paged, with counts per stage.");

        recommendations.MapGet("/{id:guid}", async Task<Results<Ok<RecommendationDetailDto>, NotFound>> (Guid id, GlasDbContext db, MonitoringEditor editor, CancellationToken ct) =>
            {
                if (await db.Recommendations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } r)
                {
                    return TypedResults.NotFound();
                }
                var timeline = await db.RecommendationEvents.AsNoTracking().Where(e => e.RecommendationId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
                    .Select(e => new EventDto(e.At, e.ActorName, e.Kind, e.Note)).ToListAsync(ct);
                return TypedResults.Ok(new RecommendationDetailDto(RecommendationDto.From(r, editor.Today), timeline));
            })
            .WithName("GetRecommendation").WithSummary("One recommendation with its answer, implementation and timeline.");

        recommendations.MapPost("/{id:guid}/answer", async Task<Results<Ok<RecommendationDto>, NotFound, ValidationProblem>> (Guid id, AnswerInput body, GlasDbContext db,
                MonitoringEditor editor, IStringLocalizer<MonitoringText> t, HttpContext http, CancellationToken ct) =>
            {
                if (await db.Recommendations.FirstOrDefaultAsync(r => r.Id == id, ct) is not { } r)
                {
                    return TypedResults.NotFound();
                }
                var errors = editor.CheckAnswer(r, body);
                if (errors.Count > 0)
                {
                    return Problem(errors, t);
                }
                editor.Answer(r, body, await editor.ActorAsync(http.User, ct));
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(RecommendationDto.From(r, editor.Today));
            })
            .RequireAuthorization(Policies.Official).DisableAntiforgery()
            .WithName("AnswerRecommendation").WithSummary("The administration's answer (officials): accepted, partially accepted or not accepted, with reason, planned action and deadline.");

        app.MapGet("/monitoring/recommendations.csv", async Task<Results<FileContentHttpResult, BadRequest>> (GlasDbContext db, MonitoringEditor editor,
                string? stage, string? source, Guid? policy, int? year, string? unit, CancellationToken ct) =>
            {
                if (ParseFilter(stage, source, policy, year, unit) is not { } filter)
                {
                    return TypedResults.BadRequest();
                }
                var rows = await MonitoringQueries.Filtered(db, filter).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(100_000).ToListAsync(ct);
                return TypedResults.File(MonitoringExports.Recommendations.Csv(MonitoringExports.Lines(rows, editor.Today)), Csv.ContentType, "recommendations.csv");
            }).ExcludeFromDescription();

        app.MapGet("/monitoring/recommendations.xlsx", async Task<Results<FileContentHttpResult, BadRequest>> (GlasDbContext db, MonitoringEditor editor,
                string? stage, string? source, Guid? policy, int? year, string? unit, CancellationToken ct) =>
            {
                if (ParseFilter(stage, source, policy, year, unit) is not { } filter)
                {
                    return TypedResults.BadRequest();
                }
                var rows = await MonitoringQueries.Filtered(db, filter).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(100_000).ToListAsync(ct);
                return TypedResults.File(MonitoringExports.Recommendations.Xlsx(MonitoringExports.Lines(rows, editor.Today)), Xlsx.ContentType, "recommendations.xlsx");
            }).ExcludeFromDescription();

        app.MapGet("/monitoring/policies/{id:guid}/indicators.csv", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, GlasDbContext db, MonitoringEditor editor, CancellationToken ct) =>
                await MonitoringQueries.CardAsync(db, id, editor.Today, ct) is { } card
                    ? TypedResults.File(MonitoringExports.Indicators.Csv(MonitoringExports.Lines(card)), Csv.ContentType, "indicators.csv")
                    : TypedResults.NotFound())
            .ExcludeFromDescription();

        app.MapGet("/monitoring/policies/{id:guid}/indicators.xlsx", async Task<Results<FileContentHttpResult, NotFound>> (Guid id, GlasDbContext db, MonitoringEditor editor, CancellationToken ct) =>
                await MonitoringQueries.CardAsync(db, id, editor.Today, ct) is { } card
                    ? TypedResults.File(MonitoringExports.Indicators.Xlsx(MonitoringExports.Lines(card)), Xlsx.ContentType, "indicators.xlsx")
                    : TypedResults.NotFound())
            .ExcludeFromDescription();

        return app;
    }
}
