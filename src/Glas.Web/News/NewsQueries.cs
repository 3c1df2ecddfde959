using Glas.Web.Platform.Database;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.News;

/// <summary>The public news of the current administration, newest first, and the items a post may link to.</summary>
public static class NewsQueries
{
    public static IQueryable<NewsPost> Public(GlasDbContext db, DateTimeOffset now, string? topic = null)
    {
        var query = db.NewsPosts.AsNoTracking().Where(p => p.PublishAt != null && p.PublishAt <= now);
        if (topic is not null)
        {
            query = query.Where(p => p.Topics.Contains(topic));
        }
        return query;
    }

    /// <summary>One page of <paramref name="query"/>, newest first, with its links.</summary>
    public static async Task<(List<NewsPost> Posts, Pager Pager)> PageAsync(IQueryable<NewsPost> query, int? page, int size, string pagerQuery, CancellationToken ct)
    {
        var pager = new Pager(page, size, await query.CountAsync(ct), pagerQuery);
        var posts = await query.OrderByDescending(p => p.PublishAt).ThenByDescending(p => p.Id).Skip(pager.Skip).Take(size)
            .Include(p => p.Links.OrderBy(l => l.Position)).AsSplitQuery().ToListAsync(ct);
        return (posts, pager);
    }

    /// <summary>The administration's items a post may link to: the newest of each module that offers them, through the module manifest.</summary>
    public static async Task<List<LinkChoice>> LinkChoicesAsync(IServiceProvider services, CancellationToken ct)
    {
        var catalog = services.GetRequiredService<ModuleCatalog>();
        var choices = new List<LinkChoice>();
        foreach (var key in NewsRules.LinkModules)
        {
            if (catalog.All.FirstOrDefault(m => m.Key == key) is { } module)
            {
                choices.AddRange((await module.FeedItemsAsync(services, 100, ct)).Select(i => new LinkChoice(key, i.Id, i.Title, i.Path)));
            }
        }
        return choices;
    }
}
