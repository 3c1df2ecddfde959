using Glas.Web.Participation.Comments;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Consultations;

/// <summary>Public consultations on draft acts (ЗНА чл. 26), declared to the platform.</summary>
public sealed class ConsultationsModule : GlasModule
{
    public override string Key => "consultations";

    public override int Order => 10;

    public override IEnumerable<NavEntry> Navigation =>
    [
        new("/consultations", typeof(ConsultationsText), "Nav"),
    ];

    public override IEnumerable<NavEntry> StaffLinks =>
    [
        new("/consultations/edit", typeof(ConsultationsText), "Nav.New", TenantRole.Official),
    ];

    public override Type? HomeComponent => typeof(ConsultationsHomeViewComponent);

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ConsultationOptions>(configuration.GetSection("Glas:Consultations"));
        services.AddScoped<FollowerMail>();
        services.AddScoped<ICommentSubjects, ConsultationComments>();
        services.AddSingleton<ConsultationClock>();
        if (configuration.GetValue("Glas:Consultations:ClockEnabled", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<ConsultationClock>());
        }
    }

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapConsultationsApi();

    public override Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => ConsultationsDemoData.SeedAsync(services, ct);

    public override async Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        // The person's comments, supports and reports are the comments component's.
        var follows = await db.Follows.AsNoTracking().Where(f => f.UserId == userId).Select(f => new { f.ConsultationId, f.CreatedAt }).ToListAsync(ct);
        var ratings = await db.ProcessRatings.AsNoTracking().Where(r => r.UserId == userId).Select(r => new { r.ConsultationId, r.Score, r.Remark, r.CreatedAt }).ToListAsync(ct);
        return new { follows, ratings };
    }

    public override async Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        await db.Follows.Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);
        await db.ProcessRatings.Where(r => r.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Remark, (string?)null), ct);
    }

    public override async Task<IReadOnlyList<ModuleStatistic>> StatisticsAsync(GlasDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var published = await db.Published().CountAsync(c => c.CreatedAt >= from && c.CreatedAt < to, ct);
        var commented = db.Comments.Where(c => c.SubjectKind == ConsultationComments.Kind && c.CreatedAt >= from && c.CreatedAt < to);
        var comments = await commented.CountAsync(ct);
        var participants = await commented.Select(c => c.AuthorId).Distinct().CountAsync(ct);
        return [new("consultations", published), new("comments", comments), new("participants", participants)];
    }

    public override async Task<IReadOnlyList<FeedItem>> FeedItemsAsync(GlasDbContext db, int max, CancellationToken ct) =>
        (await db.Published().AsNoTracking().OrderByDescending(c => c.UpdatedAt).Take(max)
            .Select(c => new { c.Id, c.Title, c.Summary, c.CreatedAt, c.UpdatedAt, c.Status }).ToListAsync(ct))
        .Select(c => new FeedItem(Key, c.Id, c.Title, c.Summary, $"/consultations/{c.Id}", c.CreatedAt, c.UpdatedAt, c.Status.ToString()))
        .ToList();
}
