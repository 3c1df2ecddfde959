using Glas.Web.Participation.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Database;

public sealed partial class GlasDbContext
{
    public DbSet<Follow> Follows => Set<Follow>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<NotificationSettings> NotificationSettings => Set<NotificationSettings>();
}
