using Glas.Web.Platform.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Events;

/// <summary>The home page's upcoming events.</summary>
public sealed class EventsHomeViewComponent(GlasDbContext db, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var now = time.GetUtcNow();
        var upcoming = await db.Events.AsNoTracking().Where(e => e.EndsAt > now && e.Status == EventStatus.Scheduled)
            .OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(5).ToListAsync(HttpContext.RequestAborted);
        return View("/Events/_Home.cshtml", upcoming);
    }
}
