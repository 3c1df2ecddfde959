using Glas.Web.Platform.Tenancy;
using Glas.Web.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glas.Web.Platform.Database;

public sealed partial class GlasDbContext
{
    public DbSet<SearchEntry> SearchEntries => Set<SearchEntry>();
}

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> b)
    {
        b.HasKey(x => new { x.Module, x.ItemId });
        b.Property(x => x.Module).HasMaxLength(40);
        b.Property(x => x.Kind).HasMaxLength(40);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Path).HasMaxLength(400);
        b.HasIndex(x => x.Vector).HasMethod("gin");
        b.HasIndex(x => new { x.TenantId, x.Module, x.Date });
        b.Property(x => x.ShortVector)
            .HasComputedColumnSql($"CASE WHEN octet_length(\"Vector\"::text) <= {SearchEntry.ShortVectorText} THEN \"Vector\" END", stored: true);
        b.HasIndex(x => new { x.TenantId, x.Date, x.ItemId }).IncludeProperties(x => new { x.Module, x.ShortVector });
        b.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
