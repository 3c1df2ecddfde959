using Microsoft.AspNetCore.Identity;

namespace Glas.Web.Platform.Identity;

public enum AccountKind
{
    Citizen,
    Organisation,
    Staff,
}

public enum OrganisationType
{
    Ngo,
    Business,
    Chitalishte,
    Other,
}

public sealed class GlasUser : IdentityUser<Guid>
{
    /// <summary>The only personal detail shown publicly.</summary>
    public required string DisplayName { get; set; }

    public AccountKind Kind { get; set; }
    public string? OrganisationName { get; set; }
    public OrganisationType? OrganisationType { get; set; }

    /// <summary>ЕИК/БУЛСТАТ, validated by its checksum.</summary>
    public string? OrganisationEik { get; set; }

    public string? PreferredCulture { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the account is deleted; the row stays so public contributions keep an author.</summary>
    public DateTimeOffset? DeletedAt { get; set; }

    public bool IsDeleted => DeletedAt is not null;
}
