using Glas.Web.Platform.Database;
using Glas.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Events;

/// <summary>The calendar's filter: a month (Sofia time), a kind, online or in person.</summary>
public sealed record EventFilter(int Year, int Month, EventKind? Kind, bool? Online)
{
    public DateTimeOffset From => Platform.Localization.Formats.FromSofia(new DateTime(Year, Month, 1, 0, 0, 0, DateTimeKind.Unspecified));

    public DateTimeOffset To => Platform.Localization.Formats.FromSofia(new DateTime(Year, Month, 1, 0, 0, 0, DateTimeKind.Unspecified).AddMonths(1));

    public string Query(bool withMonth = true) => string.Join("&", new[]
    {
        withMonth ? $"month={Year:D4}-{Month:D2}" : null,
        Kind is { } k ? "kind=" + k : null,
        Online is { } o ? "mode=" + (o ? "online" : "inperson") : null,
    }.Where(x => x is not null));

    /// <summary>Reads the query's month (yyyy-MM), kind and mode; null when any is not one.</summary>
    public static EventFilter? Parse(string? month, string? kind, string? mode, DateTimeOffset now)
    {
        var today = Platform.Localization.Formats.ToSofia(now);
        var (year, m) = (today.Year, today.Month);
        if (!string.IsNullOrEmpty(month))
        {
            if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
                || d.Year is < 2000 or > 2100)
            {
                return null;
            }
            (year, m) = (d.Year, d.Month);
        }
        EventKind? k = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (!Enum.TryParse<EventKind>(kind, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed))
            {
                return null;
            }
            k = parsed;
        }
        bool? online = mode switch { null or "" => null, "online" => true, "inperson" => false, _ => (bool?)false };
        if (mode is not (null or "" or "online" or "inperson"))
        {
            return null;
        }
        return new EventFilter(year, m, k, online);
    }
}

public sealed record EventRow(PublicEvent Event, int Registered, int Waitlisted);

public static class EventQueries
{
    public const int PageSize = 25;

    public static IQueryable<PublicEvent> Filtered(GlasDbContext db, EventFilter f)
    {
        var from = f.From;
        var to = f.To;
        var q = db.Events.AsNoTracking().Where(e => e.StartsAt >= from && e.StartsAt < to);
        if (f.Kind is { } kind)
        {
            q = q.Where(e => e.Kind == kind);
        }
        if (f.Online is { } online)
        {
            q = online ? q.Where(e => e.OnlineUrl != null) : q.Where(e => e.Place != null);
        }
        return q;
    }

    /// <summary>One page of events in date order, each with its counts of places taken and people waiting (two queries).</summary>
    public static async Task<(List<EventRow> Rows, Pager Pager)> PageAsync(GlasDbContext db, IQueryable<PublicEvent> query, int? page, string pagerQuery, CancellationToken ct)
    {
        var pager = new Pager(page, PageSize, await query.CountAsync(ct), pagerQuery);
        var events = await query.OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Skip(pager.Skip).Take(pager.Size).ToListAsync(ct);
        return (await WithCountsAsync(db, events, ct), pager);
    }

    public static async Task<List<EventRow>> WithCountsAsync(GlasDbContext db, List<PublicEvent> events, CancellationToken ct)
    {
        var ids = events.Select(e => e.Id).ToList();
        var counts = await db.EventRegistrations.AsNoTracking()
            .Where(r => ids.Contains(r.EventId) && (r.Status == RegistrationStatus.Confirmed || r.Status == RegistrationStatus.Waitlisted))
            .GroupBy(r => new { r.EventId, r.Status }).Select(g => new { g.Key.EventId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int Count(Guid id, RegistrationStatus s) => counts.FirstOrDefault(c => c.EventId == id && c.Status == s)?.Count ?? 0;
        return events.Select(e => new EventRow(e, Count(e.Id, RegistrationStatus.Confirmed), Count(e.Id, RegistrationStatus.Waitlisted))).ToList();
    }
}
