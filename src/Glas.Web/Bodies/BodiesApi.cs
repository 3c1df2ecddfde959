using Glas.Web.Events;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.OpenData;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Bodies;

public sealed record BodyDto(Guid Id, string Kind, string Name, string Mandate, string? CreatingAct, DateOnly TermStart, DateOnly? TermEnd, string? Contact,
    int CurrentMembers, int Meetings, string Url);

/// <summary>The bodies' JSON (a paged list and the Popolo export), and each body's meetings as iCalendar and Atom.</summary>
public static class BodiesApi
{
    public const int PageSize = 20;

    public static IEndpointRouteBuilder MapBodiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/bodies").WithTags("Bodies");

        api.MapGet("/", async Task<Ok<PageOf<BodyDto>>> (GlasDbContext db, PublicAddress addresses, HttpContext http, TimeProvider time, int? page, CancellationToken ct) =>
            {
                var today = DateOnly.FromDateTime(Platform.Localization.Formats.ToSofia(time.GetUtcNow()).DateTime);
                var pager = new Pager(page, PageSize, await db.Bodies.CountAsync(ct));
                var tenant = http.CurrentTenant();
                var rows = await db.Bodies.AsNoTracking().OrderBy(b => b.Name).ThenBy(b => b.Id).Skip(pager.Skip).Take(pager.Size)
                    .Select(b => new
                    {
                        b.Id, b.Kind, b.Name, b.Mandate, b.CreatingAct, b.TermStart, b.TermEnd, b.Contact,
                        Members = db.BodyMembers.Count(m => m.BodyId == b.Id && m.From <= today && (m.To == null || m.To >= today)),
                        Meetings = db.Meetings.Count(m => m.BodyId == b.Id),
                    }).ToListAsync(ct);
                return TypedResults.Ok(PageOf.Create(rows.Select(b => new BodyDto(b.Id, b.Kind.ToString(), b.Name, b.Mandate, b.CreatingAct, b.TermStart, b.TermEnd, b.Contact,
                    b.Members, b.Meetings, addresses.Absolute(tenant, BodyPaths.Body(b.Id)))).ToList(), pager));
            })
            .WithName("ListBodies").WithSummary("The administration's participatory bodies (councils, forums, working groups), paged.");

        api.MapGet("/popolo.json", async (GlasDbContext db, PublicAddress addresses, HttpContext http, CancellationToken ct) =>
                TypedResults.Ok(await Popolo.ExportAsync(db, addresses, http.CurrentTenant(), ct)))
            .WithName("BodiesPopolo").WithSummary("Bodies, members (public names only), memberships and meetings in the Popolo format.");

        app.MapGet("/bodies/{id:guid}/meetings.ics", async Task<IResult> (Guid id, GlasDbContext db, PublicAddress addresses, HttpContext http, CancellationToken ct) =>
            {
                if (await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is not { } body)
                {
                    return TypedResults.NotFound();
                }
                var tenant = http.CurrentTenant();
                var meetings = await db.Meetings.AsNoTracking().Where(m => m.BodyId == id).OrderByDescending(m => m.StartsAt).Take(MaxCalendar).ToListAsync(ct);
                return Results.Text(ICalendar.Write(body.Name, EventCalendar.Host(addresses, tenant), meetings.Select(m => EventCalendar.Entry(m, body.Name, addresses, tenant))),
                    ICalendar.ContentType);
            }).ExcludeFromDescription();

        app.MapMethods("/bodies/{id:guid}/feed.atom", [HttpMethods.Get, HttpMethods.Head], async Task<IResult> (Guid id, GlasDbContext db, PublicAddress addresses, HttpContext http, CancellationToken ct) =>
            {
                if (await db.Bodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is not { } body)
                {
                    return TypedResults.NotFound();
                }
                var tenant = http.CurrentTenant();
                var items = await BodiesModule.MeetingItemsAsync(db, db.Meetings.Where(m => m.BodyId == id), 50, ct);
                var xml = AtomFeed.Write(AtomFeed.FeedId(tenant.Id, "bodies/" + id), body.Name, tenant.NameBg, addresses.TenantBaseUrl(tenant), BodyPaths.Body(id), items,
                    body.CreatedAt, $"/bodies/{id}/feed.atom");
                return ConditionalGet.Text(http, xml, AtomFeed.ContentType, AtomFeed.Updated(items, body.CreatedAt));
            }).ExcludeFromDescription();
        return app;
    }

    public const int MaxCalendar = 1000;
}
