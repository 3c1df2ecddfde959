using Glas.Web.Participation.Comments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glas.Web.Platform.Database;

public sealed partial class GlasDbContext
{
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<CommentSupport> CommentSupports => Set<CommentSupport>();
    public DbSet<CommentFlag> CommentFlags => Set<CommentFlag>();
}

internal sealed class CommentsConfiguration :
    IEntityTypeConfiguration<Comment>, IEntityTypeConfiguration<CommentSupport>, IEntityTypeConfiguration<CommentFlag>
{
    public void Configure(EntityTypeBuilder<Comment> c)
    {
        c.ToTable("Comments");
        c.Property(x => x.SubjectKind).HasMaxLength(40);
        // A subject's thread (or a unit's) in order; the participation statistics read the second.
        c.HasIndex(x => new { x.SubjectKind, x.SubjectId, x.UnitId, x.CreatedAt });
        c.HasIndex(x => new { x.TenantId, x.CreatedAt });
        c.HasIndex(x => x.ParentId);
        c.HasIndex(x => x.AuthorId);
        c.HasIndex(x => new { x.AuthorId, x.SubmissionId }).IsUnique().HasFilter("\"SubmissionId\" IS NOT NULL");
        c.Property(x => x.Shown).HasConversion<string>().HasMaxLength(20);
        c.Property(x => x.OrganisationName).HasMaxLength(200);
        c.Property(x => x.HiddenReason).HasMaxLength(500);
        c.HasOne<Comment>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        c.HasOne(x => x.Author).WithMany().HasForeignKey(x => x.AuthorId).OnDelete(DeleteBehavior.Restrict);
        c.Ignore(x => x.IsHidden);
    }

    public void Configure(EntityTypeBuilder<CommentSupport> s)
    {
        s.HasKey(x => new { x.CommentId, x.UserId });
        s.HasOne<Comment>().WithMany().HasForeignKey(x => x.CommentId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CommentFlag> f)
    {
        f.HasIndex(x => new { x.CommentId, x.ReporterId }).IsUnique();
        f.HasIndex(x => x.ResolvedAt);
        f.Property(x => x.Reason).HasMaxLength(500);
        f.HasOne<Comment>().WithMany().HasForeignKey(x => x.CommentId).OnDelete(DeleteBehavior.Cascade);
    }
}
