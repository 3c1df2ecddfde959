using Glas.Web.Platform.Database;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Glas.Web.News;

/// <summary>The public news, newest first, paged, filtered by topic.</summary>
public sealed class IndexModel(GlasDbContext db, TimeProvider time) : PageModel
{
    public string? Topic { get; private set; }
    public bool TopicInvalid { get; private set; }
    public List<NewsPost> Posts { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(string? topic, int? p, CancellationToken ct)
    {
        if (NewsRules.TryTopic(topic, out var code))
        {
            Topic = code;
        }
        else
        {
            TopicInvalid = true;
        }
        (Posts, Pager) = await NewsQueries.PageAsync(NewsQueries.Public(db, time.GetUtcNow(), Topic), p, NewsRules.PageSize, Topic is null ? "" : "topic=" + Topic, ct);
    }
}
