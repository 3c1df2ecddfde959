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
    public string? LogoUrl { get; set; }

    /// <summary>Host names (lower case, no port) this tenant answers on.</summary>
    public List<string> Hosts { get; set; } = [];

    /// <summary>For an association: the names of its member administrations.</summary>
    public List<string> Members { get; set; } = [];

    public bool IsDefault { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public string Name(bool english) => english ? NameEn : NameBg;
}

/// <summary>Rows that belong to one tenant; every query over them is scoped to the current tenant.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; set; }
}
