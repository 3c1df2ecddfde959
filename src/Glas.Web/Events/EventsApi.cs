using Glas.Web.Bodies;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.OpenData;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Events;

/// <summary>An event as the API shows it: counts of places taken and people waiting, never who.</summary>
public sealed record EventDto(Guid Id, string Kind, string Status, string Title, string Description, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string? Place, string? OnlineUrl, string? Accessibility, int? Capacity, DateTimeOffset? RegistrationOpensAt, DateTimeOffset? RegistrationClosesAt,
    string Organiser, Guid? ConsultationId, int Registered, int Waitlisted, string Url, string Ics)
{
    public static EventDto From(EventRow row, PublicAddress addresses, Tenant tenant)
    {
        var e = row.Event;
        return new(e.Id, e.Kind.ToString(), e.Status.ToString(), e.Title, e.Description, e.StartsAt, e.EndsAt, e.Place, e.OnlineUrl, e.Accessibility, e.Capacity,
            e.RegistrationOpensAt, e.RegistrationClosesAt, e.Organiser, e.ConsultationId, row.Registered, row.Waitlisted,
            addresses.Absolute(tenant, EventCalendar.Path(e.Id)), addresses.Absolute(tenant, EventCalendar.Path(e.Id) + "/event.ics"));
    }
}

public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/events").WithTags("Events");

        api.MapGet("/", async Task<Results<Ok<PageOf<EventDto>>, ValidationProblem>> (GlasDbContext db, PublicAddress addresses, HttpContext http, TimeProvider time,
                int? page, string? month, string? kind, string? mode, CancellationToken ct) =>
            {
                if (EventFilter.Parse(month, kind, mode, time.GetUtcNow()) is not { } filter)
                {
                    return WebExtensions.Invalid("filter", "month: yyyy-MM; kind: " + string.Join('|', Enum.GetNames<EventKind>()) + "; mode: online|inperson");
                }
                var (rows, pager) = await EventQueries.PageAsync(db, EventQueries.Filtered(db, filter), page, "", ct);
                var tenant = http.CurrentTenant();
                return TypedResults.Ok(PageOf.Create(rows.Select(r => EventDto.From(r, addresses, tenant)).ToList(), pager));
            })
            .WithName("ListEvents").WithSummary("The administration's public events of a month (Sofia time; this month by default), paged, with counts of registrations.");

        api.MapGet("/{id:guid}", async Task<Results<Ok<EventDto>, NotFound>> (Guid id, GlasDbContext db, PublicAddress addresses, HttpContext http, CancellationToken ct) =>
                await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is { } e
                    ? TypedResults.Ok(EventDto.From((await EventQueries.WithCountsAsync(db, [e], ct))[0], addresses, http.CurrentTenant()))
                    : TypedResults.NotFound())
            .WithName("GetEvent").WithSummary("One public event.");

        app.MapGet("/events/{id:guid}/event.ics", async Task<IResult> (Guid id, GlasDbContext db, PublicAddress addresses, HttpContext http, CancellationToken ct) =>
                await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct) is { } e
                    ? Results.File(System.Text.Encoding.UTF8.GetBytes(EventCalendar.File(e, addresses, http.CurrentTenant())), ICalendar.ContentType, "event.ics")
                    : Results.NotFound())
            .ExcludeFromDescription();

        // The administration's calendar: its events and its bodies' meetings, from a year back.
        app.MapGet("/events/calendar.ics", async (GlasDbContext db, PublicAddress addresses, HttpContext http, TimeProvider time, CancellationToken ct) =>
            {
                var tenant = http.CurrentTenant();
                var since = time.GetUtcNow().AddYears(-1);
                var events = await db.Events.AsNoTracking().Where(e => e.StartsAt >= since).OrderBy(e => e.StartsAt).Take(BodiesApi.MaxCalendar).ToListAsync(ct);
                var meetings = await db.Meetings.AsNoTracking().Where(m => m.StartsAt >= since).OrderBy(m => m.StartsAt).Take(BodiesApi.MaxCalendar)
                    .Join(db.Bodies, m => m.BodyId, b => b.Id, (m, b) => new { Meeting = m, Body = b.Name }).ToListAsync(ct);
                var entries = events.Select(e => EventCalendar.Entry(e, addresses, tenant))
                    .Concat(meetings.Select(m => EventCalendar.Entry(m.Meeting, m.Body, addresses, tenant)));
                return Results.Text(ICalendar.Write(tenant.NameBg, EventCalendar.Host(addresses, tenant), entries), ICalendar.ContentType);
            }).ExcludeFromDescription();

        // The organiser's attendance list: names and e-mails, for the administration's Officials only.
        app.MapGet("/events/{id:guid}/attendance.csv", (Guid id, GlasDbContext db, CancellationToken ct) => AttendanceAsync(id, db, false, ct))
            .RequireAuthorization(Policies.Official).ExcludeFromDescription();
        app.MapGet("/events/{id:guid}/attendance.xlsx", (Guid id, GlasDbContext db, CancellationToken ct) => AttendanceAsync(id, db, true, ct))
            .RequireAuthorization(Policies.Official).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> AttendanceAsync(Guid id, GlasDbContext db, bool xlsx, CancellationToken ct)
    {
        if (!await db.Events.AnyAsync(e => e.Id == id, ct))
        {
            return Results.NotFound();
        }
        var rows = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == id && r.Status != RegistrationStatus.Cancelled)
            .OrderBy(r => r.Status).ThenBy(r => r.RegisteredAt).ThenBy(r => r.Id).ToListAsync(ct);
        return xlsx ? AttendanceExport.Table.XlsxFile(rows, "attendance.xlsx") : AttendanceExport.Table.CsvFile(rows, "attendance.csv");
    }
}
