using Glas.Web.Consultations;
using Glas.Web.Participation.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glas.Web.Platform.Database;

public sealed partial class GlasDbContext
{
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<ContactPerson> ConsultationContacts => Set<ContactPerson>();
    public DbSet<DraftUnit> DraftUnits => Set<DraftUnit>();
    public DbSet<ProposalAnswer> ProposalAnswers => Set<ProposalAnswer>();
    public DbSet<ProcessRating> ProcessRatings => Set<ProcessRating>();
    public DbSet<TimelineEvent> TimelineEvents => Set<TimelineEvent>();
}

internal sealed class ConsultationConfiguration :
    IEntityTypeConfiguration<Consultation>, IEntityTypeConfiguration<ContactPerson>, IEntityTypeConfiguration<DraftUnit>,
    IEntityTypeConfiguration<ProposalAnswer>, IEntityTypeConfiguration<ProcessRating>,
    IEntityTypeConfiguration<TimelineEvent>
{
    public void Configure(EntityTypeBuilder<Consultation> c)
    {
        c.HasIndex(x => new { x.TenantId, x.RegNumber }).IsUnique();
        // Status counts read only this index; the list's order reads the second.
        c.HasIndex(x => new { x.TenantId, x.Status, x.OpensAt, x.ClosesAt });
        c.HasIndex(x => new { x.TenantId, x.OpensOn, x.CreatedAt });
        c.Property(x => x.RegNumber).HasMaxLength(20);
        c.Property(x => x.Title).HasMaxLength(300);
        c.Property(x => x.Summary).HasMaxLength(2000);
        c.Property(x => x.PolicyArea).HasMaxLength(100);
        c.Property(x => x.ResponsibleUnit).HasMaxLength(200);
        c.Property(x => x.ProposalWays).HasMaxLength(1000);
        c.Property(x => x.ShortTermReason).HasMaxLength(2000);
        c.Property(x => x.ActType).HasConversion<string>().HasMaxLength(30);
        c.Property(x => x.Status).HasConversion<string>().HasMaxLength(30);
        c.HasOne<Glas.Web.Platform.Tenancy.Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        c.HasMany(x => x.Contacts).WithOne().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
        c.HasMany(x => x.Units).WithOne().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ContactPerson> c)
    {
        c.Property(x => x.Name).HasMaxLength(200);
        c.Property(x => x.Email).HasMaxLength(200);
        c.Property(x => x.Phone).HasMaxLength(50);
    }

    public void Configure(EntityTypeBuilder<DraftUnit> u)
    {
        u.HasIndex(x => new { x.ConsultationId, x.Number }).IsUnique();
        u.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        u.Property(x => x.Label).HasMaxLength(100);
        u.Property(x => x.Path).HasMaxLength(200);
    }

    public void Configure(EntityTypeBuilder<ProposalAnswer> a)
    {
        a.HasKey(x => x.CommentId);
        a.HasIndex(x => x.ConsultationId);
        a.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(30);
        a.Property(x => x.Justification).HasMaxLength(5000);
        a.HasOne<Comment>().WithOne().HasForeignKey<ProposalAnswer>(x => x.CommentId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ProcessRating> r)
    {
        r.HasKey(x => new { x.ConsultationId, x.UserId });
        r.Property(x => x.Remark).HasMaxLength(1000);
        r.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TimelineEvent> t)
    {
        t.HasIndex(x => new { x.ConsultationId, x.At });
        t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        t.Property(x => x.Details).HasMaxLength(1000);
        t.HasOne<Consultation>().WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Cascade);
    }
}
