using Glas.Web.ParticipationIndex;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Database;

public sealed partial class GlasDbContext
{
    public DbSet<IndexMethodology> IndexMethodologies => Set<IndexMethodology>();
    public DbSet<IndexValue> IndexValues => Set<IndexValue>();
}
