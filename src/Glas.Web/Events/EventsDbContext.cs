using Glas.Web.Events;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Database;

public sealed partial class GlasDbContext
{
    public DbSet<PublicEvent> Events => Set<PublicEvent>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
}
