using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Library;

/// <summary>The document library: reports, analyses, strategies, case studies and guides with versioned files; declared to the platform.</summary>
public sealed class LibraryModule : GlasModule
{
    public override string Key => "library";

    public override int Order => 55;

    public override IEnumerable<NavEntry> Navigation => [new("/library", typeof(LibraryText), "Nav")];

    public override IEnumerable<NavEntry> StaffLinks => [new("/library/new", typeof(LibraryText), "New.Title", TenantRole.Official)];

    public override void AddServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddScoped<IDocumentSubjects, LibraryDocumentSubjects>();

    public override Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => LibraryDemoData.SeedAsync(services, ct);

    public override IEnumerable<PersonalReference> PersonalReferences => [new(typeof(LibraryEntry), nameof(LibraryEntry.CreatedById))];

    public override async Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        var entries = await db.LibraryEntries.IgnoreQueryFilters().AsNoTracking().Where(e => e.CreatedById == userId).OrderBy(e => e.CreatedAt)
            .Select(e => new { e.Id, e.TenantId, e.Title, e.CreatedAt }).ToListAsync(ct);
        return entries.Count == 0 ? null : new { entries };
    }

    /// <summary>An entry is the administration's publication: it stays, without who added it.</summary>
    public override Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct) =>
        db.LibraryEntries.IgnoreQueryFilters().Where(e => e.CreatedById == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.CreatedById, (Guid?)null), ct);

    public override async Task<IReadOnlyList<ModuleStatistic>> StatisticsAsync(GlasDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var fromDate = DateOnly.FromDateTime(from.UtcDateTime);
        var toDate = DateOnly.FromDateTime(to.UtcDateTime);
        return
        [
            new("library_entries", await db.LibraryEntries.CountAsync(e => e.Date >= fromDate && e.Date < toDate, ct)),
            new("library_reports", await db.LibraryEntries.CountAsync(e => e.Type == LibraryType.Report && e.Date >= fromDate && e.Date < toDate, ct)),
        ];
    }

    public override string? FeedTitle(IServiceProvider services, Tenant tenant) =>
        $"{services.GetRequiredService<IStringLocalizer<LibraryText>>()["Title"]} — {tenant.NameBg}";

    public override async Task<IReadOnlyList<FeedItem>> FeedItemsAsync(IServiceProvider services, int max, CancellationToken ct)
    {
        var t = services.GetRequiredService<IStringLocalizer<LibraryText>>();
        var s = services.GetRequiredService<IStringLocalizer<Participation.SubscriptionsText>>();
        return (await services.GetRequiredService<GlasDbContext>().LibraryEntries.AsNoTracking().OrderByDescending(e => e.CreatedAt).ThenBy(e => e.Id).Take(max)
                .Select(e => new { e.Id, e.Title, e.Type, e.AuthorOrganisation, e.Date, e.Topic, e.CreatedAt, e.UpdatedAt }).ToListAsync(ct))
            .Select(e => new FeedItem(Key, e.Id, e.Title, $"{t["Type." + e.Type]} · {e.AuthorOrganisation} · {Platform.Localization.Formats.Date(e.Date)}",
                $"/library/{e.Id}", e.CreatedAt, e.UpdatedAt, e.Topic, e.Topic is null ? null : s["Topic." + e.Topic].Value,
                e.Topic is null ? [] : [e.Topic]))
            .ToList();
    }

    public override IEnumerable<SearchTrigger> SearchTriggers => [new(typeof(LibraryEntry), e => ((LibraryEntry)e).Id)];

    public override async Task<IReadOnlyList<SearchItem>> SearchItemsAsync(IServiceProvider services, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var t = services.GetRequiredService<IStringLocalizer<LibraryText>>();
        var query = services.GetRequiredService<GlasDbContext>().LibraryEntries.AsNoTracking();
        if (ids is not null)
        {
            query = query.Where(e => ids.Contains(e.Id));
        }
        return (await query.Select(e => new { e.Id, e.Title, e.Type, e.Description, e.AuthorOrganisation, e.Date }).ToListAsync(ct))
            .Select(e => new SearchItem(e.Id, "library", e.Title,
                string.Join("\n", new[] { t["Type." + e.Type].Value, e.AuthorOrganisation, e.Description }.Where(x => !string.IsNullOrWhiteSpace(x))),
                $"/library/{e.Id}", new DateTimeOffset(e.Date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)))
            .ToList();
    }
}
