using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glas.Web.Participation.Documents;

public sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.ToTable("Documents", t => t.HasCheckConstraint("CK_Documents_Language", "\"Language\" IN ('bg', 'en')"));
        builder.Property(x => x.SubjectKind).HasMaxLength(30);
        builder.Property(x => x.Type).HasConversion<string>().HasMaxLength(30);
        builder.Property(x => x.Title).HasMaxLength(300);
        builder.Property(x => x.Language).HasMaxLength(2).HasDefaultValue(DocumentRules.Bulgarian);
        builder.Property(x => x.Url).HasMaxLength(500);
        // Every list and every download looks documents up by their subject within the administration.
        builder.HasIndex(x => new { x.TenantId, x.SubjectKind, x.SubjectId });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> builder)
    {
        builder.ToTable("DocumentVersions");
        builder.Property(x => x.FileName).HasMaxLength(255);
        builder.Property(x => x.ContentType).HasMaxLength(100);
        builder.Property(x => x.Sha256).HasMaxLength(64);
        builder.Property(x => x.StorageKey).HasMaxLength(100);
        builder.Property(x => x.Note).HasMaxLength(500);
        builder.HasIndex(x => new { x.DocumentId, x.UploadedAt });
        // Personal data: what a person uploaded, found and cleared by uploader.
        builder.HasIndex(x => x.UploadedBy);
    }
}
