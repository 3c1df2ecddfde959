using Glas.Web.Platform.Database;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Participation.Notifications;

/// <summary>
/// Follow and notify, shared by every module: a person follows any item, modules raise notices
/// through <see cref="Notifier"/>, people read them at /account/notifications and get them by
/// e-mail at once, daily or never, with a one-click unsubscribe (RFC 8058).
/// </summary>
public sealed class NotificationsModule : GlasModule
{
    public override string Key => "notifications";

    /// <summary>Follows and notifications are personal: no public page shows them.</summary>
    public override IEnumerable<string> EvictsOnWrite => [];

    public override int Order => 900;

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationMails>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<IJobHandler, NotificationFanoutJob>();
        services.AddSingleton<IJobHandler, DigestJob>();
    }

    public override IEnumerable<PersonalReference> PersonalReferences =>
    [
        new(typeof(Follow), nameof(Follow.UserId)),
        new(typeof(Notification), nameof(Notification.UserId)),
        new(typeof(NotificationSettings), nameof(NotificationSettings.UserId)),
    ];

    public override async Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        var follows = await db.Follows.IgnoreQueryFilters().AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.CreatedAt)
            .Select(f => new { f.SubjectKind, f.SubjectId, f.TenantId, f.CreatedAt }).ToListAsync(ct);
        var notifications = await db.Notifications.IgnoreQueryFilters().AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.CreatedAt)
            .Select(n => new { n.Kind, n.SubjectKind, n.SubjectId, n.TenantId, n.Title, n.Path, n.CreatedAt, n.ReadAt, n.EmailedAt }).ToListAsync(ct);
        var email = await db.NotificationSettings.AsNoTracking().Where(s => s.UserId == userId).Select(s => s.Email.ToString()).FirstOrDefaultAsync(ct);
        return new { email = email ?? nameof(EmailChoice.Immediately), follows, notifications };
    }

    public override async Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        await db.Follows.IgnoreQueryFilters().Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Notifications.IgnoreQueryFilters().Where(n => n.UserId == userId).ExecuteDeleteAsync(ct);
        await db.NotificationSettings.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
    }
}
