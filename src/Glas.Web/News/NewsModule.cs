using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.News;

/// <summary>The administration's news: posts with topics, scheduled publishing and links to other modules' items; declared to the platform.</summary>
public sealed class NewsModule : GlasModule
{
    public override string Key => "news";

    public override int Order => 50;

    public override IEnumerable<NavEntry> Navigation => [new("/news", typeof(NewsText), "Nav")];

    public override IEnumerable<NavEntry> StaffLinks => [new("/news/manage", typeof(NewsText), "Manage.Title", TenantRole.Official)];

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapNewsApi().MapNewsCovers();

    public override Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => NewsDemoData.SeedAsync(services, ct);

    public override IEnumerable<PersonalReference> PersonalReferences => [new(typeof(NewsPost), nameof(NewsPost.AuthorId))];

    public override async Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        var posts = await db.NewsPosts.IgnoreQueryFilters().AsNoTracking().Where(p => p.AuthorId == userId).OrderBy(p => p.CreatedAt)
            .Select(p => new { p.Id, p.TenantId, p.Title, p.CreatedAt, p.PublishAt }).ToListAsync(ct);
        return posts.Count == 0 ? null : new { posts };
    }

    /// <summary>A post is the administration's publication: it stays, without its author.</summary>
    public override Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct) =>
        db.NewsPosts.IgnoreQueryFilters().Where(p => p.AuthorId == userId).ExecuteUpdateAsync(s => s.SetProperty(p => p.AuthorId, (Guid?)null), ct);

    public override async Task<IReadOnlyList<ModuleStatistic>> StatisticsAsync(GlasDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        [new("news_published", await db.NewsPosts.CountAsync(p => p.PublishAt >= from && p.PublishAt < to, ct))];

    public override string? FeedTitle(IServiceProvider services, Tenant tenant) =>
        $"{services.GetRequiredService<IStringLocalizer<NewsText>>()["Title"]} — {tenant.NameBg}";

    public override async Task<IReadOnlyList<FeedItem>> FeedItemsAsync(IServiceProvider services, int max, CancellationToken ct) =>
        await FeedItemsAsync(services, null, max, ct);

    /// <summary>The newest public posts (of one topic, when given) as feed items, newest first.</summary>
    public static async Task<IReadOnlyList<FeedItem>> FeedItemsAsync(IServiceProvider services, string? topic, int max, CancellationToken ct)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var t = services.GetRequiredService<IStringLocalizer<Participation.SubscriptionsText>>();
        return (await NewsQueries.Public(services.GetRequiredService<GlasDbContext>(), now, topic).OrderByDescending(p => p.PublishAt).ThenBy(p => p.Id).Take(max)
                .Select(p => new { p.Id, p.Title, p.Summary, p.PublishAt, p.UpdatedAt, p.Topics }).ToListAsync(ct))
            .Select(p =>
            {
                var first = topic ?? p.Topics.FirstOrDefault();
                return new FeedItem("news", p.Id, p.Title, p.Summary, $"/news/{p.Id}", p.PublishAt!.Value, p.UpdatedAt > p.PublishAt.Value ? p.UpdatedAt : p.PublishAt.Value,
                    first, first is null ? null : t["Topic." + first].Value, p.Topics);
            })
            .ToList();
    }

    public override IEnumerable<SearchTrigger> SearchTriggers => [new(typeof(NewsPost), p => ((NewsPost)p).Id)];

    /// <summary>Public posts only: a draft or a scheduled post is not found (the subscriptions' announcement re-indexes a post when it becomes public).</summary>
    public override async Task<IReadOnlyList<SearchItem>> SearchItemsAsync(IServiceProvider services, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var query = NewsQueries.Public(services.GetRequiredService<GlasDbContext>(), now);
        if (ids is not null)
        {
            query = query.Where(p => ids.Contains(p.Id));
        }
        return (await query.Select(p => new { p.Id, p.Title, p.Summary, p.Body, p.PublishAt }).ToListAsync(ct))
            .Select(p => new SearchItem(p.Id, "news", p.Title, p.Summary + "\n" + SafeMarkdown.ToPlainText(p.Body), $"/news/{p.Id}", p.PublishAt!.Value))
            .ToList();
    }
}
