using Glas.Web.Consultations;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glas.Web.Monitoring;

internal static class Columns
{
    public const string Money = "numeric(18,2)";
    public const string Value = "numeric(18,4)";
}

public sealed class PolicyConfiguration : IEntityTypeConfiguration<Policy>
{
    public void Configure(EntityTypeBuilder<Policy> builder)
    {
        builder.ToTable("Policies");
        builder.Property(x => x.Title).HasMaxLength(500);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Area).HasMaxLength(200);
        builder.Property(x => x.ResponsibleUnit).HasMaxLength(300);
        builder.Property(x => x.Summary).HasMaxLength(4000);
        builder.HasIndex(x => new { x.TenantId, x.UpdatedAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Goals).WithOne().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => x.ConsultationId);
        builder.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class PolicyProjectConfiguration : IEntityTypeConfiguration<PolicyProject>
{
    public void Configure(EntityTypeBuilder<PolicyProject> builder)
    {
        builder.ToTable("PolicyProjects");
        builder.HasKey(x => new { x.PolicyId, x.ProjectId });
        builder.HasIndex(x => x.ProjectId);
        builder.HasIndex(x => x.TenantId);
        builder.HasOne<Policy>().WithMany().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PolicyGoalConfiguration : IEntityTypeConfiguration<PolicyGoal>
{
    public void Configure(EntityTypeBuilder<PolicyGoal> builder)
    {
        builder.ToTable("PolicyGoals");
        builder.Property(x => x.Title).HasMaxLength(500);
        builder.HasIndex(x => new { x.PolicyId, x.Position });
        builder.HasMany(x => x.Measures).WithOne().HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PolicyMeasureConfiguration : IEntityTypeConfiguration<PolicyMeasure>
{
    public void Configure(EntityTypeBuilder<PolicyMeasure> builder)
    {
        builder.ToTable("PolicyMeasures", t => t.HasCheckConstraint("CK_PolicyMeasures_Progress", "\"Progress\" BETWEEN 0 AND 100"));
        builder.Property(x => x.Title).HasMaxLength(500);
        builder.Property(x => x.ResponsibleUnit).HasMaxLength(300);
        builder.Property(x => x.Budget).HasColumnType(Columns.Money);
        builder.Property(x => x.Currency).HasMaxLength(3);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(x => new { x.GoalId, x.Position });
    }
}

public sealed class PolicyIndicatorConfiguration : IEntityTypeConfiguration<PolicyIndicator>
{
    public void Configure(EntityTypeBuilder<PolicyIndicator> builder)
    {
        builder.ToTable("PolicyIndicators");
        builder.Property(x => x.Code).HasMaxLength(40);
        builder.Property(x => x.Name).HasMaxLength(500);
        builder.Property(x => x.Municipality).HasMaxLength(100);
        builder.Property(x => x.Unit).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.UnitLabel).HasMaxLength(40);
        builder.Property(x => x.BaselineValue).HasColumnType(Columns.Value);
        builder.Property(x => x.TargetValue).HasColumnType(Columns.Value);
        builder.Property(x => x.Direction).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.DataSource).HasMaxLength(300);
        builder.Property(x => x.Frequency).HasMaxLength(100);
        builder.HasIndex(x => new { x.GoalId, x.Position });
        builder.HasIndex(x => new { x.TenantId, x.Code });
        builder.HasMany(x => x.Values).WithOne().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("IndicatorValues");
        builder.Property(x => x.Value).HasColumnType(Columns.Value);
        builder.Property(x => x.SourceNote).HasMaxLength(500);
        builder.Property(x => x.ReportedByName).HasMaxLength(120);
        builder.HasIndex(x => new { x.IndicatorId, x.Year });
        builder.HasIndex(x => x.ReportedById);
    }
}

public sealed class MonitoringReportConfiguration : IEntityTypeConfiguration<MonitoringReport>
{
    public void Configure(EntityTypeBuilder<MonitoringReport> builder)
    {
        builder.ToTable("MonitoringReports");
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Title).HasMaxLength(500);
        builder.Property(x => x.AuthorName).HasMaxLength(300);
        builder.Property(x => x.Summary).HasMaxLength(4000);
        builder.Property(x => x.Findings).HasMaxLength(20000);
        builder.HasIndex(x => new { x.TenantId, x.PublishedAt });
        builder.HasIndex(x => x.PolicyId);
        builder.HasIndex(x => x.AuthorUserId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Policy>().WithMany().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> builder)
    {
        builder.ToTable("Recommendations");
        builder.Property(x => x.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Title).HasMaxLength(500);
        builder.Property(x => x.Text).HasMaxLength(4000);
        builder.Property(x => x.AddresseeUnit).HasMaxLength(300);
        builder.Property(x => x.AuthorName).HasMaxLength(300);
        builder.Property(x => x.Answer).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.AnswerReason).HasMaxLength(4000);
        builder.Property(x => x.PlannedAction).HasMaxLength(4000);
        builder.Property(x => x.Implementation).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Evidence).HasMaxLength(4000);
        // The tracker's filters: status (answer, implementation), source, policy, year.
        builder.HasIndex(x => new { x.TenantId, x.Answer, x.Implementation, x.CreatedAt });
        builder.HasIndex(x => new { x.TenantId, x.CreatedAt });
        builder.HasIndex(x => new { x.TenantId, x.Source });
        builder.HasIndex(x => x.PolicyId);
        builder.HasIndex(x => x.ReportId);
        builder.HasIndex(x => x.AuthorUserId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Policy>().WithMany().HasForeignKey(x => x.PolicyId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<MonitoringReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RecommendationEventConfiguration : IEntityTypeConfiguration<RecommendationEvent>
{
    public void Configure(EntityTypeBuilder<RecommendationEvent> builder)
    {
        builder.ToTable("RecommendationEvents");
        builder.Property(x => x.ActorName).HasMaxLength(120);
        builder.Property(x => x.Kind).HasMaxLength(60);
        builder.Property(x => x.Note).HasMaxLength(4000);
        builder.HasIndex(x => new { x.RecommendationId, x.At });
        builder.HasIndex(x => x.ActorUserId);
        builder.HasOne<Recommendation>().WithMany().HasForeignKey(x => x.RecommendationId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ReportRatingConfiguration : IEntityTypeConfiguration<ReportRating>
{
    public void Configure(EntityTypeBuilder<ReportRating> builder)
    {
        builder.ToTable("ReportRatings", t => t.HasCheckConstraint("CK_ReportRatings_Rating", "\"Rating\" BETWEEN 1 AND 5"));
        builder.HasKey(x => new { x.ReportId, x.MeasureId });
        builder.HasIndex(x => x.MeasureId);
        builder.HasIndex(x => x.TenantId);
        builder.HasOne<MonitoringReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PolicyMeasure>().WithMany().HasForeignKey(x => x.MeasureId).OnDelete(DeleteBehavior.Cascade);
    }
}
