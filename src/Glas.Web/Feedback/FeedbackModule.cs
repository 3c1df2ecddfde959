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
        app.MapFeedbackPhotos();
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
        new(typeof(FeedbackPhoto), nameof(FeedbackPhoto.UploadedBy)),
        new(typeof(FeedbackPhoto), nameof(FeedbackPhoto.ApprovedBy)),
    ];

    public override async Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        var reports = await db.FeedbackReports.IgnoreQueryFilters().AsNoTracking().Where(r => r.ReporterUserId == userId).OrderBy(r => r.CreatedAt)
            .Select(r => new { r.Number, r.TenantId, Kind = r.Kind.ToString(), r.Title, r.Description, r.Address, r.Latitude, r.Longitude, r.IsPublic, Status = r.Status.ToString(), r.ReporterName, r.ReporterEmail, r.CreatedAt, r.Answer, r.Rating, r.RatingRemark })
            .ToListAsync(ct);
        var assigned = await db.FeedbackReports.IgnoreQueryFilters().AsNoTracking().Where(r => r.AssigneeUserId == userId).Select(r => new { r.Number, r.TenantId }).ToListAsync(ct);
        var entries = await db.FeedbackEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.ActorUserId == userId).OrderBy(e => e.At)
            .Select(e => new { e.ReportId, e.At, e.Kind, Status = e.Status.ToString(), e.Text }).ToListAsync(ct);
        var photos = await db.FeedbackPhotos.IgnoreQueryFilters().AsNoTracking().Where(p => p.UploadedBy == userId || p.ApprovedBy == userId).OrderBy(p => p.UploadedAt)
            .Select(p => new { p.Id, p.ReportId, p.TenantId, p.UploadedAt, Uploaded = p.UploadedBy == userId, p.ApprovedAt, Approved = p.ApprovedBy == userId }).ToListAsync(ct);
        return reports.Count + assigned.Count + entries.Count + photos.Count == 0 ? null : new { reports, assigned, entries, photos };
    }

    public override async Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        // The registered report stays (the administration must keep its register); who sent it does not.
        await db.FeedbackReports.IgnoreQueryFilters().Where(r => r.ReporterUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReporterName, DeletedUser.Name).SetProperty(r => r.ReporterEmail, (string?)null), ct);
        await db.FeedbackReports.IgnoreQueryFilters().Where(r => r.AssigneeUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AssigneeUserId, (Guid?)null), ct);
        // The photos stay with the report; who uploaded or published them does not.
        await db.FeedbackPhotos.IgnoreQueryFilters().Where(p => p.UploadedBy == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UploadedBy, (Guid?)null), ct);
        await db.FeedbackPhotos.IgnoreQueryFilters().Where(p => p.ApprovedBy == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ApprovedBy, (Guid?)null), ct);
    }

    public override async Task<IReadOnlyList<ModuleStatistic>> StatisticsAsync(GlasDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var received = await db.FeedbackReports.CountAsync(r => r.CreatedAt >= from && r.CreatedAt < to, ct);
        var answered = await db.FeedbackReports.CountAsync(r => r.AnsweredAt >= from && r.AnsweredAt < to, ct);
        var onTime = await db.FeedbackReports.CountAsync(r => r.AnsweredAt >= from && r.AnsweredAt < to && r.AnsweredAt <= r.DueAt, ct);
        var rated = db.FeedbackReports.Where(r => r.RatedAt >= from && r.RatedAt < to && r.Rating != null);
        var ratings = await rated.CountAsync(ct);
        List<ModuleStatistic> numbers = [new("reports", received), new("answered", answered), new("answered_on_time", onTime), new("ratings", ratings)];
        // No ratings (or no answers) is "no data", not an average or a median of zero.
        if (ratings > 0)
        {
            numbers.Add(new("satisfaction", Math.Round(await rated.AverageAsync(r => (decimal)r.Rating!.Value, ct), 2)));
        }
        if (answered > 0 && db.CurrentTenantId is { } tenantId)
        {
            var median = await db.Database.SqlQuery<double?>($"""
                SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "AnsweredAt" - "CreatedAt") / 86400) AS "Value"
                FROM "FeedbackReports" WHERE "TenantId" = {tenantId} AND "AnsweredAt" >= {from} AND "AnsweredAt" < {to}
                """).SingleAsync(ct);
            if (median is { } days)
            {
                numbers.Add(new("median_days_to_answer", Math.Round((decimal)days, 1)));
            }
        }
        return numbers;
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
