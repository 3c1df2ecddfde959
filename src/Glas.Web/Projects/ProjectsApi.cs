using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.OpenData;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

public static class ProjectsApi
{
    public static IEndpointRouteBuilder MapProjectsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/projects").WithTags("Projects");

        // A project document's newest file, and any of its versions, served by the documents component.
        app.MapGet("/projects/{id:guid}/documents/{documentId:guid}/file", (Guid id, Guid documentId, DocumentLibrary library, HttpContext context) =>
            library.DownloadLatestAsync(context, ProjectDocumentSubjects.SubjectKind, id, documentId)).ExcludeFromDescription();
        app.MapGet("/projects/{id:guid}/documents/{documentId:guid}/versions/{versionId:guid}", (Guid id, Guid documentId, Guid versionId, DocumentLibrary library, HttpContext context) =>
            library.DownloadAsync(context, versionId, ProjectDocumentSubjects.SubjectKind, id, documentId)).ExcludeFromDescription();

        api.MapGet("/", async Task<Results<Ok<ProjectListDto>, ValidationProblem>> (GlasDbContext db, int? page, int? year, string? status, string? programme,
                string? role, Guid? organisation, string? sort, CancellationToken ct) =>
            {
                if (ParseFilter(year, status, programme, role, organisation, sort) is not { } filter)
                {
                    return ProjectsExtensions.Problem([new("filter", "status: ProposalSubmitted|Approved|ContractSigned|InProgress|Completed|Terminated; role: Beneficiary|LeadOrganisation|Partner; sort: " + string.Join('|', ProjectFilter.Sorts))]);
                }
                var totals = await ProjectQueries.TotalsAsync(db, filter, ct);
                var current = new Pager(page, ProjectQueries.PageSize, totals.Count).Current;
                var rows = await ProjectQueries.PageAsync(db, filter, current, ProjectQueries.PageSize, ct);
                return TypedResults.Ok(new ProjectListDto(rows.Select(ProjectSummaryDto.From).ToList(), current, ProjectQueries.PageSize, totals.Count,
                    totals.ByCurrency.Select(c => new TotalsDto(c.Currency.ToString(), c.Count, c.TotalValue, c.Grant, c.Paid)).ToList(), totals.TotalValueEur));
            })
            .WithName("ListProjects").WithSummary("The register: filtered, sorted, paged, with totals per currency for the filter.");

        api.MapGet("/{id:guid}", async Task<Results<Ok<ProjectDto>, NotFound>> (Guid id, GlasDbContext db, CancellationToken ct) =>
                await ProjectQueries.FullAsync(db, id, tracking: false, ct) is { } p ? TypedResults.Ok(ProjectDto.From(p)) : TypedResults.NotFound())
            .WithName("GetProject").WithSummary("One project with its money, payments, parties, substance and documents.");

        api.MapGet("/{id:guid}/history", async Task<Results<Ok<List<ChangeDto>>, NotFound>> (Guid id, GlasDbContext db, CancellationToken ct) =>
            {
                if (!await db.Projects.AnyAsync(p => p.Id == id, ct))
                {
                    return TypedResults.NotFound();
                }
                return TypedResults.Ok(await db.ProjectChanges.AsNoTracking().Where(c => c.ProjectId == id).OrderBy(c => c.At).ThenBy(c => c.Id)
                    .Select(c => new ChangeDto(c.At, c.ActorName, c.Field, c.OldValue, c.NewValue)).ToListAsync(ct));
            })
            .WithName("GetProjectHistory").WithSummary("The public change history of a project's money, dates, status and payments.");

        api.MapPost("/", async Task<Results<Created<ProjectDto>, ValidationProblem>> (ProjectInput body, GlasDbContext db, ProjectEditor editor, HttpContext http, CancellationToken ct) =>
            {
                var errors = await editor.ValidateAsync(body, null, ct);
                if (errors.Count > 0)
                {
                    return ProjectsExtensions.Problem(errors);
                }
                var project = await editor.CreateAsync(body, await db.ActorAsync(http.User, ct), ct);
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"{http.Request.PathBase}/api/v1/projects/{project.Id}", ProjectDto.From(project));
            })
            .RequireAuthorization(Policies.Official)
            .WithName("CreateProject").WithSummary("Adds a project (Officials and Administrators of this administration).");

        api.MapPut("/{id:guid}", async Task<Results<Ok<ProjectDto>, NotFound, ValidationProblem>> (Guid id, ProjectInput body, GlasDbContext db, ProjectEditor editor, HttpContext http, CancellationToken ct) =>
            {
                if (await ProjectQueries.FullAsync(db, id, tracking: true, ct) is not { } project)
                {
                    return TypedResults.NotFound();
                }
                var errors = await editor.ValidateAsync(body, project, ct);
                if (errors.Count > 0)
                {
                    return ProjectsExtensions.Problem(errors);
                }
                await editor.UpdateAsync(project, body, await db.ActorAsync(http.User, ct), ct);
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(ProjectDto.From(project));
            })
            .RequireAuthorization(Policies.Official)
            .WithName("UpdateProject").WithSummary("Replaces a project's data; lists left out (null) stay as they are.");

        api.MapDelete("/{id:guid}", async Task<Results<NoContent, NotFound>> (Guid id, GlasDbContext db, ProjectEditor editor, HttpContext http, CancellationToken ct) =>
            {
                if (await db.Projects.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } project)
                {
                    return TypedResults.NotFound();
                }
                await editor.DeleteAsync(project, await db.ActorAsync(http.User, ct), ct);
                await db.SaveChangesAsync(ct);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.Official)
            .WithName("DeleteProject").WithSummary("Removes a project (the audit log keeps a record).");

        api.MapPost("/{id:guid}/payments", async Task<Results<Ok<ProjectDto>, NotFound, ValidationProblem>> (Guid id, PaymentInput body, GlasDbContext db, ProjectEditor editor, HttpContext http, CancellationToken ct) =>
            {
                if (await ProjectQueries.FullAsync(db, id, tracking: true, ct) is not { } project)
                {
                    return TypedResults.NotFound();
                }
                var errors = editor.ChangePayment(project, null, body.Amount, body.PaidOn, body.Note, await db.ActorAsync(http.User, ct));
                if (errors.Count > 0)
                {
                    return ProjectsExtensions.Problem(errors);
                }
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(ProjectDto.From(project));
            })
            .RequireAuthorization(Policies.Official)
            .WithName("AddProjectPayment").WithSummary("Records an amount actually paid to the project.");

        api.MapPost("/import/isun", async Task<Results<Ok<ImportReportDto>, ProblemHttpResult>> (HttpContext http, GlasDbContext db, ProjectImporter importer,
                IStringLocalizer<ProjectsText> t, CancellationToken ct) =>
            {
                try
                {
                    var report = await importer.ImportIsunAsync(http.Request.Body, await db.ActorAsync(http.User, ct), http.CurrentTenant().NameBg, t, ct);
                    return TypedResults.Ok(ImportReportDto.From(report));
                }
                catch (ImportRefusedException ex)
                {
                    return TypedResults.Problem(statusCode: 400, title: t["Import.Refused"], detail: ex.Message);
                }
            })
            .RequireAuthorization(Policies.Official).Accepts<object>("application/json")
            .WithName("ImportIsun").WithSummary("Imports ИСУН open-data JSON: creates or updates projects by code; a malformed file is refused whole.");

        api.MapPost("/import/csv", async Task<Results<Ok<ImportReportDto>, ProblemHttpResult>> (HttpContext http, GlasDbContext db, ProjectImporter importer,
                IStringLocalizer<ProjectsText> t, CancellationToken ct) =>
            {
                try
                {
                    var records = ProjectsCsv.Read(await ProjectImporter.BufferAsync(http.Request.Body, ct), t);
                    var report = await ImportCsvAsync(importer, records, await db.ActorAsync(http.User, ct), t, ct);
                    return TypedResults.Ok(ImportReportDto.From(report));
                }
                catch (ImportRefusedException ex)
                {
                    return TypedResults.Problem(statusCode: 400, title: t["Import.Refused"], detail: ex.Message);
                }
            })
            .RequireAuthorization(Policies.Official).Accepts<string>("text/csv")
            .WithName("ImportProjectsCsv").WithSummary("Imports the register's own CSV format: creates or updates projects by code.");

        api.MapGet("/export.csv", async (HttpContext http, GlasDbContext db, CancellationToken ct) =>
            {
                http.Response.ContentType = Csv.ContentType;
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"projects-{http.CurrentTenant().Slug}.csv\"";
                await ProjectsCsv.WriteAsync(db, http.Response.Body, ct);
            })
            .WithName("ExportProjectsCsv").WithSummary("The whole register as CSV (RFC 4180, UTF-8 with BOM, decimal point, ISO 8601 dates).")
            .WithDescription(ProjectsCsv.Table.Describe()).Produces(200, contentType: "text/csv");

        api.MapGet("/export.xlsx", async (HttpContext http, GlasDbContext db, CancellationToken ct) =>
                ProjectsCsv.Table.XlsxFile(await ProjectsCsv.Query(db).ToListAsync(ct), $"projects-{http.CurrentTenant().Slug}.xlsx"))
            .WithName("ExportProjectsXlsx").WithSummary("The whole register as an XLSX workbook: amounts as currency cells, dates as date cells, the header row frozen.")
            .WithDescription(ProjectsCsv.Table.Describe()).Produces(200, contentType: Xlsx.ContentType);
        return app;
    }

    /// <summary>CSV import: the file carries the register's columns; text such as goals stays, and payments are only set on new projects.</summary>
    public static Task<ImportReport> ImportCsvAsync(ProjectImporter importer, List<ImportRecord> records, Actor actor, IStringLocalizer t, CancellationToken ct) =>
        importer.ImportAsync(records, actor,
            (r, p) => r.Input! with
            {
                Payments = null,
                CurrentStage = p.CurrentStage,
                Description = p.Description,
                GeneralGoal = p.GeneralGoal,
                SpecificGoals = p.SpecificGoals,
                Activities = p.Activities,
                TargetGroups = p.TargetGroups,
                ExpectedResults = p.ExpectedResults,
                ReconciliationOverride = p.ReconciliationOverride,
                OverrideReason = p.OverrideReason,
            },
            r => r.Input!.Role,
            (r, p) => p is not null && (r.Input!.Payments ?? []).Sum(x => x.Amount) != p.PaidTotal
                ? t["Import.PaidDiffers", ProjectEditor.Inv((r.Input.Payments ?? []).Sum(x => x.Amount))!, ProjectEditor.Inv(p.PaidTotal)!].Value
                : null,
            ct);

    public static ProjectFilter? ParseFilter(int? year, string? status, string? programme, string? role, Guid? organisation, string? sort)
    {
        ProjectStatus? s = null;
        AdministrationRole? r = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<ProjectStatus>(status, true, out var parsed) || !Enum.IsDefined(parsed) || status.Any(char.IsDigit))
            {
                return null;
            }
            s = parsed;
        }
        if (!string.IsNullOrEmpty(role))
        {
            if (!Enum.TryParse<AdministrationRole>(role, true, out var parsed) || !Enum.IsDefined(parsed) || role.Any(char.IsDigit))
            {
                return null;
            }
            r = parsed;
        }
        if (!string.IsNullOrEmpty(sort) && !ProjectFilter.Sorts.Contains(sort))
        {
            return null;
        }
        return new ProjectFilter(year is >= 1900 and <= 2200 ? year : null, s, string.IsNullOrWhiteSpace(programme) ? null : programme, r, organisation, sort);
    }
}
