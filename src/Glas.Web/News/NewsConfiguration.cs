using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glas.Web.News;

public sealed class NewsPostConfiguration : IEntityTypeConfiguration<NewsPost>
{
    public void Configure(EntityTypeBuilder<NewsPost> builder)
    {
        builder.ToTable("NewsPosts");
        builder.Property(x => x.Title).HasMaxLength(NewsRules.MaxTitle);
        builder.Property(x => x.Summary).HasMaxLength(NewsRules.MaxSummary);
        builder.Property(x => x.Body).HasMaxLength(NewsRules.MaxBody);
        // The public list pages the administration's posts by publish time.
        builder.HasIndex(x => new { x.TenantId, x.PublishAt });
        builder.HasIndex(x => x.AuthorId);
        builder.HasMany(x => x.Links).WithOne().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<GlasUser>().WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class NewsLinkConfiguration : IEntityTypeConfiguration<NewsLink>
{
    public void Configure(EntityTypeBuilder<NewsLink> builder)
    {
        builder.ToTable("NewsLinks");
        builder.Property(x => x.Module).HasMaxLength(40);
        builder.Property(x => x.Title).HasMaxLength(500);
        builder.Property(x => x.Path).HasMaxLength(500);
        builder.HasIndex(x => new { x.PostId, x.Position });
        builder.HasIndex(x => x.TenantId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
