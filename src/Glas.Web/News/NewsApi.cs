using Glas.Web.Participation.Subscriptions;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.OpenData;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.News;

/// <summary>A linked item as the API shows it.</summary>
public sealed record NewsLinkDto(string Module, Guid Id, string Title, string Url);

/// <summary>A public news post as the API shows it: the Markdown as written and the HTML as the page shows it (sanitised), and its cover image with its text alternative.</summary>
public sealed record NewsDto(Guid Id, string Title, string Summary, string Body, string BodyHtml, IReadOnlyList<string> Topics, DateTimeOffset PublishedAt,
    DateTimeOffset UpdatedAt, string Url, IReadOnlyList<NewsLinkDto> Links, string? CoverUrl = null, string? CoverAlt = null)
{
    public static NewsDto From(NewsPost p, PublicAddress addresses, Tenant tenant) =>
        new(p.Id, p.Title, p.Summary, p.Body, SafeMarkdown.ToHtml(p.Body), p.Topics, p.PublishAt!.Value, p.UpdatedAt, addresses.Absolute(tenant, $"/news/{p.Id}"),
            p.Links.OrderBy(l => l.Position).Select(l => new NewsLinkDto(l.Module, l.ItemId, l.Title, addresses.Absolute(tenant, l.Path))).ToList(),
            NewsCovers.PathOf(p) is { } cover ? addresses.Absolute(tenant, cover) : null, p.CoverAlt);
}

public static class NewsApi
{
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapNewsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/news").WithTags("News");

        api.MapGet("/", async Task<Results<Ok<PageOf<NewsDto>>, ValidationProblem>> (GlasDbContext db, PublicAddress addresses, HttpContext http, TimeProvider time,
                int? page, int? pageSize, string? topic, CancellationToken ct) =>
            {
                if (page is < 1)
                {
                    return WebExtensions.Invalid("page", "page: 1 or more");
                }
                if (pageSize is < 1 or > MaxPageSize)
                {
                    return WebExtensions.Invalid("pageSize", $"pageSize: 1 to {MaxPageSize}");
                }
                if (!NewsRules.TryTopic(topic, out var code))
                {
                    return WebExtensions.Invalid("topic", "topic: " + string.Join('|', Topics.All));
                }
                var (posts, pager) = await NewsQueries.PageAsync(NewsQueries.Public(db, time.GetUtcNow(), code), page, pageSize ?? 20, "", ct);
                var tenant = http.CurrentTenant();
                return TypedResults.Ok(PageOf.Create(posts.Select(p => NewsDto.From(p, addresses, tenant)).ToList(), pager));
            })
            .WithName("ListNews").WithSummary("The administration's published news, newest first, paged (page, pageSize up to 100), optionally of one topic.");

        api.MapGet("/{id:guid}", async Task<Results<Ok<NewsDto>, NotFound>> (Guid id, GlasDbContext db, PublicAddress addresses, HttpContext http, TimeProvider time, CancellationToken ct) =>
                await NewsQueries.Public(db, time.GetUtcNow()).Include(p => p.Links).FirstOrDefaultAsync(p => p.Id == id, ct) is { } p
                    ? TypedResults.Ok(NewsDto.From(p, addresses, http.CurrentTenant()))
                    : TypedResults.NotFound())
            .WithName("GetNews").WithSummary("One published news post.");

        // Atom of one topic; the feed of all news is the manifest's /news/feed.atom.
        app.MapMethods("/news/topics/{topic}/feed.atom", [HttpMethods.Get, HttpMethods.Head], async (string topic, HttpContext context, PublicAddress addresses,
                IStringLocalizer<NewsText> t, IStringLocalizer<Participation.SubscriptionsText> s, CancellationToken ct) =>
            {
                if (!Topics.IsKnown(topic))
                {
                    return Results.NotFound();
                }
                var tenant = context.CurrentTenant();
                var items = await NewsModule.FeedItemsAsync(context.RequestServices, topic, 50, ct);
                var xml = AtomFeed.Write(AtomFeed.FeedId(tenant.Id, "news-" + topic), $"{t["Title"]}: {s["Topic." + topic]} — {tenant.NameBg}", tenant.NameBg,
                    addresses.TenantBaseUrl(tenant), "/news?topic=" + topic, items, tenant.CreatedAt, $"/news/topics/{topic}/feed.atom");
                return ConditionalGet.Text(context, xml, AtomFeed.ContentType, AtomFeed.Updated(items, tenant.CreatedAt));
            }).ExcludeFromDescription();
        return app;
    }
}
