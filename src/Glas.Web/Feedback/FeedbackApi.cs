using Glas.Web.Platform.Database;
using Glas.Web.Platform.OpenData;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Feedback;

/// <summary>A public report as open data: no sender, no internal notes.</summary>
public sealed record FeedbackDto(Guid Id, string Number, string Kind, string Category, string CategoryCode, string Title, string Description, string Address,
    double? Latitude, double? Longitude, string Status, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset DueAt, string? Answer,
    DateTimeOffset? AnsweredAt, string? ForwardedTo, int? Rating, IReadOnlyList<FeedbackStepDto>? Timeline);

public sealed record FeedbackStepDto(DateTimeOffset At, string Kind, string? Status, string? Text);

/// <summary>A public report on the map: where it is and how it stands; no sender.</summary>
public sealed record FeedbackPointDto(Guid Id, string Number, string Title, string Status, double Lat, double Lon, string Url);

public sealed record FeedbackCategoryDto(string Code, string NameBg, string NameEn);

public static class FeedbackApi
{
    /// <summary>Most points the map shows at once.</summary>
    public const int MaxPoints = 1000;
    /// <summary>The statistics as open data, its columns declared once for CSV and XLSX.</summary>
    public static readonly TableExport<(string Group, FeedbackFigures Figures)> StatisticsTable = new("Statistics",
    [
        ExportColumn.Of<(string Group, FeedbackFigures Figures)>("group", "What the row counts: month, category or department.", x => x.Group),
        ExportColumn.Of<(string Group, FeedbackFigures Figures)>("label", "The month (yyyy-MM), category or department.", x => x.Figures.Label),
        ExportColumn.Of<(string Group, FeedbackFigures Figures)>("received", "Reports received (integer).", x => x.Figures.Received),
        ExportColumn.Of<(string Group, FeedbackFigures Figures)>("answered", "Reports answered (integer).", x => x.Figures.Answered),
        ExportColumn.Of<(string Group, FeedbackFigures Figures)>("median_days_to_answer", "Median days to the answer (decimal point).", x => Round(x.Figures.MedianDaysToAnswer)),
        ExportColumn.Of<(string Group, FeedbackFigures Figures)>("percent_answered_on_time", "Percent answered on time (decimal point).", x => Round(x.Figures.ShareOnTime)),
        ExportColumn.Of<(string Group, FeedbackFigures Figures)>("average_satisfaction", "Average rating 1–5 (decimal point).", x => Round(x.Figures.Satisfaction)),
        ExportColumn.Of<(string Group, FeedbackFigures Figures)>("ratings", "Number of ratings (integer).", x => x.Figures.Ratings),
    ]);

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 2) : null;

    private static IEnumerable<(string Group, FeedbackFigures Figures)> StatisticsRows(FeedbackDashboard d) =>
        d.Months.Select(m => ("month", m)).Concat(d.Categories.Select(c => ("category", c))).Concat(d.Departments.Select(c => ("department", c)));

    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/feedback").WithTags("Feedback");

        api.MapGet("/", async Task<Results<Ok<PageOf<FeedbackDto>>, ValidationProblem>> (GlasDbContext db, int? page, string? status, string? category, CancellationToken ct) =>
            {
                FeedbackStatus? s = null;
                if (!string.IsNullOrEmpty(status))
                {
                    if (!Enum.TryParse<FeedbackStatus>(status, true, out var parsed) || int.TryParse(status, out _))
                    {
                        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [string.Join('|', Enum.GetNames<FeedbackStatus>())] });
                    }
                    s = parsed;
                }
                var q = FeedbackQueries.Public(db);
                if (s is { } st)
                {
                    q = q.Where(r => r.Status == st);
                }
                if (!string.IsNullOrEmpty(category))
                {
                    q = q.Where(r => r.Category!.Code == category);
                }
                var pager = new Pager(page, FeedbackQueries.PageSize, await q.CountAsync(ct));
                var items = await Dto(q.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Skip(pager.Skip).Take(pager.Size)).ToListAsync(ct);
                return TypedResults.Ok(PageOf.Create(items, pager));
            })
            .WithName("ListFeedback").WithSummary("Public reports of this administration, newest first, paged (no personal data).");

        api.MapGet("/{id:guid}", async Task<Results<Ok<FeedbackDto>, NotFound>> (Guid id, GlasDbContext db, CancellationToken ct) =>
            {
                if (await Dto(FeedbackQueries.Public(db).Where(r => r.Id == id)).FirstOrDefaultAsync(ct) is not { } dto)
                {
                    return TypedResults.NotFound();
                }
                var steps = await db.FeedbackEvents.AsNoTracking().Where(e => e.ReportId == id && e.IsPublic).OrderBy(e => e.At)
                    .Select(e => new FeedbackStepDto(e.At, e.Kind, e.Status.ToString(), e.Text)).ToListAsync(ct);
                return TypedResults.Ok(dto with { Timeline = steps });
            })
            .WithName("GetFeedback").WithSummary("One public report with its public timeline.");

        api.MapGet("/points", async Task<Results<Ok<List<FeedbackPointDto>>, ValidationProblem>> (GlasDbContext db, string? status, string? category,
                IStringLocalizer<FeedbackText> t, HttpContext http, CancellationToken ct) =>
            {
                var q = FeedbackQueries.Public(db).Where(r => r.Latitude != null && r.Longitude != null);
                if (!string.IsNullOrEmpty(status))
                {
                    if (!Enum.TryParse<FeedbackStatus>(status, true, out var parsed) || int.TryParse(status, out _))
                    {
                        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [string.Join('|', Enum.GetNames<FeedbackStatus>())] });
                    }
                    q = q.Where(r => r.Status == parsed);
                }
                if (!string.IsNullOrEmpty(category))
                {
                    q = q.Where(r => r.Category!.Code == category);
                }
                var rows = await q.OrderByDescending(r => r.CreatedAt).Take(MaxPoints)
                    .Select(r => new { r.Id, r.Number, r.Title, r.Status, r.Latitude, r.Longitude }).ToListAsync(ct);
                return TypedResults.Ok(rows.Select(r => new FeedbackPointDto(r.Id, r.Number, r.Title, t["Status." + r.Status].Value, r.Latitude!.Value, r.Longitude!.Value,
                    $"{http.Request.PathBase}/feedback/{r.Id}")).ToList());
            })
            .WithName("ListFeedbackPoints").WithSummary("The newest 1,000 public reports with a point, for the map (the list is the accessible alternative).");

        api.MapGet("/categories", async (GlasDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.FeedbackCategories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new FeedbackCategoryDto(c.Code, c.NameBg, c.NameEn)).ToListAsync(ct)))
            .WithName("ListFeedbackCategories").WithSummary("The administration's categories (Open311 service codes).");

        api.MapGet("/statistics.csv", async (GlasDbContext db, TimeProvider time, CancellationToken ct) =>
                StatisticsTable.CsvFile(StatisticsRows(await FeedbackStatistics.ComputeAsync(db, time.GetUtcNow(), ct)), "feedback-statistics.csv"))
            .WithName("FeedbackStatisticsCsv").WithSummary("Received and answered per month, category and department over the last 12 months (CSV).")
            .WithDescription(StatisticsTable.Describe()).Produces(200, contentType: "text/csv");

        api.MapGet("/statistics.xlsx", async (GlasDbContext db, TimeProvider time, CancellationToken ct) =>
                StatisticsTable.XlsxFile(StatisticsRows(await FeedbackStatistics.ComputeAsync(db, time.GetUtcNow(), ct)), "feedback-statistics.xlsx"))
            .WithName("FeedbackStatisticsXlsx").WithSummary("The same statistics as an XLSX workbook (numbers as numeric cells, the header row frozen).")
            .WithDescription(StatisticsTable.Describe()).Produces(200, contentType: Xlsx.ContentType);

        app.MapMethods("/feedback/categories/{code}/feed.atom", [HttpMethods.Get, HttpMethods.Head], async (string code, HttpContext context, GlasDbContext db, PublicAddress addresses, IStringLocalizer<FeedbackText> t, CancellationToken ct) =>
            {
                var category = await db.FeedbackCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct);
                if (category is null)
                {
                    return Results.NotFound();
                }
                var tenant = context.CurrentTenant();
                var items = await FeedbackQueries.FeedItemsAsync(context.RequestServices, code, 50, ct);
                var xml = AtomFeed.Write(AtomFeed.FeedId(tenant.Id, "feedback/" + code), $"{t["Title"]}: {category.NameBg} — {tenant.NameBg}", tenant.NameBg,
                    addresses.TenantBaseUrl(tenant), "/feedback", items, tenant.CreatedAt, $"/feedback/categories/{code}/feed.atom");
                return ConditionalGet.Text(context, xml, AtomFeed.ContentType, AtomFeed.Updated(items, tenant.CreatedAt));
            }).ExcludeFromDescription();

        return app;
    }

    private static IQueryable<FeedbackDto> Dto(IQueryable<FeedbackReport> q) =>
        q.Select(r => new FeedbackDto(r.Id, r.Number, r.Kind.ToString(), r.Category!.NameBg, r.Category.Code, r.Title, r.Description, r.Address, r.Latitude, r.Longitude,
            r.Status.ToString(), r.CreatedAt, r.UpdatedAt, r.DueAt, r.Answer, r.AnsweredAt, r.ForwardedTo, r.Rating, null));
}
