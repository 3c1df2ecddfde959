using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glas.Web.Bodies;

public sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> builder)
    {
        builder.ToTable("Bodies");
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(x => x.Name).HasMaxLength(BodyRules.MaxName);
        builder.Property(x => x.Mandate).HasMaxLength(BodyRules.MaxText);
        builder.Property(x => x.CreatingAct).HasMaxLength(BodyRules.MaxLine);
        builder.Property(x => x.Contact).HasMaxLength(BodyRules.MaxLine);
        builder.HasIndex(x => new { x.TenantId, x.Name });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class BodyMemberConfiguration : IEntityTypeConfiguration<BodyMember>
{
    public void Configure(EntityTypeBuilder<BodyMember> builder)
    {
        builder.ToTable("BodyMembers");
        builder.Property(x => x.PublicName).HasMaxLength(BodyRules.MaxName);
        builder.Property(x => x.Organisation).HasMaxLength(BodyRules.MaxName);
        builder.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(x => new { x.BodyId, x.From });
        builder.HasIndex(x => x.UserId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<GlasUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("Meetings");
        builder.Property(x => x.Title).HasMaxLength(BodyRules.MaxName);
        builder.Property(x => x.Place).HasMaxLength(BodyRules.MaxLine);
        builder.Property(x => x.OnlineUrl).HasMaxLength(BodyRules.MaxLine);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        // A body's page lists its meetings by date; the calendar reads all meetings by date.
        builder.HasIndex(x => new { x.BodyId, x.StartsAt });
        builder.HasIndex(x => new { x.TenantId, x.StartsAt });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Body>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.ToTable("AgendaItems");
        builder.Property(x => x.Title).HasMaxLength(BodyRules.MaxLine);
        builder.Property(x => x.Decision).HasMaxLength(BodyRules.MaxText);
        builder.HasIndex(x => new { x.MeetingId, x.Number }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> builder)
    {
        builder.ToTable("MeetingAttendance");
        builder.HasKey(x => new { x.MeetingId, x.MemberId });
        builder.HasIndex(x => x.MemberId);
        builder.HasIndex(x => x.TenantId);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<BodyMember>().WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
