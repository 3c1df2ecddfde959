using Glas.Web.Platform.Tenancy;

namespace Glas.Web.Platform.Identity;

public enum TenantRole
{
    Participant,
    Moderator,
    Official,
    Administrator,
}

/// <summary>A user's role in one tenant. A signed-in user with no membership is a Participant.</summary>
public sealed class Membership : ITenantOwned
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid UserId { get; set; }
    public GlasUser? User { get; set; }
    public TenantRole Role { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public static class RoleRules
{
    /// <summary>
    /// Whether a held role may act where <paramref name="required"/> is asked. Administrators may do
    /// everything; moderators and officials have separate duties; everyone signed in participates.
    /// </summary>
    public static bool Satisfies(TenantRole held, TenantRole required) =>
        held == TenantRole.Administrator || held == required || required == TenantRole.Participant;

    /// <summary>Staff roles make an account a staff account; a participant keeps its own kind.</summary>
    public static bool IsStaffRole(TenantRole role) => role != TenantRole.Participant;

    /// <summary>
    /// An administrator may not remove the last administrator of a tenant (themselves included),
    /// or the tenant could no longer be managed.
    /// </summary>
    public static bool CanChangeRole(TenantRole current, TenantRole next, int administratorCount) =>
        !(current == TenantRole.Administrator && next != TenantRole.Administrator && administratorCount <= 1);
}
