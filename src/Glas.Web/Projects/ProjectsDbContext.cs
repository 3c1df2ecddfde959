using Glas.Web.Projects;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Database;

public sealed partial class GlasDbContext
{
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<ProjectPartner> ProjectPartners => Set<ProjectPartner>();
    public DbSet<ProjectPayment> ProjectPayments => Set<ProjectPayment>();
    public DbSet<ProjectIndicator> ProjectIndicators => Set<ProjectIndicator>();
    public DbSet<ProjectNews> ProjectNews => Set<ProjectNews>();
    public DbSet<ProjectChange> ProjectChanges => Set<ProjectChange>();
}
