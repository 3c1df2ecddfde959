using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glas.Web.Surveys;

public sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.ToTable("Surveys");
        builder.Property(x => x.Title).HasMaxLength(300);
        builder.Property(x => x.Introduction).HasMaxLength(5000);
        builder.Property(x => x.ThankYou).HasMaxLength(2000);
        builder.Property(x => x.Audience).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Definition).HasColumnType("jsonb");
        builder.Property(x => x.SubjectKind).HasMaxLength(40);
        builder.HasIndex(x => new { x.TenantId, x.CreatedAt });
        builder.HasIndex(x => new { x.SubjectKind, x.SubjectId });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.ToTable("SurveyResponses");
        builder.Property(x => x.BrowserKey).HasMaxLength(64);
        builder.Property(x => x.Group).HasMaxLength(20);
        builder.Property(x => x.Answers).HasColumnType("jsonb");
        // Results read every submitted response of a survey; the index covers what they count.
        builder.HasIndex(x => new { x.SurveyId, x.SubmittedAt }).IncludeProperties(x => new { x.Group });
        builder.HasIndex(x => new { x.SurveyId, x.UserId }).IsUnique().HasFilter("\"UserId\" IS NOT NULL");
        builder.HasIndex(x => new { x.SurveyId, x.BrowserKey }).IsUnique().HasFilter("\"BrowserKey\" IS NOT NULL");
        builder.HasIndex(x => x.UserId);
        // The module's statistics (read by the participation index) count a tenant's responses by time.
        builder.HasIndex(x => new { x.TenantId, x.SubmittedAt });
        builder.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class SurveyInvitationConfiguration : IEntityTypeConfiguration<SurveyInvitation>
{
    public void Configure(EntityTypeBuilder<SurveyInvitation> builder)
    {
        builder.ToTable("SurveyInvitations");
        builder.Property(x => x.Email).HasMaxLength(256);
        builder.Property(x => x.TokenHash).HasMaxLength(64);
        builder.HasIndex(x => x.TokenHash).IsUnique();
        builder.HasIndex(x => x.SurveyId);
        builder.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}
