using Glas.Web.Participation.Comments;
using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Monitoring;

/// <summary>Policy monitoring: policies with goals, measures and indicators; civic reports; recommendations tracked to implementation.</summary>
public sealed class MonitoringModule : GlasModule
{
    public override string Key => "monitoring";

    public override int Order => 40;

    public override IEnumerable<NavEntry> Navigation =>
    [
        new("/monitoring", typeof(MonitoringText), "Nav"),
    ];

    /// <summary>For officials: recommendations waiting for an answer, and implementations past their deadline.</summary>
    public override Task<IReadOnlyList<WorkGroup>> WorkTasksAsync(IServiceProvider services, WorkContext who, CancellationToken ct) =>
        MonitoringWork.TasksAsync(services, who, ct);

    public override Type? HomeComponent => typeof(MonitoringHomeViewComponent);

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MonitoringOptions>(configuration.GetSection("Glas:Monitoring"));
        services.AddScoped<MonitoringEditor>();
        services.AddScoped<IDocumentSubjects, PolicyDocumentSubjects>();
        services.AddScoped<IDocumentSubjects, ReportDocumentSubjects>();
        services.AddScoped<ICommentSubjects, PolicyComments>();
        services.AddScoped<ICommentSubjects, ReportComments>();
        services.AddScoped<ICommentSubjects, RecommendationComments>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapMonitoringApi();

    public override Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => MonitoringDemoData.SeedAsync(services, ct);

    public override IEnumerable<PersonalReference> PersonalReferences =>
    [
        new(typeof(IndicatorValue), nameof(IndicatorValue.ReportedById)),
        new(typeof(MonitoringReport), nameof(MonitoringReport.AuthorUserId)),
        new(typeof(Recommendation), nameof(Recommendation.AuthorUserId)),
        new(typeof(RecommendationEvent), nameof(RecommendationEvent.ActorUserId)),
    ];

    public override async Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        var values = await db.IndicatorValues.IgnoreQueryFilters().AsNoTracking().Where(v => v.ReportedById == userId).OrderBy(v => v.ReportedAt)
            .Select(v => new { v.IndicatorId, v.Year, v.Value, v.SourceNote, v.ReportedAt }).ToListAsync(ct);
        var reports = await db.MonitoringReports.IgnoreQueryFilters().AsNoTracking().Where(r => r.AuthorUserId == userId).OrderBy(r => r.PublishedAt)
            .Select(r => new { r.Id, r.Title, r.AuthorName, r.Summary, r.Findings, r.PublishedAt }).ToListAsync(ct);
        var recommendations = await db.Recommendations.IgnoreQueryFilters().AsNoTracking().Where(r => r.AuthorUserId == userId).OrderBy(r => r.CreatedAt)
            .Select(r => new { r.Id, r.Title, r.Text, r.CreatedAt }).ToListAsync(ct);
        var timeline = await db.RecommendationEvents.IgnoreQueryFilters().AsNoTracking().Where(e => e.ActorUserId == userId).OrderBy(e => e.At)
            .Select(e => new { e.RecommendationId, e.At, e.Kind, e.Note }).ToListAsync(ct);
        return values.Count + reports.Count + recommendations.Count + timeline.Count == 0 ? null : new { values, reports, recommendations, timeline };
    }

    public override async Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        // Public records stay (they are the administration's or the organisation's), without the person's name.
        await db.IndicatorValues.IgnoreQueryFilters().Where(v => v.ReportedById == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.ReportedByName, DeletedUser.Name), ct);
        await db.RecommendationEvents.IgnoreQueryFilters().Where(e => e.ActorUserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorName, DeletedUser.Name), ct);
    }

    public override async Task<IReadOnlyList<ModuleStatistic>> StatisticsAsync(GlasDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var policies = await db.Policies.CountAsync(ct);
        var reports = await db.MonitoringReports.CountAsync(r => r.PublishedAt >= from && r.PublishedAt < to, ct);
        var recommendations = await db.Recommendations.CountAsync(r => r.CreatedAt >= from && r.CreatedAt < to, ct);
        var answered = await db.Recommendations.CountAsync(r => r.AnsweredAt >= from && r.AnsweredAt < to, ct);
        // Of the recommendations made in the period: answered by now, accepted (fully or partly), and of those implemented.
        var made = db.Recommendations.Where(r => r.CreatedAt >= from && r.CreatedAt < to);
        var madeAnswered = await made.CountAsync(r => r.Answer != AnswerStatus.Pending, ct);
        var accepted = await made.CountAsync(r => r.Answer == AnswerStatus.Accepted || r.Answer == AnswerStatus.PartiallyAccepted, ct);
        var implemented = await made.CountAsync(r => (r.Answer == AnswerStatus.Accepted || r.Answer == AnswerStatus.PartiallyAccepted) && r.Implementation == ImplementationStatus.Implemented, ct);
        // Civic monitoring: monitoring reports, and any report an organisation's account wrote.
        var civic = await db.MonitoringReports.CountAsync(r => r.PublishedAt >= from && r.PublishedAt < to && (r.Kind == ReportKind.MonitoringReport || r.AuthorUserId != null), ct);
        return
        [
            new("policies", policies), new("reports", reports), new("recommendations", recommendations), new("answered", answered),
            new("recommendations_answered", madeAnswered), new("recommendations_accepted", accepted), new("recommendations_implemented", implemented),
            new("civic_reports", civic),
        ];
    }

    public override string? FeedTitle(IServiceProvider services, Tenant tenant) =>
        $"{services.GetRequiredService<IStringLocalizer<MonitoringText>>()["Title"]} — {tenant.NameBg}";

    public override async Task<IReadOnlyList<FeedItem>> FeedItemsAsync(IServiceProvider services, int max, CancellationToken ct)
    {
        var t = services.GetRequiredService<IStringLocalizer<MonitoringText>>();
        var db = services.GetRequiredService<GlasDbContext>();
        var reports = (await db.MonitoringReports.AsNoTracking().OrderByDescending(r => r.PublishedAt).ThenBy(r => r.Id).Take(max)
                .Select(r => new { r.Id, r.Title, r.AuthorName, r.Kind, r.PublishedAt, r.UpdatedAt }).ToListAsync(ct))
            .Select(r => new FeedItem(Key, r.Id, r.Title, r.AuthorName, $"/monitoring/reports/{r.Id}", r.PublishedAt, r.UpdatedAt, r.Kind.ToString(), t["Kind." + r.Kind].Value));
        var recommendations = (await db.Recommendations.AsNoTracking().OrderByDescending(r => r.UpdatedAt).ThenBy(r => r.Id).Take(max)
                .Select(r => new { r.Id, r.Title, r.AddresseeUnit, r.Answer, r.Implementation, r.CreatedAt, r.UpdatedAt }).ToListAsync(ct))
            .Select(r =>
            {
                var stage = RecommendationRules.Stage(r.Answer, r.Implementation);
                return new FeedItem(Key, r.Id, r.Title, $"{t["Stage." + stage]} · {r.AddresseeUnit}", $"/monitoring/recommendations/{r.Id}", r.CreatedAt, r.UpdatedAt, stage, t["Stage." + stage].Value);
            });
        return reports.Concat(recommendations).OrderByDescending(i => i.Updated).ThenBy(i => i.Id).Take(max).ToList();
    }

    public override IEnumerable<SearchTrigger> SearchTriggers =>
    [
        new(typeof(Policy), p => ((Policy)p).Id),
        new(typeof(MonitoringReport), r => ((MonitoringReport)r).Id),
        new(typeof(Recommendation), r => ((Recommendation)r).Id),
    ];

    /// <summary>Policies, monitoring reports and recommendations (all public), each with its own page.</summary>
    public override async Task<IReadOnlyList<SearchItem>> SearchItemsAsync(IServiceProvider services, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var db = services.GetRequiredService<GlasDbContext>();
        var policies = db.Policies.AsNoTracking();
        var reports = db.MonitoringReports.AsNoTracking();
        var recommendations = db.Recommendations.AsNoTracking();
        if (ids is not null)
        {
            policies = policies.Where(p => ids.Contains(p.Id));
            reports = reports.Where(r => ids.Contains(r.Id));
            recommendations = recommendations.Where(r => ids.Contains(r.Id));
        }
        static string Join(params string?[] parts) => string.Join("\n", parts.Where(x => !string.IsNullOrWhiteSpace(x)));
        var items = new List<SearchItem>();
        items.AddRange((await policies.Select(p => new { p.Id, p.Title, p.Area, p.ResponsibleUnit, p.Summary, p.CreatedAt }).ToListAsync(ct))
            .Select(p => new SearchItem(p.Id, "policy", p.Title, Join(p.Summary, p.Area, p.ResponsibleUnit), $"/monitoring/policies/{p.Id}", p.CreatedAt)));
        items.AddRange((await reports.Select(r => new { r.Id, r.Title, r.AuthorName, r.Summary, r.Findings, r.PublishedAt }).ToListAsync(ct))
            .Select(r => new SearchItem(r.Id, "report", r.Title, Join(r.Summary, r.Findings, r.AuthorName), $"/monitoring/reports/{r.Id}", r.PublishedAt)));
        items.AddRange((await recommendations.Select(r => new { r.Id, r.Title, r.Text, r.AddresseeUnit, r.AuthorName, r.CreatedAt }).ToListAsync(ct))
            .Select(r => new SearchItem(r.Id, "recommendation", r.Title, Join(r.Text, r.AddresseeUnit, r.AuthorName), $"/monitoring/recommendations/{r.Id}", r.CreatedAt)));
        return items;
    }
}
