using Glas.Web.Platform.Database;
using Microsoft.AspNetCore.Mvc;

namespace Glas.Web.Consultations;

/// <summary>The consultations' part of the home page: closing soon, open now, reports overdue.</summary>
public sealed class ConsultationsHomeViewComponent(GlasDbContext db, TimeProvider time) : ViewComponent
{
    public sealed record HomeData(List<ConsultationRow> OpenNow, List<ConsultationRow> ClosingSoon, List<ConsultationRow> OverdueReports);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var (open, closing, overdue) = await ConsultationQueries.HomeAsync(db, time.GetUtcNow(), HttpContext.RequestAborted);
        return View("/Consultations/_Home.cshtml", new HomeData(open, closing, overdue));
    }
}
