using System.Globalization;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Monitoring;

/// <summary>The public tracker: every recommendation, filtered by stage, source, policy, unit and year, with counts per stage.</summary>
public sealed class RecommendationsModel(GlasDbContext db, MonitoringEditor editor) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Source { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Policy { get; set; }
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int? PageNumber { get; set; }

    public bool InvalidFilter { get; private set; }
    public List<Recommendation> Items { get; private set; } = [];
    public Dictionary<string, int> Counts { get; private set; } = [];
    public Pager Pager { get; private set; } = new(1, MonitoringQueries.PageSize, 0);
    public List<(Guid Id, string Title)> PolicyOptions { get; private set; } = [];
    public List<string> Units { get; private set; } = [];
    public List<int> Years { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = editor.Today;
        PolicyOptions = (await db.Policies.AsNoTracking().OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).Take(200).ToListAsync(ct)).Select(p => (p.Id, p.Title)).ToList();
        Units = await db.Recommendations.AsNoTracking().Select(r => r.AddresseeUnit).Distinct().OrderBy(u => u).Take(200).ToListAsync(ct);
        var first = await db.Recommendations.MinAsync(r => (DateTimeOffset?)r.CreatedAt, ct);
        Years = first is { } f ? Enumerable.Range(f.Year, Math.Max(0, Today.Year - f.Year) + 1).Reverse().ToList() : [];
        int? year = int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
        var filter = MonitoringApi.ParseFilter(Stage, Source, Policy, year, Unit);
        if (filter is null || (!string.IsNullOrEmpty(Year) && year is null))
        {
            InvalidFilter = true;
            filter = new MonitoringQueries.RecommendationFilter(null, null, null, null, null);
            Stage = Source = Year = Unit = null;
            Policy = null;
        }
        var q = MonitoringQueries.Filtered(db, filter);
        Counts = await MonitoringQueries.CountsAsync(q, ct);
        var query = string.Join('&', new[] { ("stage", Stage), ("source", Source), ("policy", Policy?.ToString()), ("year", Year), ("unit", Unit) }
            .Where(x => !string.IsNullOrEmpty(x.Item2)).Select(x => x.Item1 + "=" + Uri.EscapeDataString(x.Item2!)));
        Pager = new Pager(PageNumber, MonitoringQueries.PageSize, Counts.Values.Sum(), query);
        Items = await q.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Skip(Pager.Skip).Take(Pager.Size).ToListAsync(ct);
    }
}
