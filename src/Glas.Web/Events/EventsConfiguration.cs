using Glas.Web.Consultations;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glas.Web.Events;

public sealed class PublicEventConfiguration : IEntityTypeConfiguration<PublicEvent>
{
    public void Configure(EntityTypeBuilder<PublicEvent> builder)
    {
        builder.ToTable("Events", t => t.HasCheckConstraint("CK_Events_Times", "\"EndsAt\" > \"StartsAt\""));
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Title).HasMaxLength(EventRules.MaxTitle);
        builder.Property(x => x.Description).HasMaxLength(EventRules.MaxText);
        builder.Property(x => x.Place).HasMaxLength(EventRules.MaxLine);
        builder.Property(x => x.OnlineUrl).HasMaxLength(EventRules.MaxLine);
        builder.Property(x => x.Accessibility).HasMaxLength(EventRules.MaxLine);
        builder.Property(x => x.Organiser).HasMaxLength(EventRules.MaxLine);
        builder.Property(x => x.Report).HasMaxLength(EventRules.MaxText);
        builder.Ignore(x => x.IsOnline);
        // The calendar lists by start within the administration, and filters by kind.
        builder.HasIndex(x => new { x.TenantId, x.StartsAt });
        builder.HasIndex(x => new { x.TenantId, x.Kind, x.StartsAt });
        builder.HasIndex(x => x.ConsultationId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> builder)
    {
        builder.ToTable("EventRegistrations");
        builder.Property(x => x.Name).HasMaxLength(EventRules.MaxName);
        builder.Property(x => x.Email).HasMaxLength(256);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Token).HasMaxLength(64);
        builder.HasIndex(x => new { x.EventId, x.Email }).IsUnique();
        builder.HasIndex(x => new { x.EventId, x.Status, x.RegisteredAt });
        builder.HasIndex(x => x.Token).IsUnique();
        builder.HasIndex(x => x.UserId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PublicEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<GlasUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}
