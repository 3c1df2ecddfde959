using Glas.Web.Participation.Documents;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Xml;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

public sealed record ProjectSummaryDto(Guid Id, string? Code, string Title, string Status, string Role, string? Programme, string? LeadOrganisation,
    string Currency, decimal? TotalValue, decimal? Grant, decimal Paid, DateOnly? StartDate, DateOnly? EndDate)
{
    public static ProjectSummaryDto From(ProjectRow r) => new(r.Id, r.Code, r.Title, r.Status.ToString(), r.Role.ToString(), r.Programme, r.LeadOrganisation,
        r.Currency.ToString(), r.TotalValue, r.Grant, r.PaidTotal, r.StartDate, r.EndDate);
}

public sealed record TotalsDto(string Currency, int Count, decimal TotalValue, decimal Grant, decimal Paid);

public sealed record ProjectListDto(IReadOnlyList<ProjectSummaryDto> Items, int Page, int PageSize, int Total, IReadOnlyList<TotalsDto> Totals, decimal TotalValueEur);

public sealed record OrganisationDto(Guid Id, string Name, string? Eik);

public sealed record PaymentDto(Guid Id, DateOnly? PaidOn, decimal Amount, string? Note);

public sealed record DocumentDto(string Title, string Kind, DateTimeOffset PublishedAt, string? Url);

public sealed record ChangeDto(DateTimeOffset At, string Who, string Field, string? OldValue, string? NewValue);

public sealed record ProjectDto(
    Guid Id, string? Code, string Title, string? ContractNumber, DateOnly? ContractDate, string? Programme, string? ProgrammeFunding, string? PriorityAxis,
    string? ProcedureCode, string? ProcedureName, string? IsunUrl, string Role, OrganisationDto? LeadOrganisation, IReadOnlyList<OrganisationDto> Partners,
    string Currency, decimal? TotalValue, decimal? Grant, decimal? GrantEu, decimal? GrantNational, decimal? OwnCofinancing, decimal? OwnContribution,
    decimal? OwnBudgetSpent, decimal? EuSharePercent, decimal Paid, decimal? TotalValueEur, bool ReconciliationOverride, string? OverrideReason,
    IReadOnlyList<PaymentDto> Payments, DateOnly? StartDate, DateOnly? EndDate, IReadOnlyList<int> Years, string Status, string? CurrentStage,
    string? Description, string? GeneralGoal, IReadOnlyList<string> SpecificGoals, IReadOnlyList<string> Activities, IReadOnlyList<string> TargetGroups,
    IReadOnlyList<string> ExpectedResults, string? PlaceOfExecution, IReadOnlyList<IndicatorInput> Indicators, IReadOnlyList<DocumentDto> Documents,
    DateTimeOffset UpdatedAt)
{
    public static ProjectDto From(Project p) => new(
        p.Id, p.Code, p.Title, p.ContractNumber, p.ContractDate, p.Programme, p.ProgrammeFunding, p.PriorityAxis, p.ProcedureCode, p.ProcedureName, p.IsunUrl,
        p.Role.ToString(), p.LeadOrganisation is { } l ? new(l.Id, l.Name, l.Eik) : null,
        p.Partners.OrderBy(x => x.Position).Select(x => new OrganisationDto(x.OrganisationId, x.Organisation!.Name, x.Organisation.Eik)).ToList(),
        p.Currency.ToString(), p.TotalValue, p.Grant, p.GrantEu, p.GrantNational, p.OwnCofinancing, p.OwnContribution, p.OwnBudgetSpent, p.EuSharePercent,
        p.PaidTotal, p.TotalValueEur, p.ReconciliationOverride, p.OverrideReason,
        p.Payments.OrderBy(x => x.PaidOn).ThenBy(x => x.Id).Select(x => new PaymentDto(x.Id, x.PaidOn, x.Amount, x.Note)).ToList(),
        p.StartDate, p.EndDate, p.Years.ToList(), p.Status.ToString(), p.CurrentStage, p.Description, p.GeneralGoal, p.SpecificGoals, p.Activities,
        p.TargetGroups, p.ExpectedResults, p.PlaceOfExecution,
        p.Indicators.OrderBy(x => x.Position).Select(x => new IndicatorInput(x.Name, x.Target, x.Achieved)).ToList(),
        p.Documents.Select(x => new DocumentDto(x.Title, x.Type.ToString(), x.DocumentDate, x.Url)).ToList(),
        p.UpdatedAt);
}

public sealed record ImportLineDto(int Number, string? Code, string Result, string? Reason);

public sealed record ImportReportDto(int Created, int Changed, int Unchanged, int Rejected, IReadOnlyList<ImportLineDto> Lines)
{
    public static ImportReportDto From(ImportReport r) =>
        new(r.Created, r.Changed, r.Unchanged, r.Rejected, r.Lines.Select(l => new ImportLineDto(l.Number, l.Code, l.Result.ToString(), l.Reason)).ToList());
}

public static class ProjectsExtensions
{
    /// <summary>The signed-in user as the public history names them.</summary>
    public static async Task<Actor> ActorAsync(this GlasDbContext db, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var id = user.UserId();
        var name = id is null ? null : await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return new Actor(id, name ?? "—");
    }

    public static ValidationProblem Problem(IEnumerable<FieldError> errors) =>
        TypedResults.ValidationProblem(errors.GroupBy(e => e.Field.Length > 0 ? char.ToLowerInvariant(e.Field[0]) + e.Field[1..] : "")
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
}

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
                var pages = Math.Max(1, (totals.Count + ProjectQueries.PageSize - 1) / ProjectQueries.PageSize);
                var current = Math.Clamp(page ?? 1, 1, pages);
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
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"projects-{http.CurrentTenant().Slug}.csv\"";
                await ProjectsCsv.WriteAsync(db, http.Response.Body, ct);
            })
            .WithName("ExportProjectsCsv").WithSummary("The whole register as CSV (UTF-8 with BOM).");

        app.MapGet("/projects/feed.atom", async (HttpContext http, GlasDbContext db, IStringLocalizer<ProjectsText> t, CancellationToken ct) =>
                Results.Text(await AtomAsync(http, db, t, ct), "application/atom+xml; charset=utf-8"))
            .WithTags("Projects").WithName("ProjectsFeed").WithSummary("Atom feed of new and updated projects.");
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

    private static async Task<string> AtomAsync(HttpContext http, GlasDbContext db, IStringLocalizer<ProjectsText> t, CancellationToken ct)
    {
        var tenant = http.CurrentTenant();
        var baseUrl = http.RequestServices.GetRequiredService<PublicAddress>().TenantBaseUrl(tenant);
        var items = await db.Projects.AsNoTracking().OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id).Take(50)
            .Select(p => new { p.Id, p.Title, p.Code, p.CreatedAt, p.UpdatedAt, p.Status, p.Programme }).ToListAsync(ct);
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false }))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            w.WriteStartElement("feed", ns);
            w.WriteAttributeString("xml", "lang", null, "bg");
            w.WriteElementString("title", ns, $"{t["Title"]} — {tenant.NameBg}");
            w.WriteElementString("id", ns, $"{baseUrl}/projects");
            w.WriteElementString("updated", ns, XmlConvert.ToString((items.Count > 0 ? items[0].UpdatedAt : tenant.CreatedAt).UtcDateTime, XmlDateTimeSerializationMode.Utc));
            Link(w, ns, baseUrl + "/projects", "alternate");
            Link(w, ns, baseUrl + "/projects/feed.atom", "self");
            w.WriteStartElement("author", ns);
            w.WriteElementString("name", ns, tenant.NameBg);
            w.WriteEndElement();
            foreach (var p in items)
            {
                w.WriteStartElement("entry", ns);
                w.WriteElementString("title", ns, p.Title);
                w.WriteElementString("id", ns, "urn:uuid:" + p.Id.ToString());
                w.WriteElementString("published", ns, XmlConvert.ToString(p.CreatedAt.UtcDateTime, XmlDateTimeSerializationMode.Utc));
                w.WriteElementString("updated", ns, XmlConvert.ToString(p.UpdatedAt.UtcDateTime, XmlDateTimeSerializationMode.Utc));
                Link(w, ns, $"{baseUrl}/projects/{p.Id}", "alternate");
                w.WriteElementString("summary", ns, string.Join(" · ", new string?[] { p.Code, t["Status." + p.Status].Value, p.Programme }.Where(x => !string.IsNullOrEmpty(x))));
                w.WriteEndElement();
            }
            w.WriteEndElement();
        }
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Link(XmlWriter w, string ns, string href, string rel)
    {
        w.WriteStartElement("link", ns);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", href);
        w.WriteEndElement();
    }
}
