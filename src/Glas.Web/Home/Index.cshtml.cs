using Glas.Web.Consultations;
using Glas.Web.Platform.Database;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Glas.Web.Home;

public sealed class IndexModel(GlasDbContext db, TimeProvider time) : PageModel
{
    public List<ConsultationRow> OpenNow { get; private set; } = [];
    public List<ConsultationRow> ClosingSoon { get; private set; } = [];
    public List<ConsultationRow> OverdueReports { get; private set; } = [];

    public async Task OnGetAsync() =>
        (OpenNow, ClosingSoon, OverdueReports) = await ConsultationQueries.HomeAsync(db, time.GetUtcNow(), HttpContext.RequestAborted);
}
