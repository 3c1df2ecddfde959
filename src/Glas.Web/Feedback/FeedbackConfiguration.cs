using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glas.Web.Feedback;

internal sealed class FeedbackConfiguration :
    IEntityTypeConfiguration<FeedbackCategory>, IEntityTypeConfiguration<FeedbackReport>, IEntityTypeConfiguration<FeedbackEvent>,
    IEntityTypeConfiguration<FeedbackPhoto>, IEntityTypeConfiguration<FeedbackNumber>
{
    public void Configure(EntityTypeBuilder<FeedbackNumber> n)
    {
        n.ToTable("FeedbackNumbers");
        n.HasKey(x => new { x.TenantId, x.Year });
        n.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<FeedbackCategory> c)
    {
        c.ToTable("FeedbackCategories");
        c.Property(x => x.Code).HasMaxLength(40);
        c.Property(x => x.NameBg).HasMaxLength(200);
        c.Property(x => x.NameEn).HasMaxLength(200);
        c.Property(x => x.Department).HasMaxLength(200);
        c.HasIndex(x => new { x.TenantId, x.Code }).IsUnique();
        c.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<FeedbackReport> r)
    {
        r.ToTable("FeedbackReports");
        r.Property(x => x.Number).HasMaxLength(20);
        r.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        r.Property(x => x.Title).HasMaxLength(FeedbackRules.TitleMax);
        r.Property(x => x.Description).HasMaxLength(FeedbackRules.DescriptionMax);
        r.Property(x => x.Address).HasMaxLength(FeedbackRules.AddressMax);
        r.Property(x => x.Source).HasMaxLength(20);
        r.Property(x => x.ReporterName).HasMaxLength(120);
        r.Property(x => x.ReporterEmail).HasMaxLength(256);
        r.Property(x => x.Department).HasMaxLength(200);
        r.Property(x => x.Answer).HasMaxLength(FeedbackRules.DescriptionMax);
        r.Property(x => x.ForwardedTo).HasMaxLength(300);
        r.Property(x => x.RejectReason).HasMaxLength(FeedbackRules.ReasonMax);
        r.Property(x => x.RatingRemark).HasMaxLength(FeedbackRules.ReasonMax);
        r.HasIndex(x => new { x.TenantId, x.Number }).IsUnique();
        // The officials' inbox: filtered by status, sorted by deadline.
        r.HasIndex(x => new { x.TenantId, x.Status, x.DueAt });
        r.HasIndex(x => new { x.TenantId, x.DueAt });
        // The public list and Open311 by date.
        r.HasIndex(x => new { x.TenantId, x.CreatedAt });
        r.HasIndex(x => new { x.TenantId, x.CategoryId, x.DueAt });
        // The inbox's list of departments, read by skipping through it (see FeedbackQueries.DepartmentsAsync).
        r.HasIndex(x => new { x.TenantId, x.Department });
        // The participation index counts answers and ratings per period.
        r.HasIndex(x => new { x.TenantId, x.AnsweredAt });
        r.HasIndex(x => new { x.TenantId, x.RatedAt });
        r.HasIndex(x => x.ReporterUserId);
        r.HasIndex(x => x.AssigneeUserId);
        r.HasIndex(x => x.CategoryId);
        r.HasIndex(x => x.DuplicateOfId);
        r.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        r.HasOne<FeedbackReport>().WithMany().HasForeignKey(x => x.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<FeedbackEvent> e)
    {
        e.ToTable("FeedbackEvents");
        e.Property(x => x.Kind).HasMaxLength(20);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Text).HasMaxLength(FeedbackRules.DescriptionMax);
        e.HasIndex(x => new { x.ReportId, x.At });
        e.HasIndex(x => x.ActorUserId);
        e.HasIndex(x => x.TenantId);
        e.HasOne<FeedbackReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<FeedbackPhoto> p)
    {
        p.ToTable("FeedbackPhotos");
        p.Property(x => x.StorageKey).HasMaxLength(64);
        p.Property(x => x.ContentType).HasMaxLength(40);
        p.Property(x => x.Sha256).HasMaxLength(64);
        p.HasIndex(x => new { x.ReportId, x.UploadedAt });
        p.HasIndex(x => x.TenantId);
        p.HasIndex(x => x.UploadedBy);
        p.HasIndex(x => x.ApprovedBy);
        p.HasOne<FeedbackReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        p.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}
