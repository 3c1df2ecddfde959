using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Events;

/// <summary>Public events with registration, waiting list, reminders and iCalendar, declared to the platform.</summary>
public sealed class EventsModule : GlasModule
{
    public override string Key => "events";

    public override int Order => 35;

    public override IEnumerable<NavEntry> Navigation => [new("/events", typeof(EventsText), "Nav")];

    public override Type? HomeComponent => typeof(EventsHomeViewComponent);

    /// <summary>For officials: the upcoming events they organise, with registrations (a shortcut, not counted).</summary>
    public override Task<IReadOnlyList<WorkGroup>> WorkTasksAsync(IServiceProvider services, WorkContext who, CancellationToken ct) =>
        EventWork.TasksAsync(services, who, ct);

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EventOptions>(configuration.GetSection("Glas:Events"));
        services.AddScoped<EventRegistrations>();
        services.AddScoped<IDocumentSubjects, EventDocumentSubjects>();
        services.AddSingleton<EventReminders>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<EventReminders>());
    }

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapEventsApi();

    public override Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => EventsDemoData.SeedAsync(services, ct);

    public override IEnumerable<PersonalReference> PersonalReferences => [new(typeof(EventRegistration), nameof(EventRegistration.UserId))];

    public override async Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).FirstOrDefaultAsync(ct);
        var lower = email?.ToLowerInvariant();
        var registrations = await db.EventRegistrations.IgnoreQueryFilters().AsNoTracking().Where(r => r.UserId == userId || (lower != null && r.Email == lower))
            .Join(db.Events.IgnoreQueryFilters(), r => r.EventId, e => e.Id, (r, e) => new { @event = e.Title, e.StartsAt, r.Name, r.Email, status = r.Status.ToString(), r.RegisteredAt, r.CancelledAt, r.Attended })
            .ToListAsync(ct);
        return registrations.Count == 0 ? null : new { registrations };
    }

    public override async Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        // A registration is no public contribution: it goes, with the name and e-mail in it.
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).FirstOrDefaultAsync(ct);
        var lower = email?.ToLowerInvariant();
        await db.EventRegistrations.IgnoreQueryFilters().Where(r => r.UserId == userId || (lower != null && r.Email == lower)).ExecuteDeleteAsync(ct);
    }

    public override async Task<IReadOnlyList<ModuleStatistic>> StatisticsAsync(GlasDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var events = await db.Events.CountAsync(e => e.Status == EventStatus.Scheduled && e.StartsAt >= from && e.StartsAt < to, ct);
        var attendees = await db.EventRegistrations.CountAsync(r => r.Status == RegistrationStatus.Confirmed && r.RegisteredAt >= from && r.RegisteredAt < to, ct);
        return [new("events", events), new("event_registrations", attendees)];
    }

    public override string? FeedTitle(IServiceProvider services, Tenant tenant) =>
        $"{services.GetRequiredService<IStringLocalizer<EventsText>>()["Title"]} — {tenant.NameBg}";

    public override async Task<IReadOnlyList<FeedItem>> FeedItemsAsync(IServiceProvider services, int max, CancellationToken ct)
    {
        var t = services.GetRequiredService<IStringLocalizer<EventsText>>();
        return (await services.GetRequiredService<GlasDbContext>().Events.AsNoTracking().OrderByDescending(e => e.UpdatedAt).ThenBy(e => e.Id).Take(max)
                .Select(e => new { e.Id, e.Title, e.Kind, e.StartsAt, e.Place, e.CreatedAt, e.UpdatedAt }).ToListAsync(ct))
            .Select(e => new FeedItem(Key, e.Id, e.Title,
                string.Join(" · ", new[] { t["Kind." + e.Kind].Value, Platform.Localization.Formats.DateTime(e.StartsAt), e.Place }.Where(x => !string.IsNullOrEmpty(x))),
                EventCalendar.Path(e.Id), e.CreatedAt, e.UpdatedAt, e.Kind.ToString(), t["Kind." + e.Kind].Value))
            .ToList();
    }

    public override IEnumerable<SearchTrigger> SearchTriggers => [new(typeof(PublicEvent), e => ((PublicEvent)e).Id)];

    /// <summary>Every event (they are public), with its description, place, organiser and report; never who registered.</summary>
    public override async Task<IReadOnlyList<SearchItem>> SearchItemsAsync(IServiceProvider services, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var query = services.GetRequiredService<GlasDbContext>().Events.AsNoTracking();
        if (ids is not null)
        {
            query = query.Where(e => ids.Contains(e.Id));
        }
        return (await query.Select(e => new { e.Id, e.Title, e.Description, e.Place, e.Organiser, e.Report, e.StartsAt }).ToListAsync(ct))
            .Select(e => new SearchItem(e.Id, "event", e.Title, string.Join("\n", new[] { e.Description, e.Place, e.Organiser, e.Report }.Where(x => !string.IsNullOrWhiteSpace(x))),
                EventCalendar.Path(e.Id), e.StartsAt))
            .ToList();
    }
}
