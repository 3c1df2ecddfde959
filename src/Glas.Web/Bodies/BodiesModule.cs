using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Bodies;

/// <summary>Participatory bodies (councils, forums, working groups) with members and meetings, declared to the platform.</summary>
public sealed class BodiesModule : GlasModule
{
    public override string Key => "bodies";

    public override int Order => 40;

    public override IEnumerable<NavEntry> Navigation => [new("/bodies", typeof(BodiesText), "Nav")];

    /// <summary>For officials: meetings that took place without published minutes.</summary>
    public override Task<IReadOnlyList<WorkGroup>> WorkTasksAsync(IServiceProvider services, WorkContext who, CancellationToken ct) =>
        BodyWork.TasksAsync(services, who, ct);

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<IDocumentSubjects, BodyDocumentSubjects>();
        services.AddScoped<IDocumentSubjects, MeetingDocumentSubjects>();
        services.AddScoped<IDocumentSubjects, AgendaItemDocumentSubjects>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapBodiesApi();

    public override Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => BodiesDemoData.SeedAsync(services, ct);

    public override IEnumerable<PersonalReference> PersonalReferences => [new(typeof(BodyMember), nameof(BodyMember.UserId))];

    public override async Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        var memberships = await db.BodyMembers.IgnoreQueryFilters().AsNoTracking().Where(m => m.UserId == userId)
            .Join(db.Bodies.IgnoreQueryFilters(), m => m.BodyId, b => b.Id, (m, b) => new { body = b.Name, m.PublicName, m.Organisation, role = m.Role.ToString(), m.From, m.To })
            .ToListAsync(ct);
        return memberships.Count == 0 ? null : new { memberships };
    }

    public override Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct) =>
        // The membership is a public record under the name the member agreed to; only the link to the account goes.
        db.BodyMembers.IgnoreQueryFilters().Where(m => m.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(m => m.UserId, (Guid?)null), ct);

    public override async Task<IReadOnlyList<ModuleStatistic>> StatisticsAsync(GlasDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var bodies = await db.Bodies.CountAsync(ct);
        var held = await db.Meetings.CountAsync(m => m.Status == MeetingStatus.Held && m.StartsAt >= from && m.StartsAt < to, ct);
        return [new("bodies", bodies), new("meetings_held", held)];
    }

    public override string? FeedTitle(IServiceProvider services, Tenant tenant) =>
        $"{services.GetRequiredService<IStringLocalizer<BodiesText>>()["Title"]} — {tenant.NameBg}";

    public override Task<IReadOnlyList<FeedItem>> FeedItemsAsync(IServiceProvider services, int max, CancellationToken ct)
    {
        var db = services.GetRequiredService<GlasDbContext>();
        return MeetingItemsAsync(db, db.Meetings, max, ct);
    }

    /// <summary>Meetings as feed items, newest change first, titled with their body.</summary>
    public static async Task<IReadOnlyList<FeedItem>> MeetingItemsAsync(GlasDbContext db, IQueryable<Meeting> meetings, int max, CancellationToken ct) =>
        (await meetings.AsNoTracking().OrderByDescending(m => m.UpdatedAt).ThenBy(m => m.Id).Take(max)
            .Join(db.Bodies, m => m.BodyId, b => b.Id, (m, b) => new { m.Id, m.BodyId, m.Title, Body = b.Name, m.StartsAt, m.Status, m.Place, m.CreatedAt, m.UpdatedAt })
            .ToListAsync(ct))
        .OrderByDescending(m => m.UpdatedAt).ThenBy(m => m.Id)
        .Select(m => new FeedItem("bodies", m.Id, $"{m.Body}: {m.Title}",
            string.Join(" · ", new[] { Platform.Localization.Formats.DateTime(m.StartsAt), m.Place }.Where(x => !string.IsNullOrEmpty(x))),
            BodyPaths.Meeting(m.BodyId, m.Id), m.CreatedAt, m.UpdatedAt, m.Status.ToString()))
        .ToList();

    public override IEnumerable<SearchTrigger> SearchTriggers => [new(typeof(Body), b => ((Body)b).Id)];

    /// <summary>Every body (they are public) with its mandate and founding act; members are not searched.</summary>
    public override async Task<IReadOnlyList<SearchItem>> SearchItemsAsync(IServiceProvider services, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var query = services.GetRequiredService<GlasDbContext>().Bodies.AsNoTracking();
        if (ids is not null)
        {
            query = query.Where(b => ids.Contains(b.Id));
        }
        return (await query.Select(b => new { b.Id, b.Name, b.Mandate, b.CreatingAct, b.CreatedAt }).ToListAsync(ct))
            .Select(b => new SearchItem(b.Id, "body", b.Name, string.Join("\n", new[] { b.Mandate, b.CreatingAct }.Where(x => !string.IsNullOrWhiteSpace(x))),
                BodyPaths.Body(b.Id), b.CreatedAt))
            .ToList();
    }
}
