using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glas.Web.Participation.Notifications;

internal sealed class NotificationsConfiguration :
    IEntityTypeConfiguration<Follow>, IEntityTypeConfiguration<Notification>, IEntityTypeConfiguration<NotificationSettings>
{
    public void Configure(EntityTypeBuilder<Follow> f)
    {
        // The key serves "who follows this item" (the fan-out) and "does this person follow it" (the button).
        f.HasKey(x => new { x.SubjectKind, x.SubjectId, x.UserId });
        f.Property(x => x.SubjectKind).HasMaxLength(FollowSubject.MaxKindLength);
        f.HasIndex(x => x.UserId);
        f.HasOne<GlasUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        f.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Notification> n)
    {
        n.Property(x => x.SubjectKind).HasMaxLength(FollowSubject.MaxKindLength);
        n.Property(x => x.Kind).HasMaxLength(60);
        n.Property(x => x.Title).HasMaxLength(500);
        n.Property(x => x.Path).HasMaxLength(500);
        // The page lists a person's notices in one administration, newest first.
        n.HasIndex(x => new { x.UserId, x.TenantId, x.CreatedAt });
        // The header counts the unread ones on every page: a small partial index.
        n.HasIndex(x => new { x.UserId, x.TenantId }).HasFilter("\"ReadAt\" IS NULL").HasDatabaseName("IX_Notifications_Unread");
        // The daily digest looks for notices not yet e-mailed.
        n.HasIndex(x => x.CreatedAt).HasFilter("\"EmailedAt\" IS NULL").HasDatabaseName("IX_Notifications_NotEmailed");
        n.HasOne<GlasUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        n.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<NotificationSettings> s)
    {
        s.HasKey(x => x.UserId);
        s.Property(x => x.Email).HasConversion<string>().HasMaxLength(20);
        s.HasOne<GlasUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
