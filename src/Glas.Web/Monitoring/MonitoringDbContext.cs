using Glas.Web.Monitoring;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Database;

public sealed partial class GlasDbContext
{
    public DbSet<Policy> Policies => Set<Policy>();
    public DbSet<PolicyGoal> PolicyGoals => Set<PolicyGoal>();
    public DbSet<PolicyMeasure> PolicyMeasures => Set<PolicyMeasure>();
    public DbSet<PolicyIndicator> PolicyIndicators => Set<PolicyIndicator>();
    public DbSet<PolicyProject> PolicyProjects => Set<PolicyProject>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<MonitoringReport> MonitoringReports => Set<MonitoringReport>();
    public DbSet<ReportRating> ReportRatings => Set<ReportRating>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<RecommendationEvent> RecommendationEvents => Set<RecommendationEvent>();
}
