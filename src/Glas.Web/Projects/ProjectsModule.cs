using Glas.Web.Participation.Comments;
using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

/// <summary>The register of projects and their money, declared to the platform.</summary>
public sealed class ProjectsModule : GlasModule
{
    public override string Key => "projects";

    /// <summary>Policies in monitoring show the projects that finance them.</summary>
    public override IEnumerable<string> EvictsOnWrite => [Key, Platform.Caching.CacheScope.Shared, "monitoring"];

    public override int Order => 20;

    public override IEnumerable<NavEntry> Navigation =>
    [
        new("/projects", typeof(ProjectsText), "Nav"),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<FilterOptionsCache>();
        services.AddScoped<ProjectEditor>();
        services.AddScoped<ProjectImporter>();
        services.AddScoped<IDocumentSubjects, ProjectDocumentSubjects>();
        services.AddScoped<ICommentSubjects, ProjectComments>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapProjectsApi();

    public override Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => ProjectsDemoData.SeedAsync(services, ct);

    public override IEnumerable<PersonalReference> PersonalReferences =>
    [
        new(typeof(ProjectChange), nameof(ProjectChange.ActorUserId)),
    ];

    public override async Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        var changes = await db.ProjectChanges.IgnoreQueryFilters().AsNoTracking().Where(c => c.ActorUserId == userId).OrderBy(c => c.At)
            .Select(c => new { c.ProjectId, c.At, c.Field, c.OldValue, c.NewValue }).ToListAsync(ct);
        // Comments on projects are the comments component's.
        return new { changes };
    }

    public override Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct) =>
        // The history keeps what changed, not who the person was.
        db.ProjectChanges.IgnoreQueryFilters().Where(c => c.ActorUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ActorName, DeletedUser.Name), ct);

    public override async Task<IReadOnlyList<ModuleStatistic>> StatisticsAsync(GlasDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var projects = await db.Projects.CountAsync(ct);
        var comments = await db.Comments.CountAsync(c => c.SubjectKind == ProjectComments.Kind && c.CreatedAt >= from && c.CreatedAt < to, ct);
        return [new("projects", projects), new("comments", comments)];
    }

    public override string? FeedTitle(IServiceProvider services, Tenant tenant) =>
        $"{services.GetRequiredService<IStringLocalizer<ProjectsText>>()["Title"]} — {tenant.NameBg}";

    public override async Task<IReadOnlyList<FeedItem>> FeedItemsAsync(IServiceProvider services, int max, CancellationToken ct)
    {
        var t = services.GetRequiredService<IStringLocalizer<ProjectsText>>();
        return (await services.GetRequiredService<GlasDbContext>().Projects.AsNoTracking().OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id).Take(max)
                .Select(p => new { p.Id, p.Title, p.Code, p.CreatedAt, p.UpdatedAt, p.Status, p.Programme }).ToListAsync(ct))
            .Select(p => new FeedItem(Key, p.Id, p.Title,
                string.Join(" · ", new string?[] { p.Code, t["Status." + p.Status].Value, p.Programme }.Where(x => !string.IsNullOrEmpty(x))),
                $"/projects/{p.Id}", p.CreatedAt, p.UpdatedAt, p.Status.ToString(), t["Status." + p.Status].Value))
            .ToList();
    }

    /// <summary>For officials: the projects they changed lately (a shortcut, not counted as work waiting).</summary>
    public override Task<IReadOnlyList<WorkGroup>> WorkTasksAsync(IServiceProvider services, WorkContext who, CancellationToken ct) =>
        ProjectWork.TasksAsync(services, who, ct);

    public override IEnumerable<SearchTrigger> SearchTriggers => [new(typeof(Project), p => ((Project)p).Id)];

    /// <summary>Every project of the register (it is public) with its code, programme, place, description, goals, activities and results.</summary>
    public override async Task<IReadOnlyList<SearchItem>> SearchItemsAsync(IServiceProvider services, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var query = services.GetRequiredService<GlasDbContext>().Projects.AsNoTracking();
        if (ids is not null)
        {
            query = query.Where(p => ids.Contains(p.Id));
        }
        return (await query.Select(p => new
                {
                    p.Id, p.Title, p.Code, p.Programme, p.PlaceOfExecution, p.Description, p.GeneralGoal, p.SpecificGoals, p.Activities, p.ExpectedResults,
                    p.StartDate, p.CreatedAt,
                }).ToListAsync(ct))
            .Select(p => new SearchItem(p.Id, "project", p.Title,
                string.Join("\n", new[] { p.Code, p.Programme, p.PlaceOfExecution, p.Description, p.GeneralGoal }.Concat(p.SpecificGoals).Concat(p.Activities).Concat(p.ExpectedResults)
                    .Where(x => !string.IsNullOrWhiteSpace(x))),
                $"/projects/{p.Id}", p.StartDate is { } start ? new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : p.CreatedAt))
            .ToList();
    }
}
