using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.ParticipationIndex;

/// <summary>The participation index: its methodology, the values computed from every module's statistics, the dashboard and the open data.</summary>
public sealed class ParticipationIndexModule : GlasModule
{
    public override string Key => "index";

    /// <summary>The index is computed from every module's data.</summary>
    public override string CacheArea => Platform.Caching.CacheScope.Shared;

    public override int Order => 90;

    public override IEnumerable<NavEntry> Navigation =>
    [
        new("/participation-index", typeof(IndexText), "Nav"),
    ];

    public override IEnumerable<NavEntry> StaffLinks =>
    [
        new("/participation-index/manage", typeof(IndexText), "Manage.Nav", TenantRole.Administrator),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IndexStore>();
        services.AddSingleton<IJobHandler, IndexRefreshJob>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapIndexApi();

    public override Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => IndexDemoData.SeedAsync(services, ct);

    public override IEnumerable<PersonalReference> PersonalReferences =>
    [
        new(typeof(IndexMethodology), nameof(IndexMethodology.CreatedBy)),
    ];

    public override async Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        var versions = await db.IndexMethodologies.IgnoreQueryFilters().AsNoTracking().Where(m => m.CreatedBy == userId).OrderBy(m => m.CreatedAt)
            .Select(m => new { m.TenantId, m.Version, m.CreatedAt, m.Note }).ToListAsync(ct);
        return versions.Count == 0 ? null : new { methodologyVersions = versions };
    }

    public override Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct) =>
        // The version stays (values were computed with it); who made it does not.
        db.IndexMethodologies.IgnoreQueryFilters().Where(m => m.CreatedBy == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedBy, (Guid?)null), ct);
}
