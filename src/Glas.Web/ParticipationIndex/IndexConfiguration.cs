using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glas.Web.ParticipationIndex;

public sealed class IndexMethodologyConfiguration : IEntityTypeConfiguration<IndexMethodology>
{
    public void Configure(EntityTypeBuilder<IndexMethodology> builder)
    {
        builder.ToTable("IndexMethodologies");
        builder.Property(x => x.Settings).HasColumnType("jsonb");
        builder.Property(x => x.Note).HasMaxLength(1000);
        builder.HasIndex(x => new { x.TenantId, x.Version }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class IndexValueConfiguration : IEntityTypeConfiguration<IndexValue>
{
    public void Configure(EntityTypeBuilder<IndexValue> builder)
    {
        builder.ToTable("IndexValues");
        builder.HasKey(x => new { x.TenantId, x.Period });
        builder.Property(x => x.Period).HasMaxLength(7);
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(x => x.Value).HasColumnType("numeric(5,1)");
        builder.Property(x => x.Coverage).HasColumnType("numeric(5,2)");
        builder.Property(x => x.Indicators).HasColumnType("jsonb");
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
