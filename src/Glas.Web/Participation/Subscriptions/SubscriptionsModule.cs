using Glas.Web.Platform.Database;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Participation.Subscriptions;

/// <summary>
/// Subscriptions across modules: a person, signed in or by e-mail with double opt-in, chooses kinds
/// of content and topics and hears of new public items at once or weekly. Modules take part through
/// their feed items; nothing here names a module's types.
/// </summary>
public sealed class SubscriptionsModule : GlasModule
{
    public override string Key => "subscriptions";

    /// <summary>Subscriptions are personal and announcements go by e-mail: no public page shows them.</summary>
    public override IEnumerable<string> EvictsOnWrite => [];

    public override int Order => 910;

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SubscriptionOptions>(configuration.GetSection("Glas:Subscriptions"));
        services.AddSingleton<SubscriptionTokens>();
        services.AddScoped<SubscriptionMails>();
        services.AddSingleton<IJobHandler, AnnounceJob>();
        services.AddSingleton<IJobHandler, AnnounceFanoutJob>();
        services.AddSingleton<IJobHandler, WeeklyDigestJob>();
    }

    public override IEnumerable<PersonalReference> PersonalReferences => [new(typeof(Subscription), nameof(Subscription.UserId))];

    public override async Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        var email = await EmailAsync(db, userId, ct);
        var subscriptions = await db.Subscriptions.IgnoreQueryFilters().AsNoTracking().Where(s => s.UserId == userId || (email != null && s.Email == email))
            .OrderBy(s => s.CreatedAt).Select(s => new { s.TenantId, s.Email, s.Kinds, s.Topics, frequency = s.Frequency.ToString(), s.CreatedAt, s.ConfirmedAt }).ToListAsync(ct);
        return subscriptions.Count == 0 ? null : new { subscriptions };
    }

    public override async Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        var email = await EmailAsync(db, userId, ct);
        await db.Subscriptions.IgnoreQueryFilters().Where(s => s.UserId == userId || (email != null && s.Email == email)).ExecuteDeleteAsync(ct);
    }

    public override async Task<IReadOnlyList<ModuleStatistic>> StatisticsAsync(GlasDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        [new("subscriptions", await db.Subscriptions.CountAsync(s => s.ConfirmedAt < to, ct)), new("items_announced", await db.AnnouncedItems.CountAsync(a => a.AnnouncedAt >= from && a.AnnouncedAt < to, ct))];

    private static async Task<string?> EmailAsync(GlasDbContext db, Guid userId, CancellationToken ct) =>
        (await db.Users.Where(u => u.Id == userId).Select(u => u.NormalizedEmail).FirstOrDefaultAsync(ct))?.ToLowerInvariant();
}
