using Glas.Web.Participation.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Database;

public sealed partial class GlasDbContext
{
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<AnnouncedItem> AnnouncedItems => Set<AnnouncedItem>();
}
