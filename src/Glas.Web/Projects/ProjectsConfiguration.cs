using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glas.Web.Projects;

internal static class Money
{
    public const string Column = "numeric(18,2)";
}

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("Organisations");
        builder.Property(x => x.Name).HasMaxLength(300);
        builder.Property(x => x.NormalizedName).HasMaxLength(300);
        builder.Property(x => x.Eik).HasMaxLength(13);
        builder.HasIndex(x => new { x.TenantId, x.NormalizedName }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> builder)
    {
        builder.ToTable("Projects");
        builder.Property(x => x.Code).HasMaxLength(60);
        builder.Property(x => x.Title).HasMaxLength(500);
        builder.Property(x => x.ContractNumber).HasMaxLength(80);
        builder.Property(x => x.Programme).HasMaxLength(300);
        builder.Property(x => x.ProgrammeFunding).HasMaxLength(300);
        builder.Property(x => x.PriorityAxis).HasMaxLength(500);
        builder.Property(x => x.ProcedureCode).HasMaxLength(60);
        builder.Property(x => x.ProcedureName).HasMaxLength(500);
        builder.Property(x => x.IsunUrl).HasMaxLength(500);
        builder.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Currency).HasConversion<string>().HasMaxLength(3);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        foreach (var money in new[] { nameof(Project.TotalValue), nameof(Project.Grant), nameof(Project.GrantEu), nameof(Project.GrantNational),
                     nameof(Project.OwnCofinancing), nameof(Project.OwnContribution), nameof(Project.OwnBudgetSpent), nameof(Project.PaidTotal), nameof(Project.TotalValueEur) })
        {
            builder.Property(money).HasColumnType(Money.Column);
        }
        builder.Property(x => x.EuSharePercent).HasColumnType("numeric(5,2)");
        builder.Property(x => x.OverrideReason).HasMaxLength(1000);
        builder.Property(x => x.CurrentStage).HasMaxLength(2000);
        builder.Property(x => x.Description).HasMaxLength(20000);
        builder.Property(x => x.GeneralGoal).HasMaxLength(4000);
        builder.Property(x => x.PlaceOfExecution).HasMaxLength(500);
        builder.Ignore(x => x.Years);

        builder.HasIndex(x => new { x.TenantId, x.Code }).IsUnique();
        // The register's usual filter (status, year) answers its totals from the index alone.
        builder.HasIndex(x => new { x.TenantId, x.Status, x.FirstYear })
            .IncludeProperties(x => new { x.LastYear, x.Currency, x.TotalValue, x.Grant, x.PaidTotal });
        builder.HasIndex(x => new { x.TenantId, x.StartDate });
        builder.HasIndex(x => new { x.TenantId, x.TotalValueEur });
        builder.HasIndex(x => new { x.TenantId, x.UpdatedAt });
        builder.HasIndex(x => new { x.TenantId, x.Programme });
        builder.HasIndex(x => x.LeadOrganisationId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(x => x.LeadOrganisation).WithMany().HasForeignKey(x => x.LeadOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Partners).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Payments).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(x => x.Documents);
    }
}

public sealed class ProjectPartnerConfiguration : IEntityTypeConfiguration<ProjectPartner>
{
    public void Configure(EntityTypeBuilder<ProjectPartner> builder)
    {
        builder.ToTable("ProjectPartners");
        builder.HasKey(x => new { x.ProjectId, x.OrganisationId });
        builder.HasIndex(x => x.OrganisationId);
        builder.HasOne(x => x.Organisation).WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ProjectPaymentConfiguration : IEntityTypeConfiguration<ProjectPayment>
{
    public void Configure(EntityTypeBuilder<ProjectPayment> builder)
    {
        builder.ToTable("ProjectPayments");
        builder.Property(x => x.Amount).HasColumnType(Money.Column);
        builder.Property(x => x.Note).HasMaxLength(300);
        builder.HasIndex(x => x.ProjectId);
    }
}

public sealed class ProjectIndicatorConfiguration : IEntityTypeConfiguration<ProjectIndicator>
{
    public void Configure(EntityTypeBuilder<ProjectIndicator> builder)
    {
        builder.ToTable("ProjectIndicators");
        builder.Property(x => x.Name).HasMaxLength(500);
        builder.Property(x => x.Target).HasColumnType(Money.Column);
        builder.Property(x => x.Achieved).HasColumnType(Money.Column);
        builder.HasIndex(x => x.ProjectId);
    }
}

public sealed class ProjectNewsConfiguration : IEntityTypeConfiguration<ProjectNews>
{
    public void Configure(EntityTypeBuilder<ProjectNews> builder)
    {
        builder.ToTable("ProjectNews");
        builder.Property(x => x.Title).HasMaxLength(300);
        builder.Property(x => x.Body).HasMaxLength(20000);
        builder.HasIndex(x => x.ProjectId);
        builder.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ProjectChangeConfiguration : IEntityTypeConfiguration<ProjectChange>
{
    public void Configure(EntityTypeBuilder<ProjectChange> builder)
    {
        builder.ToTable("ProjectChanges");
        builder.Property(x => x.ActorName).HasMaxLength(120);
        builder.Property(x => x.Field).HasMaxLength(40);
        builder.Property(x => x.OldValue).HasMaxLength(300);
        builder.Property(x => x.NewValue).HasMaxLength(300);
        builder.HasIndex(x => new { x.ProjectId, x.At });
        builder.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
