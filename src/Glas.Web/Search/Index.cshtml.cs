using Glas.Web.Platform.Database;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Search;

/// <summary>The search page: one box, filters by module and year, results paged with snippets.</summary>
public sealed class IndexModel(GlasDbContext db, IStringLocalizer<SearchText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Module { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public List<SearchHit> Hits { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, SearchQuery.PageSize, 0);
    public List<string> Modules { get; private set; } = [];
    public bool Searched { get; private set; }

    /// <summary>More items match than are counted and ranked (see <see cref="SearchQuery.Limit"/>).</summary>
    public bool More { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The sections that contribute to search, from the manifest: no scan of the index per request.
        Modules = [.. ModuleCatalog.Declared.All.Where(m => m.SearchTriggers.Any()).Select(m => m.Key)];
        if (!Request.Query.ContainsKey("q") && Module is null && Year is null)
        {
            return Page();
        }
        // A wrong-type year is a model error; the rules give every other field its message.
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError(nameof(Year), t["Error.Year"]);
            return BadRequestPage();
        }
        if (SearchRules.Check(Q, Module, Year) is { } error)
        {
            ModelState.AddModelError(error.Field == "q" ? nameof(Q) : error.Field == "module" ? nameof(Module) : nameof(Year), t[error.Key]);
            return BadRequestPage();
        }
        Searched = true;
        var query = string.Join('&', new[] { ("q", Q), ("module", Module), ("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(x => !string.IsNullOrEmpty(x.Item2)).Select(x => x.Item1 + "=" + Uri.EscapeDataString(x.Item2!)));
        (Hits, var pager, More) = await SearchQuery.RunAsync(db, new SearchRequest(Q, Module, Year, PageNumber), ct);
        Pager = new Pager(pager.Current, pager.Size, pager.Total, query);
        return Page();
    }

    private PageResult BadRequestPage()
    {
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }
}
