using System.Linq.Expressions;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Security;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Database;

/// <summary>
/// The one DbContext. Each module adds its sets in its own folder (a partial of this class) and
/// its mapping as IEntityTypeConfiguration classes, picked up from the assembly.
/// </summary>
public sealed partial class GlasDbContext(DbContextOptions<GlasDbContext> options, TenantContext tenant)
    : IdentityUserContext<GlasUser, Guid>(options)
{
    /// <summary>The tenant every <see cref="ITenantOwned"/> query is filtered to; null matches nothing.</summary>
    public Guid? CurrentTenantId => tenant.TenantId;

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<TenantHost> TenantHosts => Set<TenantHost>();
    public DbSet<TenantLogo> TenantLogos => Set<TenantLogo>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<Job> Jobs => Set<Job>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<GlasUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(80);
            // Identity checks uniqueness in code; the database makes it race-proof.
            u.HasIndex(x => x.NormalizedEmail).HasDatabaseName("EmailIndex").IsUnique();
            u.Property(x => x.OrganisationName).HasMaxLength(200);
            u.Property(x => x.OrganisationEik).HasMaxLength(13);
            u.Property(x => x.PreferredCulture).HasMaxLength(10);
            u.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            u.Property(x => x.OrganisationType).HasConversion<string>().HasMaxLength(20);
        });

        builder.Entity<Tenant>(t =>
        {
            t.HasIndex(x => x.Slug).IsUnique();
            t.Property(x => x.Slug).HasMaxLength(40);
            t.Property(x => x.NameBg).HasMaxLength(200);
            t.Property(x => x.NameEn).HasMaxLength(200);
            t.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
            t.Property(x => x.ContactEmail).HasMaxLength(200);
            t.Property(x => x.ContactPhone).HasMaxLength(50);
            t.Property(x => x.Address).HasMaxLength(300);
            t.Property(x => x.LogoSha256).HasMaxLength(64);
            t.ToTable(x => x.HasCheckConstraint("CK_Tenants_Population", "\"Population\" IS NULL OR \"Population\" BETWEEN 1 AND 10000000"));
            t.HasMany(x => x.Hosts).WithOne().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<TenantHost>(h =>
        {
            h.HasKey(x => x.Name);
            h.Property(x => x.Name).HasMaxLength(253);
            h.HasIndex(x => x.TenantId);
            // Stored normalised, so the primary key compares names as DNS does.
            h.ToTable(t => t.HasCheckConstraint("CK_TenantHosts_Name_normalised", "\"Name\" = lower(\"Name\") AND \"Name\" <> '' AND right(\"Name\", 1) <> '.'"));
        });

        builder.Entity<TenantLogo>(l =>
        {
            l.HasKey(x => x.TenantId);
            l.Property(x => x.ContentType).HasMaxLength(30);
            l.Property(x => x.Sha256).HasMaxLength(64);
            l.HasOne<Tenant>().WithOne().HasForeignKey<TenantLogo>(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Membership>(m =>
        {
            m.HasIndex(x => new { x.TenantId, x.UserId }).IsUnique();
            m.HasIndex(x => x.UserId);
            m.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
            m.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
            m.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<AuditEntry>(a =>
        {
            a.HasIndex(x => new { x.TenantId, x.At });
            a.HasIndex(x => new { x.TenantId, x.ActorUserId, x.At });
            a.Property(x => x.Action).HasMaxLength(60);
            a.Property(x => x.Subject).HasMaxLength(200);
            a.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Job>(j =>
        {
            j.Property(x => x.Kind).HasMaxLength(60);
            j.Property(x => x.Payload).HasColumnType("jsonb");
            j.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            j.HasIndex(x => new { x.Status, x.RunAt });
            j.HasIndex(x => x.Kind).IsUnique().HasFilter(JobRunner.OneBookingFilter);
        });

        builder.Entity<DataProtectionKey>(k => k.Property(x => x.FriendlyName).HasMaxLength(200));

        builder.ApplyConfigurationsFromAssembly(typeof(GlasDbContext).Assembly);

        // Every tenant-owned entity is filtered to the current tenant.
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            var method = typeof(GlasDbContext).GetMethod(nameof(TenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type.ClrType);
            builder.Entity(type.ClrType).HasQueryFilter((LambdaExpression)method.Invoke(this, null)!);
        }
    }

    private Expression<Func<T, bool>> TenantFilter<T>() where T : ITenantOwned => e => e.TenantId == CurrentTenantId;
}
