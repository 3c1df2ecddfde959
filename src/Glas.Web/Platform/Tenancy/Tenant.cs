namespace Glas.Web.Platform.Tenancy;

public enum TenantKind
{
    Municipality,
    RegionalAdministration,
    Association,
}

/// <summary>An administration served by this installation.</summary>
public sealed class Tenant
{
    public Guid Id { get; set; }
    public required string Slug { get; set; }
    public required string NameBg { get; set; }
    public required string NameEn { get; set; }
    public TenantKind Kind { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string? Address { get; set; }

    /// <summary>Inhabitants served, for the participation index (participants per 1,000 inhabitants).</summary>
    public int? Population { get; set; }

    /// <summary>Host names this tenant answers on; each belongs to one tenant only.</summary>
    public List<TenantHost> Hosts { get; set; } = [];

    /// <summary>For an association: the names of its member administrations.</summary>
    public List<string> Members { get; set; } = [];

    /// <summary>SHA-256 of the administration's logo (<see cref="TenantLogo"/>), or null without one.</summary>
    public string? LogoSha256 { get; set; }

    public bool IsDefault { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public string Name(bool english) => english ? NameEn : NameBg;
}

/// <summary>
/// A host name of a tenant, stored normalised (lower case, ASCII/punycode, no port, no trailing
/// dot) as the primary key, so the database itself refuses one name for two tenants.
/// </summary>
public sealed class TenantHost
{
    public required string Name { get; set; }
    public Guid TenantId { get; set; }
}

/// <summary>Rows that belong to one tenant; every query over them is scoped to the current tenant.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
