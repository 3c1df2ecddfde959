using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glas.Web.Participation.Subscriptions;

public sealed class SubscriptionsConfiguration : IEntityTypeConfiguration<Subscription>, IEntityTypeConfiguration<AnnouncedItem>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        var s = builder;
        s.ToTable("Subscriptions", t => t.HasCheckConstraint("CK_Subscriptions_Owner", "(\"UserId\" IS NULL) <> (\"Email\" IS NULL)"));
        s.Property(x => x.Email).HasMaxLength(SubscriptionRules.MaxEmail);
        s.Property(x => x.Frequency).HasConversion<string>().HasMaxLength(20);
        // One subscription per account and per address in an administration.
        s.HasIndex(x => new { x.TenantId, x.UserId }).IsUnique().HasFilter("\"UserId\" IS NOT NULL");
        s.HasIndex(x => new { x.TenantId, x.Email }).IsUnique().HasFilter("\"Email\" IS NOT NULL");
        // The digest reads the weekly ones; an item's e-mails the immediate ones of its administration.
        s.HasIndex(x => new { x.Frequency, x.TenantId });
        s.HasIndex(x => x.UserId);
        s.HasOne<GlasUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        s.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<AnnouncedItem> builder)
    {
        var a = builder;
        a.ToTable("AnnouncedItems");
        a.Property(x => x.Module).HasMaxLength(40);
        a.Property(x => x.Title).HasMaxLength(500);
        a.Property(x => x.Summary).HasMaxLength(1000);
        a.Property(x => x.Path).HasMaxLength(500);
        // Each item is announced once.
        a.HasIndex(x => new { x.TenantId, x.Module, x.ItemId }).IsUnique();
        a.HasIndex(x => x.AnnouncedAt);
        a.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
