using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Feedback;

/// <summary>The signed-in person's own reports, public and private, newest first.</summary>
[Authorize]
public sealed class MineModel(GlasDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public List<FeedbackReport> Reports { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, FeedbackQueries.PageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.UserId();
        var q = db.FeedbackReports.AsNoTracking().Where(r => r.ReporterUserId == me);
        Pager = new Pager(PageNumber, FeedbackQueries.PageSize, await q.CountAsync(ct));
        Reports = await q.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Skip(Pager.Skip).Take(Pager.Size).ToListAsync(ct);
    }
}
