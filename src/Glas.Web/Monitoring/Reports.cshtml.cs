using Glas.Web.Platform.Database;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Monitoring;

/// <summary>Civic monitoring reports and analyses, newest first.</summary>
public sealed class ReportsModel(GlasDbContext db) : PageModel
{
    public List<MonitoringReport> Items { get; private set; } = [];
    public Dictionary<Guid, int> RecommendationCounts { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, MonitoringQueries.PageSize, 0);

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Pager = new Pager(PageNumber, MonitoringQueries.PageSize, await db.MonitoringReports.CountAsync(ct));
        Items = await db.MonitoringReports.AsNoTracking().OrderByDescending(r => r.PublishedAt).ThenBy(r => r.Id).Skip(Pager.Skip).Take(Pager.Size).ToListAsync(ct);
        var ids = Items.Select(r => r.Id).ToList();
        RecommendationCounts = await db.Recommendations.Where(r => r.ReportId != null && ids.Contains(r.ReportId.Value))
            .GroupBy(r => r.ReportId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
