using Glas.Web.Participation.Comments;
using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.OpenData;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Consultations;

public sealed record ConsultationSummaryDto(Guid Id, string RegNumber, string Title, string Summary, string Status, string ActType, string PolicyArea, DateOnly OpensOn, DateOnly ClosesOn, int Comments);

public sealed record ContactDto(string Name, string Email, string? Phone);

public sealed record UnitDto(int Number, string Kind, string Label, string Path, string Text);

public sealed record VersionDto(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, string Url);

public sealed record DocumentDto(Guid Id, string Type, string Title, IReadOnlyList<VersionDto> Versions);

public sealed record TimelineDto(DateTimeOffset At, string Kind, string? Details);

public sealed record ConsultationDto(
    Guid Id, string RegNumber, string Title, string Summary, string Status, string ActType, string PolicyArea, string ResponsibleUnit,
    DateOnly OpensOn, DateOnly ClosesOn, int Days, string? ShortTermReason, string? ProposalWays, IReadOnlyList<ContactDto> Contacts,
    IReadOnlyList<UnitDto> Units, IReadOnlyList<DocumentDto> Documents, IReadOnlyList<TimelineDto> Timeline, DateTimeOffset? ReportPublishedAt);

public sealed record CommentDto(Guid Id, Guid? ParentId, int? Unit, string AuthorName, string? Text, bool Hidden, string? HiddenReason, DateTimeOffset CreatedAt, int Supports, string? Outcome, string? Justification);


/// <summary>Open data: consultations, units, comments (display names only), answers, timeline, and the strategy.bg "full" export.</summary>
public static class ConsultationsApi
{
    /// <summary>The statuses a published consultation can have (drafts are never listed).</summary>
    public static readonly string[] ListedStatuses = Enum.GetNames<ConsultationStatus>().Where(n => n != nameof(ConsultationStatus.Draft)).ToArray();

    public static IEndpointRouteBuilder MapConsultationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/consultations").WithTags("Consultations");

        api.MapGet("/", async Task<Results<Ok<PageOf<ConsultationSummaryDto>>, ValidationProblem>> (GlasDbContext db, TimeProvider time, string? status, string? actType, string? policyArea, int? year, string? q, int? page, CancellationToken ct) =>
        {
            // Unknown filter values are refused (400), as in every module's API; the pages shrug them off.
            ConsultationStatus? s = null;
            if (!string.IsNullOrEmpty(status))
            {
                if (!ListedStatuses.Contains(status, StringComparer.OrdinalIgnoreCase))
                {
                    return WebExtensions.Invalid("status", "status: " + string.Join("|", ListedStatuses));
                }
                s = Enum.Parse<ConsultationStatus>(status, true);
            }
            ActType? a = null;
            if (!string.IsNullOrEmpty(actType))
            {
                if (!Enum.GetNames<ActType>().Contains(actType, StringComparer.OrdinalIgnoreCase))
                {
                    return WebExtensions.Invalid("actType", "actType: " + string.Join("|", Enum.GetNames<ActType>()));
                }
                a = Enum.Parse<ActType>(actType, true);
            }
            if (!string.IsNullOrEmpty(policyArea) && !PolicyAreas.IsKnown(policyArea))
            {
                return WebExtensions.Invalid("policyArea", "policyArea: " + string.Join("|", PolicyAreas.All));
            }
            if (year is not (null or (>= 2000 and <= 2100)))
            {
                return WebExtensions.Invalid("year", "year: 2000–2100");
            }
            var filter = new ConsultationFilter(s, a, string.IsNullOrEmpty(policyArea) ? null : policyArea, year,
                string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 200)],
                page ?? 1);
            var result = await ConsultationQueries.ListAsync(db, filter, time.GetUtcNow(), includeDrafts: false, ct);
            return TypedResults.Ok(new PageOf<ConsultationSummaryDto>(
                result.Items.Select(i => new ConsultationSummaryDto(i.Id, i.RegNumber, i.Title, i.Summary, i.Status.ToString(), i.ActType.ToString(), i.PolicyArea, i.OpensOn, i.ClosesOn, i.Comments)).ToList(),
                result.Page, result.PageSize, result.Total));
        }).WithName("ListConsultations").WithSummary("Published consultations of this administration, newest first, filtered and paged.")
            .WithDescription("Filters: status (" + string.Join(", ", ListedStatuses) + "), actType (" + string.Join(", ", Enum.GetNames<ActType>())
                + "), policyArea (" + string.Join(", ", PolicyAreas.All) + "), year (2000–2100), q (text, up to 200 characters), page (from 1). An unknown value is refused with 400.");

        api.MapGet("/{id:guid}", async Task<Results<Ok<ConsultationDto>, NotFound>> (Guid id, GlasDbContext db, TimeProvider time, HttpContext context, CancellationToken ct) =>
        {
            var c = await db.Published().AsNoTracking().Include(x => x.Contacts).Include(x => x.Units).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (c is null)
            {
                return TypedResults.NotFound();
            }
            var documents = await Documents(db, id, context, ct);
            var timeline = await db.TimelineEvents.AsNoTracking().Where(e => e.ConsultationId == id).OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new TimelineDto(e.At, e.Kind.ToString(), e.Details)).ToListAsync(ct);
            return TypedResults.Ok(new ConsultationDto(
                c.Id, c.RegNumber, c.Title, c.Summary, c.EffectiveStatus(time.GetUtcNow()).ToString(), c.ActType.ToString(), c.PolicyArea, c.ResponsibleUnit,
                c.OpensOn, c.ClosesOn, ConsultationPeriod.Days(c.OpensOn, c.ClosesOn), c.ShortTermReason, c.ProposalWays,
                c.Contacts.OrderBy(p => p.Position).Select(p => new ContactDto(p.Name, p.Email, p.Phone)).ToList(),
                c.Units.OrderBy(u => u.Number).Select(u => new UnitDto(u.Number, u.Kind.ToString(), u.Label, u.Path, u.Text)).ToList(),
                documents, timeline, c.ReportPublishedAt));
        }).WithName("GetConsultation").WithSummary("One consultation with its contacts, draft units, documents and timeline.");

        api.MapGet("/{id:guid}/comments", async Task<Results<Ok<PageOf<CommentDto>>, NotFound>> (Guid id, GlasDbContext db, int? page, CancellationToken ct) =>
        {
            if (!await db.Published().AnyAsync(c => c.Id == id, ct))
            {
                return TypedResults.NotFound();
            }
            const int size = 100;
            var query = db.Comments.AsNoTracking().On(ConsultationComments.Kind, id);
            var total = await query.CountAsync(ct);
            var pager = new Pager(page, size, total);
            var ids = await query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).Skip(pager.Skip).Take(size).Select(c => c.Id).ToListAsync(ct);
            var views = await CommentViews.Project(db.Comments.AsNoTracking().Where(c => ids.Contains(c.Id)), db, null).ToListAsync(ct);
            var units = await db.DraftUnits.AsNoTracking().Where(u => u.ConsultationId == id).ToDictionaryAsync(u => u.Id, u => u.Number, ct);
            var answers = await db.ProposalAnswers.AsNoTracking().Where(a => ids.Contains(a.CommentId)).ToDictionaryAsync(a => a.CommentId, ct);
            var items = views.OrderBy(v => v.CreatedAt).ThenBy(v => v.Id).Select(v =>
            {
                var answer = answers.GetValueOrDefault(v.Id);
                return new CommentDto(v.Id, v.ParentId, v.UnitId is { } u ? units.GetValueOrDefault(u) : null, ReportExport.Author(v), v.Text, v.IsHidden, v.HiddenReason,
                    v.CreatedAt, v.Supports, answer?.Outcome.ToString(), answer?.Justification);
            }).ToList();
            return TypedResults.Ok(PageOf.Create(items, pager));
        }).WithName("ListConsultationComments").WithSummary("Comments with the official answers; authors by display name only.");

        api.MapGet("/{id:guid}/strategy-bg", async Task<Results<Ok<StrategyBgExport>, NotFound>> (Guid id, GlasDbContext db, TimeProvider time, HttpContext context,
            PublicAddress addresses, CancellationToken ct) =>
        {
            var c = await db.Published().AsNoTracking().Include(x => x.Contacts).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (c is null)
            {
                return TypedResults.NotFound();
            }
            var tenant = context.CurrentTenant();
            var comments = await CommentViews.Project(db.Comments.AsNoTracking().On(ConsultationComments.Kind, id).OrderBy(x => x.CreatedAt), db, null).ToListAsync(ct);
            var documents = await Documents(db, id, context, ct);
            var report = ReportData.IsPublic(c.Status) && c.ReportPublishedAt is { } published
                ? (published, addresses.Absolute(tenant, $"/consultations/{c.Id}/report.docx"))
                : ((DateTimeOffset, string)?)null;
            return TypedResults.Ok(StrategyBgExport.From(c, tenant, comments, documents, time.GetUtcNow(), report));
        }).WithName("ExportConsultationStrategyBg").WithSummary("One consultation in the keys of strategy.bg's \"full\" open-data report.");

        // Downloads of the справка and the feed, for people and programs alike.
        app.MapGet("/consultations/{id:guid}/report.csv", async (Guid id, GlasDbContext db, CancellationToken ct) =>
        {
            var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (c is null || !ReportData.IsPublic(c.Status))
            {
                return Results.NotFound();
            }
            var groups = await ReportData.LoadAsync(db, id, false, ct);
            return Results.File(ReportExport.Csv(groups), Csv.ContentType, $"spravka-{c.RegNumber}.csv");
        }).WithTags("Consultations").WithName("DownloadConsultationReportCsv")
            .WithSummary("The published справка as CSV (RFC 4180, UTF-8 with BOM, ISO 8601 times).").WithDescription(ReportExport.Table.Describe())
            .Produces(200, contentType: "text/csv").ProducesProblem(404);

        app.MapGet("/consultations/{id:guid}/report.xlsx", async (Guid id, GlasDbContext db, CancellationToken ct) =>
        {
            var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (c is null || !ReportData.IsPublic(c.Status))
            {
                return Results.NotFound();
            }
            var groups = await ReportData.LoadAsync(db, id, false, ct);
            return Results.File(ReportExport.Xlsx(groups), Xlsx.ContentType, $"spravka-{c.RegNumber}.xlsx");
        }).WithTags("Consultations").WithName("DownloadConsultationReportXlsx")
            .WithSummary("The published справка as an XLSX workbook (dates as date cells, the header row frozen).").WithDescription(ReportExport.Table.Describe())
            .Produces(200, contentType: Xlsx.ContentType).ProducesProblem(404);

        app.MapGet("/consultations/{id:guid}/report.docx", async (Guid id, GlasDbContext db, HttpContext context, CancellationToken ct) =>
        {
            var c = await db.Consultations.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (c is null || !ReportData.IsPublic(c.Status))
            {
                return Results.NotFound();
            }
            var groups = await ReportData.LoadAsync(db, id, false, ct);
            return Results.File(ReportExport.Docx(c, context.CurrentTenant().NameBg, groups),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"spravka-{c.RegNumber}.docx");
        }).ExcludeFromDescription();

        app.MapConsultationFiles();
        return app;
    }

    private static async Task<List<DocumentDto>> Documents(GlasDbContext db, Guid id, HttpContext context, CancellationToken ct)
    {
        var baseUrl = context.RequestServices.GetRequiredService<PublicAddress>().TenantBaseUrl(context.CurrentTenant());
        var subjects = context.RequestServices.GetRequiredService<ConsultationDocumentSubjects>();
        var docs = subjects.InOrder(await context.RequestServices.GetRequiredService<DocumentLibrary>().ListAsync(ConsultationFiles.Kind, id, ct));
        return docs.Select(d => new DocumentDto(d.Id, d.Type.ToString(), d.Title, d.Versions.Reverse()
            .Select(v => new VersionDto(v.Id, v.FileName, v.ContentType, v.Size, v.Sha256 ?? "", v.UploadedAt, baseUrl + v.Path)).ToList())).ToList();
    }
}
