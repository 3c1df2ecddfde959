using Glas.Web.Platform.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Monitoring;

/// <summary>Policy monitoring on the home page: how many answers and implementations of recommendations are overdue.</summary>
public sealed class MonitoringHomeViewComponent(GlasDbContext db, MonitoringEditor editor) : ViewComponent
{
    public sealed record HomeData(int AnswersOverdue, int ImplementationOverdue);

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var today = editor.Today;
        var ct = HttpContext.RequestAborted;
        var answers = await db.Recommendations.CountAsync(r => r.Answer == AnswerStatus.Pending && r.AnswerDue < today, ct);
        var implementation = await db.Recommendations.CountAsync(r =>
            (r.Implementation == ImplementationStatus.Planned || r.Implementation == ImplementationStatus.InProgress) && r.Deadline < today, ct);
        return View("/Monitoring/_Home.cshtml", new HomeData(answers, implementation));
    }
}
