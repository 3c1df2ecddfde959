using Glas.Web.Platform.Database;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Glas.Web.Projects;

/// <summary>The public register: filters, sort, totals for the filter, a page of projects.</summary>
public sealed class IndexModel(GlasDbContext db, FilterOptionsCache cache, Glas.Web.Platform.Tenancy.TenantContext tenant) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Programme { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public ProjectFilter Filter { get; private set; } = new();
    public RegisterTotals Totals { get; private set; } = new(0, []);
    public List<ProjectRow> Items { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, ProjectQueries.PageSize, 0, "");
    public List<string> Programmes { get; private set; } = [];
    public List<(Guid Id, string Name)> Organisations { get; private set; } = [];
    public (int Min, int Max)? Years { get; private set; }
    public bool FilterInvalid { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var parsed = ProjectsApi.ParseFilter(Year, Status, Programme, Role, Organisation, Sort);
        FilterInvalid = parsed is null;
        Filter = parsed ?? new ProjectFilter();
        Totals = await ProjectQueries.TotalsAsync(db, Filter, ct);
        Pager = new Pager(PageNumber ?? 1, ProjectQueries.PageSize, Totals.Count, Filter.Query());
        Items = await ProjectQueries.PageAsync(db, Filter, Pager.Current, ProjectQueries.PageSize, ct);
        var options = await ProjectQueries.OptionsAsync(db, cache, tenant.Required.Id, ct);
        (Programmes, Organisations, Years) = (options.Programmes, options.Organisations, options.Years);
    }
}
