using Glas.Web.Participation.Rules;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Database;

public sealed partial class GlasDbContext
{
    public DbSet<RulesVersion> RulesVersions => Set<RulesVersion>();
    public DbSet<RulesAcceptance> RulesAcceptances => Set<RulesAcceptance>();
}
