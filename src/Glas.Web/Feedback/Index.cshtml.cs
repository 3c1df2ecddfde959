using Glas.Web.Platform.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Feedback;

/// <summary>The public list of public reports, filtered by status and category, newest first.</summary>
public sealed class IndexModel(GlasDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public bool FilterInvalid { get; private set; }

    /// <summary>The map's points, with the list's filters.</summary>
    public string PointsUrl => "/api/v1/feedback/points" + (FilterQuery.Length > 0 ? "?" + FilterQuery : "");

    private string FilterQuery { get; set; } = "";
    public List<ReportRow> Rows { get; private set; } = [];
    public Platform.Web.Pager Pager { get; private set; } = new(1, FeedbackQueries.PageSize, 0);
    public List<FeedbackCategory> Categories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Categories = await db.FeedbackCategories.AsNoTracking().OrderBy(c => c.SortOrder).ToListAsync(ct);
        FeedbackStatus? status = null;
        if (!string.IsNullOrEmpty(Status))
        {
            if (Enum.TryParse<FeedbackStatus>(Status, out var s) && Enum.IsDefined(s) && !int.TryParse(Status, out _))
            {
                status = s;
            }
            else
            {
                FilterInvalid = true;
            }
        }
        if (!string.IsNullOrEmpty(Category) && !Categories.Any(c => c.Code == Category))
        {
            FilterInvalid = true;
        }
        if (FilterInvalid)
        {
            return;
        }
        var query = FilterQuery = string.Join('&', new[] { ("status", Status), ("category", Category) }.Where(x => !string.IsNullOrEmpty(x.Item2)).Select(x => x.Item1 + "=" + Uri.EscapeDataString(x.Item2!)));
        (Rows, Pager) = await FeedbackQueries.PublicPageAsync(db, status, Category, PageNumber, query, ct);
    }
}
