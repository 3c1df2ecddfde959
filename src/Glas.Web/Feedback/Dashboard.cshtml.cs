using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Glas.Web.Feedback;

/// <summary>The officials' figures: received and answered per month, median days to answer, share on time, satisfaction; per category and department.</summary>
[Authorize(Policy = Policies.Official)]
public sealed class DashboardModel(GlasDbContext db, TimeProvider time) : PageModel
{
    public FeedbackDashboard Figures { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Figures = await FeedbackStatistics.ComputeAsync(db, time.GetUtcNow(), ct);
}
