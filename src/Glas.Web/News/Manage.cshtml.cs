using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.News;

/// <summary>The officials' list of every post of the administration, drafts and scheduled ones first.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class ManageModel(GlasDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    public sealed record Row(Guid Id, string Title, NewsStatus Status, DateTimeOffset? PublishAt, DateTimeOffset UpdatedAt);

    public List<Row> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(int? p, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        Pager = new Pager(p, PageSize, await db.NewsPosts.CountAsync(ct));
        Rows = (await db.NewsPosts.AsNoTracking()
                .OrderBy(x => x.PublishAt != null && x.PublishAt <= now).ThenByDescending(x => x.PublishAt).ThenByDescending(x => x.UpdatedAt).ThenBy(x => x.Id)
                .Skip(Pager.Skip).Take(PageSize).Select(x => new { x.Id, x.Title, x.PublishAt, x.UpdatedAt }).ToListAsync(ct))
            .Select(x => new Row(x.Id, x.Title, NewsRules.Status(x.PublishAt, now), x.PublishAt, x.UpdatedAt)).ToList();
    }
}
