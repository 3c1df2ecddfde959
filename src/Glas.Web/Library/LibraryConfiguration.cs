using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glas.Web.Library;

public sealed class LibraryEntryConfiguration : IEntityTypeConfiguration<LibraryEntry>
{
    public void Configure(EntityTypeBuilder<LibraryEntry> builder)
    {
        builder.ToTable("LibraryEntries");
        builder.Property(x => x.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Title).HasMaxLength(LibraryRules.MaxTitle);
        builder.Property(x => x.Description).HasMaxLength(LibraryRules.MaxDescription);
        builder.Property(x => x.Topic).HasMaxLength(40);
        builder.Property(x => x.AuthorOrganisation).HasMaxLength(LibraryRules.MaxLine);
        // The list pages by date within the administration and filters by type and topic.
        builder.HasIndex(x => new { x.TenantId, x.Date });
        builder.HasIndex(x => new { x.TenantId, x.Type, x.Date });
        builder.HasIndex(x => new { x.TenantId, x.Topic, x.Date });
        builder.HasIndex(x => x.CreatedById);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<GlasUser>().WithMany().HasForeignKey(x => x.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
