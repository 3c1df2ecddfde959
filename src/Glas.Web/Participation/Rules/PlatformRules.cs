using Glas.Web.Platform.Database;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Glas.Web.Participation.Rules;

/// <summary>
/// A version of an administration's platform rules: the rules of participation, the code of conduct
/// and the moderation policy, versioned together, in force from a date. A change is a new version.
/// </summary>
public sealed class RulesVersion : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public int Version { get; set; }
    public DateTimeOffset EffectiveFrom { get; set; }
    public required string Participation { get; set; }
    public required string Conduct { get; set; }
    public required string Moderation { get; set; }

    /// <summary>What changed, for the participants asked to accept it.</summary>
    public string? Changes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedBy { get; set; }
}

/// <summary>That a person accepted a version of an administration's rules (at registration, or before a contribution).</summary>
public sealed class RulesAcceptance : ITenantOwned
{
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public int Version { get; set; }
    public DateTimeOffset AcceptedAt { get; set; }
}

public sealed class RulesVersionConfiguration : IEntityTypeConfiguration<RulesVersion>
{
    public void Configure(EntityTypeBuilder<RulesVersion> builder)
    {
        builder.ToTable("RulesVersions");
        builder.Property(x => x.Participation).HasMaxLength(RulesText.MaxLength);
        builder.Property(x => x.Conduct).HasMaxLength(RulesText.MaxLength);
        builder.Property(x => x.Moderation).HasMaxLength(RulesText.MaxLength);
        builder.Property(x => x.Changes).HasMaxLength(2000);
        builder.HasIndex(x => new { x.TenantId, x.Version }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RulesAcceptanceConfiguration : IEntityTypeConfiguration<RulesAcceptance>
{
    public void Configure(EntityTypeBuilder<RulesAcceptance> builder)
    {
        builder.ToTable("RulesAcceptances");
        builder.HasKey(x => new { x.TenantId, x.UserId, x.Version });
        builder.HasIndex(x => x.UserId);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// The one check every contribution (comment, proposal, feedback, survey answer) makes: has the
/// signed-in person accepted the administration's rules in force? Versions in force are those whose
/// date has come; a person who accepted the newest of them, or a later one, may go ahead.
/// </summary>
public sealed class RulesGate(GlasDbContext db, TimeProvider time)
{
    /// <summary>The version in force now, or null when the administration has published none.</summary>
    public Task<RulesVersion?> InForceAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.RulesVersions.AsNoTracking().Where(v => v.EffectiveFrom <= now).OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);
    }

    /// <summary>The version the person must accept before contributing, or null when they may go ahead.</summary>
    public async Task<RulesVersion?> PendingAsync(Guid userId, CancellationToken ct)
    {
        if (await InForceAsync(ct) is not { } current)
        {
            return null;
        }
        var accepted = await db.RulesAcceptances.AnyAsync(a => a.UserId == userId && a.Version >= current.Version, ct);
        return accepted ? null : current;
    }

    /// <summary>The message a contribution form shows when the rules must be accepted first; null when they need not be.</summary>
    public async Task<string?> RefusalAsync(Guid userId, CancellationToken ct) =>
        await PendingAsync(userId, ct) is { } pending
            ? string.Format(System.Globalization.CultureInfo.CurrentCulture, RulesText.Refusal, pending.Version, Formats.Date(pending.EffectiveFrom))
            : null;

    /// <summary>Records that the person accepted the version (idempotent); saved by the caller.</summary>
    public async Task AcceptAsync(Guid tenantId, Guid userId, int version, CancellationToken ct)
    {
        if (!await db.RulesAcceptances.IgnoreQueryFilters().AnyAsync(a => a.TenantId == tenantId && a.UserId == userId && a.Version == version, ct))
        {
            db.RulesAcceptances.Add(new RulesAcceptance { TenantId = tenantId, UserId = userId, Version = version, AcceptedAt = time.GetUtcNow() });
        }
    }
}

/// <summary>Limits and the messages of the rules, in both languages.</summary>
public static class RulesText
{
    public const int MaxLength = 20_000;

    public static System.Text.CompositeFormat Refusal => Cultures.IsEnglish ? RefusalEn : RefusalBg;

    private static readonly System.Text.CompositeFormat RefusalEn = System.Text.CompositeFormat.Parse(
        "The rules of participation changed (version {0}, in force from {1}). Read and accept them at /rules/accept, then send this again; what you wrote is kept below.");

    private static readonly System.Text.CompositeFormat RefusalBg = System.Text.CompositeFormat.Parse(
        "Правилата за участие са променени (версия {0}, в сила от {1}). Прочетете и приемете новата версия на страницата /rules/accept и изпратете отново; написаното е запазено по-долу.");
}
