using Glas.Web.Platform.Database;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Projects;

/// <summary>The tenant's projects in two charts: value by starting year and by programme, each with its table.</summary>
public sealed class SummaryModel(GlasDbContext db, IStringLocalizer<ProjectsText> t) : PageModel
{
    public List<ChartBar> ByYear { get; private set; } = [];
    public List<ChartBar> ByProgramme { get; private set; } = [];
    public RegisterTotals Totals { get; private set; } = new(0, []);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ByYear = await ProjectQueries.ByYearAsync(db, ct);
        ByProgramme = await ProjectQueries.ByProgrammeAsync(db, t["Summary.NoProgramme"], ct);
        Totals = await ProjectQueries.TotalsAsync(db, new ProjectFilter(), ct);
    }
}
