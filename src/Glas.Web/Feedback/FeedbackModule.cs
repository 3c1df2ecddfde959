using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Feedback;

/// <summary>Citizen feedback (сигнали и предложения) and its Open311 GeoReport v2 API, declared to the platform.</summary>
public sealed class FeedbackModule : GlasModule
{
    public override string Key => "feedback";

    public override int Order => 30;

    public override IEnumerable<NavEntry> Navigation =>
    [
        new("/feedback", typeof(FeedbackText), "Nav"),
    ];

    public override IEnumerable<NavEntry> StaffLinks =>
    [
        new("/feedback/inbox", typeof(FeedbackText), "Inbox.Title", TenantRole.Official),
        new("/feedback/dashboard", typeof(FeedbackText), "Dashboard.Title", TenantRole.Official),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<FeedbackOptions>(configuration.GetSection("Glas:Feedback"));
        services.AddScoped<FeedbackDesk>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapFeedbackApi();
        app.MapOpen311();
    }

    /// <summary>For officials: open reports assigned to them and those assigned to nobody, by the АПК deadline.</summary>
    public override Task<IReadOnlyList<WorkGroup>> WorkTasksAsync(IServiceProvider services, WorkContext who, CancellationToken ct) =>
        FeedbackWork.TasksAsync(services, who, ct);

    public override Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => FeedbackDemoData.SeedAsync(services, ct);

    public override IEnumerable<PersonalReference> PersonalReferences =>
    [
        new(typeof(FeedbackReport), nameof(FeedbackReport.ReporterUserId)),
        new(typeof(FeedbackReport), nameof(FeedbackReport.AssigneeUserId)),
        new(typeof(FeedbackEvent), nameof(FeedbackEvent.ActorUserId)),
    ];

    public override async Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        var reports = await db.FeedbackReports.IgnoreQueryFilters().AsNoTracking().Where(r => r.ReporterUserId == userId).OrderBy(r => r.CreatedAt)
            .Select(r => new { r.Number, r.TenantId, Kind = r.Kind.ToString(), r.Title, r.Description, r.Address, r.Latitude, r.Longitude, r.IsPublic, Status = r.Status.ToString(), r.ReporterName, r.ReporterEmail, r.CreatedAt, r.Answer, r.Rating, r.RatingRemark })
            .ToListAsync(ct);
        var assigned = await db.FeedbackReports.IgnoreQueryFilters().AsNoTracking().Where(r => r.AssigneeUserId == userId).Select(r => new { r.Number, r.TenantId }).ToListAsync(ct);
        var entries = await db.FeedbackEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.ActorUserId == userId).OrderBy(e => e.At)
            .Select(e => new { e.ReportId, e.At, e.Kind, Status = e.Status.ToString(), e.Text }).ToListAsync(ct);
        return reports.Count + assigned.Count + entries.Count == 0 ? null : new { reports, assigned, entries };
    }

    public override async Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        // The registered report stays (the administration must keep its register); who sent it does not.
        await db.FeedbackReports.IgnoreQueryFilters().Where(r => r.ReporterUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReporterName, DeletedUser.Name).SetProperty(r => r.ReporterEmail, (string?)null), ct);
        await db.FeedbackReports.IgnoreQueryFilters().Where(r => r.AssigneeUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AssigneeUserId, (Guid?)null), ct);
    }

    public override async Task<IReadOnlyList<ModuleStatistic>> StatisticsAsync(GlasDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var received = await db.FeedbackReports.CountAsync(r => r.CreatedAt >= from && r.CreatedAt < to, ct);
        var answered = await db.FeedbackReports.CountAsync(r => r.AnsweredAt >= from && r.AnsweredAt < to, ct);
        var rating = await db.FeedbackReports.Where(r => r.RatedAt >= from && r.RatedAt < to).AverageAsync(r => (decimal?)r.Rating, ct);
        return [new("reports", received), new("answered", answered), new("satisfaction", Math.Round(rating ?? 0, 2))];
    }

    public override string? FeedTitle(IServiceProvider services, Tenant tenant) =>
        $"{services.GetRequiredService<IStringLocalizer<FeedbackText>>()["Title"]} — {tenant.NameBg}";

    public override Task<IReadOnlyList<FeedItem>> FeedItemsAsync(IServiceProvider services, int max, CancellationToken ct) =>
        FeedbackQueries.FeedItemsAsync(services, null, max, ct);

    public override IEnumerable<SearchTrigger> SearchTriggers => [new(typeof(FeedbackReport), r => ((FeedbackReport)r).Id)];

    /// <summary>Public reports with their number, address and the administration's answer; never the sender.</summary>
    public override async Task<IReadOnlyList<SearchItem>> SearchItemsAsync(IServiceProvider services, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var query = FeedbackQueries.Public(services.GetRequiredService<GlasDbContext>());
        if (ids is not null)
        {
            query = query.Where(r => ids.Contains(r.Id));
        }
        return (await query.Select(r => new { r.Id, r.Number, r.Title, r.Description, r.Address, r.Answer, r.CreatedAt }).ToListAsync(ct))
            .Select(r => new SearchItem(r.Id, "feedback", r.Title, string.Join("\n", new[] { r.Number, r.Description, r.Address, r.Answer }.Where(x => !string.IsNullOrWhiteSpace(x))),
                $"/feedback/{r.Id}", r.CreatedAt))
            .ToList();
    }
}
