using Glas.Web.Platform.Database;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Glas.Web.Events;

/// <summary>The calendar: a month's events, filtered by kind and by online or in person, without JavaScript.</summary>
public sealed class IndexModel(GlasDbContext db, TimeProvider time) : PageModel
{
    public EventFilter Filter { get; private set; } = null!;
    public bool FilterInvalid { get; private set; }
    public List<EventRow> Rows { get; private set; } = [];
    public Pager Pager { get; private set; } = null!;

    public async Task OnGetAsync(string? month, string? kind, string? mode, int? p, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (EventFilter.Parse(month, kind, mode, now) is { } filter)
        {
            Filter = filter;
        }
        else
        {
            FilterInvalid = true;
            Filter = EventFilter.Parse(null, null, null, now)!;
        }
        (Rows, Pager) = await EventQueries.PageAsync(db, EventQueries.Filtered(db, Filter), p, Filter.Query(), ct);
    }

    public string MonthLink(int delta)
    {
        var d = new DateOnly(Filter.Year, Filter.Month, 1).AddMonths(delta);
        return "?" + (Filter with { Year = d.Year, Month = d.Month }).Query();
    }
}
