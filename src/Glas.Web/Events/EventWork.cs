using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Events;

/// <summary>
/// An official's events: the upcoming ones they organise (created or edited, as the audit log says),
/// with the places taken and the people waiting. A shortcut, not counted as work waiting.
/// </summary>
public static class EventWork
{
    /// <summary>How far back the audit log is asked, and for how many events.</summary>
    public const int LookedDays = 365;
    public const int Looked = 50;

    /// <summary>An event within this many days is „скоро“.</summary>
    public const int SoonDays = 7;

    public static async Task<IReadOnlyList<WorkGroup>> TasksAsync(IServiceProvider services, WorkContext who, CancellationToken ct)
    {
        if (!who.Acts(TenantRole.Official))
        {
            return [];
        }
        var db = services.GetRequiredService<GlasDbContext>();
        var now = who.Now;
        var mine = await AuditQueries.RecentSubjectsAsync(db, who.UserId, "event", now.AddDays(-LookedDays), Looked, ct);
        if (mine.Count == 0)
        {
            return [];
        }
        var ids = mine.Select(m => m.Id).ToList();
        var upcoming = db.Events.AsNoTracking().Where(e => ids.Contains(e.Id) && e.Status == EventStatus.Scheduled && e.EndsAt > now);
        var total = await upcoming.CountAsync(ct);
        if (total == 0)
        {
            return [];
        }
        var rows = await upcoming.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(WorkGroup.Shown).Select(e => new { e.Id, e.Title, e.StartsAt, e.Capacity }).ToListAsync(ct);
        var shown = rows.Select(e => e.Id).ToList();
        var counts = await db.EventRegistrations.AsNoTracking()
            .Where(r => shown.Contains(r.EventId) && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Waitlisted))
            .GroupBy(r => new { r.EventId, r.Status }).Select(g => new { g.Key.EventId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Count(Guid id, RegistrationStatus status) => counts.Where(c => c.EventId == id && c.Status == status).Sum(c => c.Count);
        var t = services.GetRequiredService<IStringLocalizer<EventsText>>();
        return
        [
            new WorkGroup("events-upcoming", t["Work.Upcoming"], total,
                rows.Select(e =>
                {
                    var registered = Count(e.Id, RegistrationStatus.Confirmed);
                    var places = e.Capacity is { } c ? t["Work.Places", registered, c] : t["Work.Registered", registered];
                    var waiting = Count(e.Id, RegistrationStatus.Waitlisted);
                    return new WorkTask(e.Title, $"/events/{e.Id}/attendees",
                        Formats.DateTime(e.StartsAt) + " · " + places + (waiting > 0 ? " · " + t["Work.Waiting", waiting] : ""),
                        Count: registered, Urgency: e.StartsAt <= now.AddDays(SoonDays) ? WorkUrgency.Soon : WorkUrgency.Normal);
                }).ToList(),
                "/events", Counted: false),
        ];
    }
}
