using Glas.Web.Platform.Database;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Surveys;

/// <summary>The administration's surveys open to the public or to participants, and those with published results.</summary>
public sealed class IndexModel(GlasDbContext db, TimeProvider time) : PageModel
{
    public const int PageSize = 20;

    public List<Survey> Surveys { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, PageSize, 0);
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(int? p, CancellationToken ct)
    {
        Now = time.GetUtcNow();
        var query = db.Surveys.AsNoTracking().Where(s => s.Launched && (s.Audience != SurveyAudience.Invitation || s.ResultsPublished));
        Pager = new Pager(p, PageSize, await query.CountAsync(ct));
        Surveys = await query.OrderByDescending(s => s.OpensAt ?? s.CreatedAt).ThenBy(s => s.Id).Skip(Pager.Skip).Take(Pager.Size).ToListAsync(ct);
    }
}
