using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Surveys;

/// <summary>Surveys and feedback forms, declared to the platform.</summary>
public sealed class SurveysModule : GlasModule
{
    public override string Key => "surveys";

    public override int Order => 40;

    public override IEnumerable<NavEntry> Navigation =>
    [
        new("/surveys", typeof(SurveysText), "Nav"),
    ];

    public override IEnumerable<NavEntry> StaffLinks =>
    [
        new("/surveys/manage", typeof(SurveysText), "Nav.Manage", TenantRole.Official),
    ];

    /// <summary>For officials: surveys closing within a week, and their drafts.</summary>
    public override Task<IReadOnlyList<WorkGroup>> WorkTasksAsync(IServiceProvider services, WorkContext who, CancellationToken ct) =>
        SurveyWork.TasksAsync(services, who, ct);

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<SurveyStore>();
        services.AddSingleton<ResultsCache>();
        services.AddSingleton<SurveyReminders>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<SurveyReminders>());
    }

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapSurveysApi();

    public override Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => SurveysDemoData.SeedAsync(services, ct);

    public override IEnumerable<PersonalReference> PersonalReferences =>
    [
        new(typeof(SurveyResponse), nameof(SurveyResponse.UserId)),
    ];

    public override async Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        var responses = await db.SurveyResponses.IgnoreQueryFilters().AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.StartedAt)
            .Select(r => new { r.SurveyId, r.StartedAt, r.SubmittedAt, r.Group, r.Answers }).ToListAsync(ct);
        return responses.Count == 0 ? null : new { responses };
    }

    public override async Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        // Submitted answers stay in the results, no longer linked to anyone; unfinished ones go.
        await db.SurveyResponses.IgnoreQueryFilters().Where(r => r.UserId == userId && r.SubmittedAt == null).ExecuteDeleteAsync(ct);
        await db.SurveyResponses.IgnoreQueryFilters().Where(r => r.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.UserId, (Guid?)null), ct);
    }

    public override async Task<IReadOnlyList<ModuleStatistic>> StatisticsAsync(GlasDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var surveys = await db.Surveys.CountAsync(s => s.Launched, ct);
        var responses = await db.SurveyResponses.CountAsync(r => r.SubmittedAt >= from && r.SubmittedAt < to, ct);
        return [new("surveys", surveys), new("survey_responses", responses)];
    }

    public override string? FeedTitle(IServiceProvider services, Tenant tenant) =>
        $"{services.GetRequiredService<IStringLocalizer<SurveysText>>()["Title"]} — {tenant.NameBg}";

    public override async Task<IReadOnlyList<FeedItem>> FeedItemsAsync(IServiceProvider services, int max, CancellationToken ct)
    {
        var db = services.GetRequiredService<GlasDbContext>();
        return (await db.Surveys.AsNoTracking().Where(s => s.Launched && s.Audience != SurveyAudience.Invitation).OrderByDescending(s => s.UpdatedAt).ThenBy(s => s.Id).Take(max)
                .Select(s => new { s.Id, s.Title, s.Introduction, s.CreatedAt, s.UpdatedAt }).ToListAsync(ct))
            .Select(s => new FeedItem(Key, s.Id, s.Title, s.Introduction, $"/surveys/{s.Id}", s.CreatedAt, s.UpdatedAt, null))
            .ToList();
    }

    public override IEnumerable<SearchTrigger> SearchTriggers => [new(typeof(Survey), x => ((Survey)x).Id)];

    /// <summary>Surveys the public list shows (launched; invitation-only ones once their results are published): title and introduction.</summary>
    public override async Task<IReadOnlyList<SearchItem>> SearchItemsAsync(IServiceProvider services, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var query = services.GetRequiredService<GlasDbContext>().Surveys.AsNoTracking()
            .Where(x => x.Launched && (x.Audience != SurveyAudience.Invitation || x.ResultsPublished));
        if (ids is not null)
        {
            query = query.Where(x => ids.Contains(x.Id));
        }
        return (await query.Select(x => new { x.Id, x.Title, x.Introduction, x.OpensAt, x.CreatedAt }).ToListAsync(ct))
            .Select(x => new SearchItem(x.Id, "survey", x.Title, x.Introduction ?? "", $"/surveys/{x.Id}", x.OpensAt ?? x.CreatedAt))
            .ToList();
    }
}
