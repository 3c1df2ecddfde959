using Glas.Web.News;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Database;

public sealed partial class GlasDbContext
{
    public DbSet<NewsPost> NewsPosts => Set<NewsPost>();
    public DbSet<NewsLink> NewsLinks => Set<NewsLink>();
    public DbSet<NewsCover> NewsCovers => Set<NewsCover>();
}
