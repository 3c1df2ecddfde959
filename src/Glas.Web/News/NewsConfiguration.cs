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
        builder.Property(x => x.CoverSha256).HasMaxLength(64);
        builder.Property(x => x.CoverAlt).HasMaxLength(NewsRules.MaxCoverAlt);
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

public sealed class NewsCoverConfiguration : IEntityTypeConfiguration<NewsCover>
{
    public void Configure(EntityTypeBuilder<NewsCover> builder)
    {
        builder.ToTable("NewsCovers");
        builder.HasKey(x => x.PostId);
        builder.Property(x => x.ContentType).HasMaxLength(30);
        builder.Property(x => x.Sha256).HasMaxLength(64);
        // A cover is served by its hash within the administration.
        builder.HasIndex(x => new { x.TenantId, x.Sha256 });
        builder.HasOne<NewsPost>().WithOne().HasForeignKey<NewsCover>(x => x.PostId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
